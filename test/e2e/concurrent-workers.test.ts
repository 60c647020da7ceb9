// Two detectors working one tenant at once (each with its own rounds, as two machines would) end
// with the clusters one detector reaches, and the offline analyzer too: on components that no two
// comments of theirs share (separate campaigns in separate threads) and on one large component
// that both grow together (a flood of near-copies, large enough that new members are attached to
// its cluster without deciding the component again, then decided in full once the flood is over).
import request from 'supertest';
import { analyzeCorpus, DEFAULT_SCORING, type CommentRecord } from '@chorus/core';
import { floodCorpus } from '../bench/service-flood-corpus.js';
import { generateCorpus } from '../eval/generate-corpus.js';
import { createHarness, type Harness } from '../support/harness.js';
import { waitFor } from '../support/services.js';

const flood = floodCorpus(240, 0, 3).comments.map((c) => ({ ...c, thread_id: `flood-${Number(c.id.slice(6)) % 4}` }));
const separate = generateCorpus({ seed: 21, threads: 4, organicPerThread: [10, 15] });
const corpus = [...flood, ...separate].map(({ label: _label, ...c }) => c);
// A fixed shuffle: arrival order must not matter.
const shuffled = corpus.map((c, i) => ({ c, k: (i * 7919) % 1013 })).sort((a, b) => a.k - b.k).map(({ c }) => c);

type Clusters = string[][];
const canonical = (groups: Iterable<string[]>): Clusters => [...groups].map((g) => [...g].sort()).sort((a, b) => a[0].localeCompare(b[0]));

/** Ingests the corpus, starts `workers` detectors, waits until every comment is scored and every cluster decided in full; returns the clusters and whether members were attached on the way. */
async function run(label: string, workers: number): Promise<{ clusters: Clusters; attached: boolean }> {
  const h: Harness = await createHarness(label, { semantic: false });
  try {
    const { key } = await h.tenant('gazette');
    const post = async (comments: typeof shuffled) => {
      for (let i = 0; i < comments.length; i += 100) {
        const res = await request(h.app).post('/v1/comments').set('Authorization', `Bearer ${key}`).send({ comments: comments.slice(i, i + 100) });
        expect(res.status).toBe(202);
      }
    };
    // Most of the corpus first; the rest once it is scored, so that the flood's cluster exists when
    // its last members arrive (a worker takes in a whole backlog at once, and would decide the
    // flood in full in one round).
    const first = Math.round(shuffled.length * 0.6);
    await post(shuffled.slice(0, first));
    for (let i = 0; i < workers; i++) h.startWorker({ settleAfterMs: 300 });
    await waitFor(async () => (await h.testDb.db.selectFrom('comments').select('id').where('status', '=', 'pending').limit(1).execute()).length === 0, 120_000, 'the first part scored');
    await post(shuffled.slice(first));
    let attached = false;
    await waitFor(async () => {
      const pending = await h.testDb.db.selectFrom('comments').select('id').where('status', '=', 'pending').limit(1).execute();
      // A cluster larger than at its last full decision took members in without one.
      const grown = await h.testDb.db.selectFrom('clusters').select('id').whereRef('size', '<>', 'decided_size').limit(1).execute();
      if (grown.length > 0) attached = true;
      return pending.length === 0 && grown.length === 0;
    }, 120_000, 'every comment scored and every cluster decided in full');
    const rows = await h.testDb.db.selectFrom('comments').select(['external_id', 'cluster_id']).where('cluster_id', 'is not', null).execute();
    const groups = new Map<string, string[]>();
    for (const r of rows) groups.set(r.cluster_id!, [...(groups.get(r.cluster_id!) ?? []), r.external_id]);
    return { clusters: canonical(groups.values()), attached };
  } finally {
    await h.close();
  }
}

test('two detectors at once end with the clusters of one, and of the offline analyzer, on separate and on shared components', async () => {
  const one = await run('concurrent-one', 1);
  const two = await run('concurrent-two', 2);
  const records: CommentRecord[] = corpus.map((r) => ({
    id: r.id, externalId: r.id, scope: 'analysis', threadId: r.thread_id, parentId: r.parent_id ?? null, authorId: r.author_id ?? null,
    postedAt: r.posted_at ? Date.parse(r.posted_at) : null, text: r.text,
  }));
  const offline = await analyzeCorpus(records, { lexicalThreshold: 0.8, scoring: DEFAULT_SCORING });

  // The flood is one cluster, all of it; the separate campaigns are clusters of their own.
  const floodIds = flood.map((c) => c.id).sort();
  expect(one.clusters).toContainEqual(floodIds);
  expect(one.clusters.length).toBeGreaterThan(2);
  // The flood's later members joined its cluster without a full decision each.
  expect(one.attached || two.attached).toBe(true);
  expect(two.clusters).toEqual(one.clusters);
  expect(canonical(offline.clusters.map((c) => [...c.members]))).toEqual(one.clusters);
}, 240_000);
