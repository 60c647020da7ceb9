// Redis is killed (SIGKILL, no persistence) under a real API and worker taking ~50 comments/s and
// restarted empty: no process dies, ingest keeps answering 202 (comments are stored in PostgreSQL
// first), /healthz names Redis while it is down, and the sweeper re-enqueues every pending comment
// whose job was lost, so every acknowledged comment is scored.
import { randomBytes } from 'node:crypto';
import { createApiKey, upsertTenant } from '@chorus/db';
import { createPrivateRedis, freePort, type PrivateRedis } from '../support/private-services.js';
import { startApiProcess, startWorkerProcess, type ServiceChild } from '../support/service-children.js';
import { expectAcknowledgedScored, healthOf } from '../support/fault-checks.js';
import { startIngest } from '../support/steady-ingest.js';
import { createTestDb, TEST_DATABASE_URL, type TestDb } from '../support/services.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Redis killed and restarted empty under load', () => {
  let redis: PrivateRedis;
  let testDb: TestDb;
  let api: ServiceChild;
  let worker: ServiceChild;

  beforeAll(async () => {
    redis = await createPrivateRedis();
    testDb = await createTestDb('fault_redis');
    const env = { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: testDb.schema, REDIS_URL: redis.url, QUEUE_PREFIX: 'chorus-fault', SWEEP_INTERVAL_MS: '1000', SWEEP_GRACE_MS: '5000' };
    [api, worker] = await Promise.all([startApiProcess({ ...env, PORT: String(await freePort()), ENQUEUE_TIMEOUT_MS: '500' }), startWorkerProcess(env)]);
  }, 90_000);

  afterAll(async () => {
    await Promise.all([api?.stop(), worker?.stop()]);
    await redis?.destroy();
    await testDb?.cleanup();
  }, 30_000);

  test('no process dies, nothing acknowledged is lost, and every comment is scored after the restart', async () => {
    const port = /"port":(\d+)/.exec(api.describe())?.[1];
    const base = `http://127.0.0.1:${port}`;
    const tenant = await upsertTenant(testDb.db, 'fault-gazette');
    const { key } = await createApiKey(testDb.db, tenant.id);
    const health = () => healthOf(base);
    expect(await health()).toEqual({ status: 200, body: { status: 'ok', postgres: 'ok', redis: 'ok' } });

    const ingest = startIngest(base, key, 50, `redis-${randomBytes(3).toString('hex')}`);
    await sleep(2500);
    await redis.kill();
    const ackedAtKill = ingest.tally.acked.length;
    await sleep(1500);
    const whileDown = await health();
    await sleep(1500);
    const ackedWhileDown = ingest.tally.acked.length - ackedAtKill;
    await redis.start();
    await sleep(2000);
    const tally = await ingest.stop();

    expect({ api: api.exited, worker: worker.exited }).toEqual({ api: false, worker: false });
    expect(tally.unexpected).toEqual([]);
    expect(whileDown.status).toBe(503);
    expect(whileDown.body).toMatchObject({ status: 'degraded', postgres: 'ok' });
    expect(whileDown.body.redis).not.toBe('ok');
    // PostgreSQL holds the record: ingest went on acknowledging while Redis was gone.
    expect(ackedWhileDown).toBeGreaterThan(50);

    await expectAcknowledgedScored(testDb.db, tenant.id, tally.acked, worker);
    expect(await health()).toEqual({ status: 200, body: { status: 'ok', postgres: 'ok', redis: 'ok' } });
    expect({ api: api.exited, worker: worker.exited }).toEqual({ api: false, worker: false });
  }, 120_000);
});
