// A component larger than the component limit is decided in neighbourhoods (component-repo's cut
// decisions), each walked from several of a round's new comments at once: every comment still ends
// scored, a flood past the limit is flagged as a whole, and organic comments beside it are not.
import request from 'supertest';
import { floodCorpus } from '../bench/service-flood-corpus.js';
import { generateCorpus } from '../eval/generate-corpus.js';
import { createHarness, type Harness } from '../support/harness.js';
import { waitFor } from '../support/services.js';

const flood = floodCorpus(300, 0, 4).comments.map((c) => ({ ...c, thread_id: `flood-${Number(c.id.slice(6)) % 4}` }));
const separate = generateCorpus({ seed: 22, threads: 4, organicPerThread: [10, 15] });
const corpus = [...flood, ...separate];
const shuffled = corpus.map((c, i) => ({ c, k: (i * 7919) % 1013 })).sort((a, b) => a.k - b.k).map(({ c }) => c);

let h: Harness;
beforeAll(async () => {
  h = await createHarness('past-limit', { semantic: false });
});
afterAll(async () => h.close());

test('past the component limit every comment is scored, the flood is flagged and organic comments are not', async () => {
  const { key } = await h.tenant('gazette');
  // A limit far below the flood's size: its component is decided in neighbourhoods throughout.
  h.startWorker({ componentLimit: 40, settleAfterMs: 300 });
  for (let i = 0; i < shuffled.length; i += 50) {
    const res = await request(h.app).post('/v1/comments').set('Authorization', `Bearer ${key}`).send({ comments: shuffled.slice(i, i + 50).map(({ label: _label, ...c }) => c) });
    expect(res.status).toBe(202);
  }
  const db = h.testDb.db;
  await waitFor(async () => (await db.selectFrom('comments').select('id').where('status', '<>', 'scored').limit(1).execute()).length === 0, 120_000, 'every comment scored');
  const flagged = new Set(
    (await db.selectFrom('comments').innerJoin('clusters', 'clusters.id', 'comments.cluster_id').select('comments.external_id').where('clusters.verdict', 'in', ['suspect', 'coordinated']).execute()).map((r) => r.external_id),
  );
  const floodFlagged = flood.filter((c) => flagged.has(c.id)).length;
  expect(floodFlagged / flood.length).toBeGreaterThanOrEqual(0.95);
  expect(separate.filter((c) => c.label === 'organic' && flagged.has(c.id))).toEqual([]);
}, 180_000);
