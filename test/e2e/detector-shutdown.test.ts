// A detector that has closed writes nothing more: a flood's cluster that took members in without a
// full decision is decided in full once quiet, by a timer of the process's own; that timer must not
// fire after the process stopped (it would decide a cluster, and write to the tables, behind the
// operator's back, or while a test drops its schema).
import request from 'supertest';
import { floodCorpus } from '../bench/service-flood-corpus.js';
import { createHarness, type Harness } from '../support/harness.js';
import { waitFor } from '../support/services.js';

// Long enough that a loaded machine still sees the cluster between its last attachment and the decision due.
const SETTLE_MS = 4000;
const flood = floodCorpus(130, 0, 5).comments.map(({ label: _label, ...c }) => ({ ...c, thread_id: 'flood' }));

let h: Harness;
beforeAll(async () => {
  h = await createHarness('shutdown', { semantic: false });
});
afterAll(async () => {
  await h.close();
});

test('a closed detector makes no decision of its own afterwards', async () => {
  const { key } = await h.tenant('gazette');
  const post = async (comments: typeof flood) => {
    const res = await request(h.app).post('/v1/comments').set('Authorization', `Bearer ${key}`).send({ comments });
    expect(res.status).toBe(202);
  };
  const db = h.testDb.db;
  const pending = async () => (await db.selectFrom('comments').select('id').where('status', '=', 'pending').limit(1).execute()).length;
  const grown = () => db.selectFrom('clusters').select(['id', 'size', 'decided_size']).whereRef('size', '<>', 'decided_size').execute();

  const worker = h.startWorker({ settleAfterMs: SETTLE_MS });
  await post(flood.slice(0, 120));
  // Scored, and decided in full once quiet.
  await waitFor(async () => (await pending()) === 0 && (await grown()).length === 0, 60_000, 'the first copies scored and decided');
  // A few more copies join the large cluster without a full decision (fewer than RESCORE_GROWTH asks for one).
  await post(flood.slice(120));
  const before = await waitFor(async () => (await pending()) === 0 && (await grown()).length > 0 && grown(), 30_000, 'the later copies scored and attached');
  expect(before).toHaveLength(1);
  await worker.close();
  // Past the time the quiet decision was due: the cluster is as the closed detector left it.
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS + 1000));
  expect(await grown()).toEqual(before);
}, 120_000);
