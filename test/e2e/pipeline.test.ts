import request from 'supertest';
import { detectJobId, QUEUES } from '@chorus/contracts';
import { insertComments } from '@chorus/db';
import { UnrecoverableError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { readFixture } from '../support/fixtures.js';
import { createHarness, type Harness } from '../support/harness.js';
import { TEST_REDIS_URL, waitFor } from '../support/services.js';
import { releaseLock, Sweeper } from '../../workers/detector/src/sweeper.js';
import { silentLogger } from '../support/harness.js';

const seed = readFixture('seed-thread.jsonl');

let h: Harness;
beforeEach(async () => {
  h = await createHarness('pipeline');
});
afterEach(async () => h.close());

async function verdicts(key: string, ids: string[]) {
  return Promise.all(ids.map(async (id) => (await request(h.app).get(`/v1/comments/${id}`).set('Authorization', `Bearer ${key}`)).body));
}

async function allScored(key: string, ids: string[]) {
  return waitFor(async () => {
    const v = await verdicts(key, ids);
    return v.every((c) => c.status === 'scored') && v;
  }, 20_000, 'all comments scored');
}

test('API -> PostgreSQL -> worker -> verdict: the seed thread\'s echo replies are flagged together', async () => {
  const { key } = await h.tenant('gazette');
  h.startWorker();
  const res = await request(h.app).post('/v1/comments').set('Authorization', `Bearer ${key}`).send({ comments: seed });
  expect(res.status).toBe(202);
  expect(res.body.accepted).toBe(14);
  const v = await allScored(key, seed.map((r) => r.id));
  const byId = new Map(v.map((c) => [c.id, c]));
  const c06 = byId.get('c06');
  expect(c06.verdict).not.toBe('clean');
  expect(byId.get('c10').cluster_id).toBe(c06.cluster_id);
  expect(byId.get('c14').cluster_id).toBe(c06.cluster_id);
  expect(byId.get('c08').verdict).not.toBe('clean');
  expect(byId.get('c12').cluster_id).toBe(byId.get('c08').cluster_id);
  expect(c06.reasons.map((r: { signal: string }) => r.signal)).toContain('reply-echo');
  // The semantic stage joins the seven paraphrased top-level comments, which share few words.
  const top = ['c01', 'c03', 'c05', 'c07', 'c09', 'c11', 'c13'].map((id) => byId.get(id));
  expect(new Set(top.map((c) => c.cluster_id)).size).toBe(1);
  expect(top[0].cluster_id).not.toBeNull();
  expect(top[0].verdict).toBe('coordinated');

  const cluster = await request(h.app).get(`/v1/clusters/${c06.cluster_id}`).set('Authorization', `Bearer ${key}`);
  expect(cluster.status).toBe(200);
  expect(cluster.body.members.map((m: { id: string }) => m.id)).toEqual(expect.arrayContaining(['c06', 'c10', 'c14']));
  const flagged = await request(h.app).get('/v1/clusters?status=flagged').set('Authorization', `Bearer ${key}`);
  expect(flagged.body.clusters.map((c: { id: string }) => c.id)).toContain(c06.cluster_id);
});

test('a detect-only process hands comments to the embed stage of another process', async () => {
  const { key } = await h.tenant('gazette');
  // As main.ts starts them with WORKER_QUEUES=detect and =embed: only the embed process loads the model.
  h.startWorker({ queues: ['detect'], semantic: undefined, semanticEnabled: true });
  h.startWorker({ queues: ['embed'] });
  await request(h.app).post('/v1/comments').set('Authorization', `Bearer ${key}`).send({ comments: seed });
  const v = await allScored(key, seed.map((r) => r.id));
  const byId = new Map(v.map((c) => [c.id, c]));
  // Only the semantic stage joins the seven paraphrased top-level comments.
  const top = ['c01', 'c03', 'c05', 'c07', 'c09', 'c11', 'c13'].map((id) => byId.get(id));
  expect(new Set(top.map((c) => c.cluster_id)).size).toBe(1);
  expect(top[0].cluster_id).not.toBeNull();
});

test('a job delivered twice changes nothing', async () => {
  const { key, id: tenantId } = await h.tenant('gazette');
  const worker = h.startWorker();
  await request(h.app).post('/v1/comments').set('Authorization', `Bearer ${key}`).send({ comments: seed });
  const before = await allScored(key, seed.map((r) => r.id));
  const clustersBefore = await h.testDb.db.selectFrom('clusters').selectAll().orderBy('id').execute();
  const edgesBefore = await h.testDb.db.selectFrom('edges').select(['a_id', 'b_id', 'kind']).orderBy('a_id').orderBy('b_id').execute();

  const c10 = await h.testDb.db.selectFrom('comments').select('id').where('external_id', '=', 'c10').executeTakeFirstOrThrow();
  const done = new Promise<void>((resolve) => worker.workers[0].once('completed', () => resolve()));
  await h.queue.add('detect', { tenantId, commentId: c10.id }, { jobId: `${detectJobId(c10.id)}-again` });
  await done;

  const after = await verdicts(key, seed.map((r) => r.id));
  const strip = (cs: typeof before) => cs.map(({ scored_at: _s, ...rest }: { scored_at: string }) => rest);
  expect(strip(after)).toEqual(strip(before));
  const clustersAfter = await h.testDb.db.selectFrom('clusters').selectAll().orderBy('id').execute();
  expect(clustersAfter.map(({ updated_at: _u, ...c }) => c)).toEqual(clustersBefore.map(({ updated_at: _u, ...c }) => c));
  expect(await h.testDb.db.selectFrom('edges').select(['a_id', 'b_id', 'kind']).orderBy('a_id').orderBy('b_id').execute()).toEqual(edgesBefore);
});

test('a comment stored while no worker runs is scored once a worker starts', async () => {
  const { key } = await h.tenant('gazette');
  const res = await request(h.app).post('/v1/comments').set('Authorization', `Bearer ${key}`).send(seed[0]);
  expect(res.status).toBe(202);
  expect((await verdicts(key, ['c01']))[0].status).toBe('pending');
  h.startWorker();
  const [c01] = await allScored(key, ['c01']);
  expect(c01.verdict).toBe('clean');
});

test('a comment whose job was lost (Redis emptied) is found by the sweeper and scored', async () => {
  const { id: tenantId, key } = await h.tenant('gazette');
  // Stored as the API stores it, but the job never reaches Redis.
  await insertComments(h.testDb.db, tenantId, [
    { external_id: 'lost-1', thread_id: 't', parent_external_id: null, account_id: 'a', author_name: null, text: 'A comment whose job was lost', content_hash: 'x', norm_hash: 'y', posted_at: new Date(), posted_at_known: false, cluster_id: null, scored_at: null },
  ]);
  expect(await h.queue.getJobCounts('waiting', 'active', 'delayed')).toEqual({ waiting: 0, active: 0, delayed: 0 });
  h.startWorker({ sweepIntervalMs: 200, sweepGraceMs: 0 });
  const [lost] = await allScored(key, ['lost-1']);
  expect(lost.verdict).toBe('clean');
});

test('re-sending comments that are already scored does not run their detection again', async () => {
  const { key } = await h.tenant('gazette');
  const worker = h.startWorker();
  await request(h.app).post('/v1/comments').set('Authorization', `Bearer ${key}`).send({ comments: seed.slice(0, 4) });
  await allScored(key, seed.slice(0, 4).map((r) => r.id));
  await worker.close();
  const res = await request(h.app).post('/v1/comments').set('Authorization', `Bearer ${key}`).send({ comments: seed.slice(0, 5) });
  expect(res.status).toBe(202);
  expect(res.body.created).toBe(1);
  // Only the new comment waits for detection.
  expect(await h.queue.getJobCounts('waiting', 'active', 'delayed')).toEqual({ waiting: 1, active: 0, delayed: 0 });
});

test('a batch is one job, and the sweeper leaves comments waiting in a batch job alone while it waits', async () => {
  const { key } = await h.tenant('gazette');
  const res = await request(h.app).post('/v1/comments').set('Authorization', `Bearer ${key}`).send({ comments: seed.slice(0, 6) });
  expect(res.status).toBe(202);
  // Six comments stored together: one job, not six.
  expect(await h.queue.getJobCounts('waiting', 'active', 'delayed')).toEqual({ waiting: 1, active: 0, delayed: 0 });
  const redis = new Redis(TEST_REDIS_URL);
  try {
    // No grace at all: every pending comment is stale, yet none is lost.
    const sweeper = new Sweeper(h.testDb.db, redis, h.queue, silentLogger, { intervalMs: 60_000, graceMs: 0, batch: 1000, lockKey: `${h.prefix}:sweep-lock` });
    expect(await sweeper.sweep()).toBe(0);
    await sweeper.stop();
    expect(await h.queue.getJobCounts('waiting', 'active', 'delayed')).toEqual({ waiting: 1, active: 0, delayed: 0 });
  } finally {
    await redis.quit();
  }
  h.startWorker();
  await allScored(key, seed.slice(0, 6).map((r) => r.id));
});

test('a sweep that outlived its lock leaves the next holder\'s lock in place', async () => {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    const key = `${h.prefix}:sweep-lock`;
    // The first pass's lock expired and another worker's pass took it.
    await redis.set(key, 'second-pass', 'PX', 60_000);
    expect(await releaseLock(redis, key, 'first-pass')).toBe(false);
    expect(await redis.get(key)).toBe('second-pass');
    expect(await releaseLock(redis, key, 'second-pass')).toBe(true);
    expect(await redis.exists(key)).toBe(0);
  } finally {
    await redis.quit();
  }
});

test('a job that failed for good does not stop the sweeper from retrying its comment', async () => {
  const { key } = await h.tenant('gazette');
  // A worker that crashes on every job: the job ends in the failed set under the comment's job id.
  const connection = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
  const broken = new Worker(QUEUES.detect, async () => {
    throw new UnrecoverableError('simulated crash');
  }, { connection, prefix: h.prefix });
  const failed = new Promise<void>((resolve) => broken.once('failed', () => resolve()));
  await request(h.app).post('/v1/comments').set('Authorization', `Bearer ${key}`).send(seed[2]);
  await failed;
  await broken.close();
  await connection.quit();
  const row = await h.testDb.db.selectFrom('comments').select(['id', 'status']).where('external_id', '=', 'c03').executeTakeFirstOrThrow();
  expect(row.status).toBe('pending');
  expect(await (await h.queue.getJob(detectJobId(row.id)))!.getState()).toBe('failed');

  h.startWorker({ sweepIntervalMs: 200, sweepGraceMs: 0 });
  const [c03] = await allScored(key, ['c03']);
  expect(c03.status).toBe('scored');
});
