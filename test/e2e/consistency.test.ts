// The same corpus must end in the same clusters whether one worker, two worker processes at once,
// or the offline analyzer processes it.
import { spawn, type ChildProcess } from 'node:child_process';
import request from 'supertest';
import { analyzeCorpus, DEFAULT_SCORING, type CommentRecord } from '@chorus/core';
import { generateCorpus } from '../eval/generate-corpus.js';
import { memorySemanticPorts, testEncoder } from '../support/encoder.js';
import { readFixture, type FixtureComment } from '../support/fixtures.js';
import { createHarness, type Harness } from '../support/harness.js';
import { TEST_DATABASE_URL, TEST_REDIS_URL, waitFor } from '../support/services.js';


const generated = generateCorpus({ seed: 5, threads: 3, organicPerThread: [15, 25] }).map(({ label: _l, ...r }) => r as FixtureComment);
const corpus: FixtureComment[] = [...readFixture('seed-thread.jsonl'), ...readFixture('reply-ring-thread.jsonl'), ...readFixture('swarm-thread.jsonl'), ...readFixture('organic-control-thread.jsonl'), ...generated];
// A fixed shuffle: arrival order must not matter.
const shuffled = corpus.map((r, i) => ({ r, k: (i * 7919) % 1009 })).sort((a, b) => a.k - b.k).map(({ r }) => r);

type Clusters = string[][];
const canonical = (groups: Iterable<string[]>): Clusters => [...groups].map((g) => [...g].sort()).sort((a, b) => a[0].localeCompare(b[0]));

async function serviceClusters(h: Harness): Promise<Clusters> {
  const rows = await h.testDb.db.selectFrom('comments').select(['external_id', 'cluster_id']).where('cluster_id', 'is not', null).execute();
  const groups = new Map<string, string[]>();
  for (const r of rows) groups.set(r.cluster_id!, [...(groups.get(r.cluster_id!) ?? []), r.external_id]);
  return canonical(groups.values());
}

async function ingestAndWait(h: Harness, key: string, start: () => Promise<void> | void): Promise<Clusters> {
  for (let i = 0; i < shuffled.length; i += 100) {
    const res = await request(h.app).post('/v1/comments').set('Authorization', `Bearer ${key}`).send({ comments: shuffled.slice(i, i + 100) });
    expect(res.status).toBe(202);
  }
  await start();
  await waitFor(async () => {
    const pending = await h.testDb.db.selectFrom('comments').select('id').where('status', '=', 'pending').limit(1).execute();
    return pending.length === 0;
  }, 90_000, 'every comment scored');
  return serviceClusters(h);
}

let one: Clusters;

test('one worker: reference clusters (the seed swarm, the reply ring and the paraphrase swarm among them)', async () => {
  const h = await createHarness('consistency-one');
  try {
    const { key } = await h.tenant('gazette');
    one = await ingestAndWait(h, key, () => {
      h.startWorker();
    });
    expect(one.some((c) => ['c01', 'c03', 'c05', 'c07', 'c09', 'c11', 'c13'].every((id) => c.includes(id)))).toBe(true);
    // The reply ring (six agreeing replies in 23 minutes, each in its own words) is one cluster.
    expect(one).toContainEqual(['wf-03', 'wf-04', 'wf-05', 'wf-06', 'wf-07', 'wf-08']);
    // The paraphrase swarm (four wordings, each posted twice within 40 minutes) is one cluster.
    expect(one).toContainEqual(['fs-02', 'fs-03', 'fs-04', 'fs-05', 'fs-07', 'fs-08', 'fs-09', 'fs-10']);
  } finally {
    await h.close();
  }
}, 120_000);

test('two worker processes at once give the same clusters as one', async () => {
  const h = await createHarness('consistency-two', { semantic: false });
  const children: ChildProcess[] = [];
  try {
    const { key } = await h.tenant('gazette');
    const env = { ...process.env, DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: h.testDb.schema, REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: h.prefix, LOG_LEVEL: 'warn', DETECT_CONCURRENCY: '4', EMBED_BATCH_SIZE: '16', EMBED_CONCURRENCY: '16' };
    const two = await ingestAndWait(h, key, () => {
      for (let i = 0; i < 2; i++) {
        children.push(spawn(process.execPath, ['--import', 'tsx', 'workers/detector/src/main.ts'], { env, stdio: ['ignore', 'ignore', 'inherit'] }));
      }
    });
    expect(two).toEqual(one);
  } finally {
    await Promise.all(children.map((c) => new Promise((resolve) => (c.exitCode !== null ? resolve(null) : (c.once('exit', resolve), c.kill('SIGTERM'))))));
    await h.close();
  }
}, 150_000);

test('the offline analyzer gives the same clusters as the service', async () => {
  const loaded = await testEncoder();
  const records: CommentRecord[] = corpus.map((r) => ({
    id: r.id, externalId: r.id, scope: 'analysis', threadId: r.thread_id, parentId: r.parent_id, authorId: r.author_id,
    postedAt: r.posted_at ? Date.parse(r.posted_at) : null, text: r.text,
  }));
  // In one thread, and as `chorus analyze` runs it: the lexical stage in a worker thread.
  for (const lexicalThread of [false, true]) {
    const semantic = memorySemanticPorts(loaded);
    const result = await analyzeCorpus(records, { lexicalThreshold: 0.8, scoring: DEFAULT_SCORING }, { semantic, lexicalThread });
    expect(canonical(result.clusters.map((c) => [...c.members]))).toEqual(one);
  }
  // --no-semantic: in one thread, and with a worker thread verifying the lexical candidates.
  const lexicalOnly = await Promise.all(
    [false, true].map(async (lexicalThread) => {
      const result = await analyzeCorpus(records, { lexicalThreshold: 0.8, scoring: DEFAULT_SCORING }, { lexicalThread });
      return { clusters: canonical(result.clusters.map((c) => [...c.members])), verdicts: records.map((r) => result.verdicts.get(r.id)) };
    }),
  );
  expect(lexicalOnly[0].clusters.length).toBeGreaterThan(3);
  expect(lexicalOnly[1]).toEqual(lexicalOnly[0]);
}, 60_000);
