// Comments whose detection throws deterministically end in status 'failed' with the reason, within
// the retry budget; /metrics counts them; the sweeper leaves them alone; the queue keeps moving.
import request from 'supertest';
import { detectJobId } from '@chorus/contracts';
import { insertComments } from '@chorus/db';
import { enqueueDetection } from '@chorus/platform';
import { createHarness, type Harness } from '../support/harness.js';
import { waitFor } from '../support/services.js';

const ATTEMPTS = 3;
const jobOptions = { attempts: ATTEMPTS, backoff: { type: 'fixed', delay: 200 } };

let h: Harness;
afterEach(async () => {
  await h?.close();
});

test('poison comments reach "failed" within the retry budget, are counted in /metrics, and a later comment is still scored at once', async () => {
  h = await createHarness('poison');
  const { id: tenantId, key } = await h.tenant('gazette');
  const auth = { Authorization: `Bearer ${key}` };
  // A sweep every 300 ms with no grace: were failed comments swept, they would be re-enqueued at once.
  h.startWorker({ sweepIntervalMs: 300, sweepGraceMs: 0 });

  // Rows the API would refuse but a direct import (or an older version) could have stored: a
  // posted_at of 'infinity', which makes loading the comment for detection throw on every attempt.
  await h.testDb.db.insertInto('threads').values({ tenant_id: tenantId, id: 'imported' }).execute();
  const poison = await h.testDb.db
    .insertInto('comments')
    .values(['p1', 'p2', 'p3'].map((id, i) => ({ tenant_id: tenantId, external_id: id, thread_id: 'imported', text: `Imported comment number ${i} about the bridge`, content_hash: `h-${id}`, norm_hash: `n-${id}`, posted_at: i === 2 ? '-infinity' : 'infinity', posted_at_known: true })))
    .returning(['id', 'external_id'])
    .execute();
  const started = Date.now();
  await h.queue.addBulk(poison.map((c) => ({ name: 'detect', data: { tenantId, commentId: c.id }, opts: { ...jobOptions, jobId: detectJobId(c.id) } })));

  // A good comment posted after them is scored within its normal time.
  const good = await request(h.app).post('/v1/comments').set(auth).send({ id: 'good-1', thread_id: 'news', text: 'The bridge opening was well organised, thanks to everyone who helped.', posted_at: new Date().toISOString() });
  expect(good.status).toBe(202);
  await waitFor(async () => (await request(h.app).get('/v1/comments/good-1').set(auth)).body.status === 'scored', 10_000, 'the good comment scored');

  // Three attempts 200 ms apart: a few seconds at most.
  await waitFor(async () => {
    const rows = await h.testDb.db.selectFrom('comments').select('status').where('status', '=', 'failed').execute();
    return rows.length === poison.length;
  }, 15_000, 'the poison comments failed');
  expect(Date.now() - started).toBeLessThan(15_000);

  // (GET /v1/comments/p1 cannot show them: the API cannot write an infinite posted_at either; the
  // next test reads a failed comment through the API.)
  const failed = await h.testDb.db.selectFrom('comments').select(['external_id', 'status', 'failure', 'scored_at']).where('id', 'in', poison.map((c) => c.id)).orderBy('external_id').execute();
  for (const row of failed) {
    expect(row).toMatchObject({ status: 'failed', scored_at: null });
    expect(row.failure).toMatch(new RegExp(`^TypeError: .+ \\(after ${ATTEMPTS} attempts\\)$`));
  }
  // Other comments carry no failure field.
  expect((await request(h.app).get('/v1/comments/good-1').set(auth)).body).not.toHaveProperty('failure');

  const metrics = await request(h.app).get('/metrics');
  expect(metrics.text).toMatch(/^chorus_comments_failed 3$/m);
  expect(metrics.text).toMatch(/^chorus_comments_pending 0$/m);

  // Several sweeps later they are still failed and nothing is pending: the sweeper leaves them alone.
  await new Promise((r) => setTimeout(r, 1500));
  const after = await h.testDb.db.selectFrom('comments').select('status').where('id', 'in', poison.map((c) => c.id)).execute();
  expect(after.map((r) => r.status)).toEqual(['failed', 'failed', 'failed']);
  expect((await request(h.app).get('/metrics')).text).toMatch(/^chorus_comments_pending 0$/m);
}, 60_000);

