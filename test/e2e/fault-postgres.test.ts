// PostgreSQL crashes (stop -m immediate) for 10 s under a real API and worker taking ~50 comments/s:
// no process dies, the API answers 503 (never 202) and /healthz names PostgreSQL while it is down,
// and once it is back every acknowledged comment is stored and scored without anyone restarting anything.
import { randomBytes } from 'node:crypto';
import { createApiKey, createDb, openMigratedDb, upsertTenant, type Db } from '@chorus/db';
import { createPrivatePostgres, freePort, privatePostgresUnavailable, type PrivatePostgres } from '../support/private-services.js';
import { startApiProcess, startWorkerProcess, type ServiceChild } from '../support/service-children.js';
import { expectAcknowledgedScored, healthOf } from '../support/fault-checks.js';
import { startIngest } from '../support/steady-ingest.js';
import { TEST_REDIS_URL, testPrefix } from '../support/services.js';

const unavailable = privatePostgresUnavailable();
if (unavailable) console.warn(`fault-postgres skipped: ${unavailable}`);
const suite = unavailable ? describe.skip : describe;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

suite('PostgreSQL crash and restart under load', () => {
  let pg: PrivatePostgres;
  let db: Db;
  let api: ServiceChild;
  let worker: ServiceChild;
  const keys = testPrefix('fault-pg');

  beforeAll(async () => {
    pg = await createPrivatePostgres();
    // Migrated here first, so the two processes do not race on the migration lock.
    await openMigratedDb({ url: pg.url }).then(({ db: migrating }) => migrating.destroy());
    db = createDb({ url: pg.url, maxConnections: 2 });
    const env = { DATABASE_URL: pg.url, REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: keys.prefix, SWEEP_INTERVAL_MS: '1000', SWEEP_GRACE_MS: '5000' };
    [api, worker] = await Promise.all([startApiProcess({ ...env, PORT: String(await freePort()) }), startWorkerProcess(env)]);
  }, 90_000);

  afterAll(async () => {
    await Promise.all([api?.stop(), worker?.stop()]);
    await db?.destroy();
    pg?.destroy();
    await keys.cleanup();
  }, 30_000);

  test('no process dies, 503 while down, and every acknowledged comment is scored afterwards', async () => {
    const port = /"port":(\d+)/.exec(api.describe())?.[1];
    const base = `http://127.0.0.1:${port}`;
    const tenant = await upsertTenant(db, 'fault-gazette');
    const { key } = await createApiKey(db, tenant.id);
    const health = () => healthOf(base);
    expect(await health()).toEqual({ status: 200, body: { status: 'ok', postgres: 'ok', redis: 'ok' } });

    const ingest = startIngest(base, key, 50, `pg-${randomBytes(3).toString('hex')}`);
    await sleep(2500);
    const ackedBeforeCrash = ingest.tally.acked.length;
    pg.crash();
    const crashed = Date.now();
    await sleep(1500);
    const whileDown = await health();
    await sleep(10_000 - (Date.now() - crashed) - 1000);
    const ackedLateInOutage = ingest.tally.acked.length;
    await sleep(1000);
    const ackedAtRestart = ingest.tally.acked.length;
    pg.start();
    await sleep(2500);
    const tally = await ingest.stop();

    expect({ api: api.exited, worker: worker.exited }).toEqual({ api: false, worker: false });
    expect(tally.unexpected).toEqual([]);
    expect(whileDown.status).toBe(503);
    expect(whileDown.body).toMatchObject({ status: 'degraded', postgres: 'unreachable', redis: 'ok' });
    // Never 202 while down: nothing acknowledged in the outage's last second, 503s instead.
    expect(ackedAtRestart).toBe(ackedLateInOutage);
    expect(tally.statuses.get(503)).toBeGreaterThan(100);
    // Ingest resumed by itself once PostgreSQL was back.
    expect(tally.acked.length).toBeGreaterThan(ackedLateInOutage + 10);
    expect(ackedBeforeCrash).toBeGreaterThan(10);

    await expectAcknowledgedScored(db, tenant.id, tally.acked, worker);
    expect(await health()).toEqual({ status: 200, body: { status: 'ok', postgres: 'ok', redis: 'ok' } });
    expect({ api: api.exited, worker: worker.exited }).toEqual({ api: false, worker: false });
  }, 120_000);
});
