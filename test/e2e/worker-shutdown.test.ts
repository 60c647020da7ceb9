// A worker sent SIGTERM while it has jobs in hand exits within SHUTDOWN_TIMEOUT_MS (plus the time
// to close its connections), and nothing acknowledged is lost: the jobs it let go are finished by
// another worker or re-enqueued by the sweeper.
import { Queue } from 'bullmq';
import request from 'supertest';
import { QUEUES } from '@chorus/contracts';
import { faultComment } from '../support/steady-ingest.js';
import { createHarness, type Harness } from '../support/harness.js';
import { startWorkerProcess } from '../support/service-children.js';
import { TEST_DATABASE_URL, TEST_REDIS_URL, waitFor } from '../support/services.js';

const SHUTDOWN_TIMEOUT_MS = 3000;
// Closing queues, Redis and the pg pool after the jobs are let go, and the process ending.
const CLOSING_SLACK_MS = 4000;

let h: Harness;
afterEach(async () => {
  await h?.close();
});

const count = async (status: 'pending' | 'scored'): Promise<number> =>
  Number((await h.testDb.db.selectFrom('comments').select((eb) => eb.fn.countAll<string>().as('n')).where('status', '=', status).executeTakeFirstOrThrow()).n);

test('SIGTERM with jobs in hand: the worker exits within SHUTDOWN_TIMEOUT_MS and every acknowledged comment is still scored', async () => {
  h = await createHarness('worker-shutdown');
  const { key } = await h.tenant('gazette');
  const env = {
    DATABASE_URL: TEST_DATABASE_URL,
    DATABASE_SCHEMA: h.testDb.schema,
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: h.prefix,
    LOG_LEVEL: 'info',
    SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
    DETECT_CONCURRENCY: '8',
    EMBED_BATCH_SIZE: '16',
    EMBED_CONCURRENCY: '16',
  };
  const worker = await startWorkerProcess(env);

  const total = 300;
  for (let i = 0; i < total; i += 150) {
    const comments = Array.from({ length: 150 }, (_, k) => faultComment(i + k, 'sd'));
    const res = await request(h.app).post('/v1/comments').set('Authorization', `Bearer ${key}`).send({ comments });
    expect(res.status).toBe(202);
  }
  // Mid-flood: some scored, many still pending, so the worker has jobs in hand.
  await waitFor(async () => (await count('scored')) >= 20, 60_000, 'the first comments scored');
  expect(await count('pending')).toBeGreaterThan(0);

  const signalled = Date.now();
  await worker.stop(60_000);
  const tookMs = Date.now() - signalled;
  process.stderr.write(`worker exited ${tookMs} ms after SIGTERM\n`);
  expect(tookMs).toBeLessThan(SHUTDOWN_TIMEOUT_MS + CLOSING_SLACK_MS);

  // Another worker takes over (a short sweep grace: a job the first worker held is re-enqueued or
  // handed back by BullMQ's stalled-job check).
  const second = await startWorkerProcess({ ...env, SWEEP_INTERVAL_MS: '500', SWEEP_GRACE_MS: '1000' });
  let left = -1;
  await waitFor(async () => (left = await count('pending')) === 0, 90_000, 'every acknowledged comment scored').catch(async (err: Error) => {
    const embed = new Queue(QUEUES.embed, { connection: h.redis, prefix: h.prefix });
    const counts = JSON.stringify({ detect: await h.queue.getJobCounts(), embed: await embed.getJobCounts() });
    throw new Error(`${err.message}: ${left} pending; jobs ${counts}; ${second.describe()}`);
  });
  expect(await count('scored')).toBe(total);
  await second.stop();
}, 240_000);