test('a job that cannot succeed at all (its tenant is gone) fails the comment at its first attempt', async () => {
  h = await createHarness('poison-unrecoverable', { semantic: false });
  const { key } = await h.tenant('gazette');
  const auth = { Authorization: `Bearer ${key}` };
  const res = await request(h.app).post('/v1/comments').set(auth).send({ id: 'orphan', thread_id: 'news', text: 'A comment whose job names a tenant that does not exist.' });
  expect(res.status).toBe(202);
  const { id } = await h.testDb.db.selectFrom('comments').select('id').where('external_id', '=', 'orphan').executeTakeFirstOrThrow();
  // The API's own job (8 attempts) is replaced by one naming a tenant that does not exist.
  await (await h.queue.getJob(detectJobId(id)))?.remove();
  await h.queue.add('detect', { tenantId: 'no-such-tenant', commentId: id }, { jobId: detectJobId(id) });
  h.startWorker();
  await waitFor(async () => (await request(h.app).get('/v1/comments/orphan').set(auth)).body.status === 'failed', 10_000, 'the comment failed');
  const body = (await request(h.app).get('/v1/comments/orphan').set(auth)).body;
  expect(body).toMatchObject({ id: 'orphan', status: 'failed', verdict: null, score: null, scored_at: null, failure: 'UnrecoverableError: tenant no longer exists' });
  expect((await request(h.app).get('/metrics')).text).toMatch(/^chorus_comments_failed 1$/m);
  expect((await h.queue.getJob(detectJobId(id)))?.attemptsMade).toBe(1);
});

test('a poison comment stored in a batch fails alone: the rest of its batch is scored at once', async () => {
  h = await createHarness('poison-batch', { semantic: false });
  const { id: tenantId, key } = await h.tenant('gazette');
  const auth = { Authorization: `Bearer ${key}` };
  await h.testDb.db.insertInto('threads').values({ tenant_id: tenantId, id: 'imported' }).execute();
  const [poison] = await h.testDb.db
    .insertInto('comments')
    .values({ tenant_id: tenantId, external_id: 'bad', thread_id: 'imported', text: 'An imported comment that cannot be read back', content_hash: 'h-bad', norm_hash: 'n-bad', posted_at: 'infinity', posted_at_known: true })
    .returning('id')
    .execute();
  const good = await insertComments(h.testDb.db, tenantId, ['good-a', 'good-b'].map((id, i) => ({
    external_id: id, thread_id: 'imported', text: `A readable comment number ${i} about the ferry timetable`, content_hash: `h-${id}`, norm_hash: `n-${id}`, posted_at: new Date(), posted_at_known: true,
  })));
  if (good.kind !== 'stored') throw new Error('not stored');
  // The three as one batch job, as the API enqueues comments stored together.
  await enqueueDetection(h.queue, [poison.id, ...good.created.map((r) => r.id)].map((commentId) => ({ tenantId, commentId })));
  expect(await h.queue.getJob(detectJobId(poison.id))).toBeUndefined();
  const started = Date.now();
  h.startWorker();
  for (const id of ['good-a', 'good-b']) await waitFor(async () => (await request(h.app).get(`/v1/comments/${id}`).set(auth)).body.status === 'scored', 10_000, `${id} scored`);
  // Long before the poison comment's own retries (8, backing off from 500 ms) are spent.
  expect(Date.now() - started).toBeLessThan(5_000);
  const bad = await h.queue.getJob(detectJobId(poison.id));
  expect(bad?.data).toEqual({ tenantId, commentId: poison.id });
  const row = await h.testDb.db.selectFrom('comments').select('status').where('id', '=', poison.id).executeTakeFirstOrThrow();
  expect(row.status).toBe('pending');
}, 30_000);
