// Issue 15, limits: per-key rate limits counted in Redis (shared by every API process), a tenant's
// own limit from its settings, 429 with Retry-After and a JSON body; body size and response time
// limits on every route.
import pg from 'pg';
import request from 'supertest';
import { MAX_SMALL_BODY_BYTES } from '@chorus/contracts';
import { createApiKey } from '@chorus/db';
import { createApp } from '../../services/api/src/app.js';
import { createHarness, silentLogger, type Harness } from '../support/harness.js';
import { TEST_DATABASE_URL } from '../support/services.js';

let h: Harness;
let gazette: { id: string; key: string };
let herald: { id: string; key: string };
let app: ReturnType<typeof createApp>;
let otherProcess: ReturnType<typeof createApp>;

beforeAll(async () => {
  h = await createHarness('limits', { semantic: false });
  gazette = await h.tenant('gazette');
  herald = await h.tenant('herald');
  const deps = { db: h.testDb.db, queue: h.queue, redis: h.redis, logger: silentLogger, keyCacheMs: 0 };
  const rateLimit = { prefix: h.prefix, defaultPerMinute: 20, maxPerMinute: 50, settingsCacheMs: 0 };
  // Two API processes sharing Redis, as behind a load balancer.
  app = createApp({ ...deps, rateLimit });
  otherProcess = createApp({ ...deps, rateLimit });
});
afterAll(async () => h.close());

const getAs = (target: typeof app, key: string) => request(target).get('/v1/settings').set('Authorization', `Bearer ${key}`);

describe('per-key rate limits', () => {
  test('the 21st request of a minute is a 429 with Retry-After and a JSON body, counted across API processes', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await getAs(i % 2 === 0 ? app : otherProcess, gazette.key)).status);
    expect(statuses).toEqual(Array(20).fill(200));
    const refused = await getAs(otherProcess, gazette.key);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(refused.headers['ratelimit-remaining']).toBe('0');
    expect(refused.body.error).toEqual({ code: 'rate_limited', message: expect.stringContaining('20 requests a minute'), field: 'authorization' });
  });

  test("another key, of another tenant or the same one, has its own count", async () => {
    expect((await getAs(app, herald.key)).status).toBe(200);
    const { key: second } = await createApiKey(h.testDb.db, gazette.id);
    expect((await getAs(app, second)).status).toBe(200);
  });

  test("a tenant's rate_limit_per_minute applies at once; the operator's ceiling bounds it", async () => {
    const put = await request(app).put('/v1/settings').set('Authorization', `Bearer ${herald.key}`).send({ rate_limit_per_minute: 3 });
    expect(put.status).toBe(200);
    expect(put.body.settings.rate_limit_per_minute).toBe(3);
    // Two requests so far this minute (the GET above and the PUT): one more passes, then 429.
    expect((await getAs(app, herald.key)).status).toBe(200);
    expect((await getAs(app, herald.key)).status).toBe(429);

    const { key: fresh } = await createApiKey(h.testDb.db, herald.id);
    await h.testDb.db.updateTable('tenants').set({ settings: JSON.stringify({ rate_limit_per_minute: 1_000_000 }) }).where('id', '=', herald.id).execute();
    const first = await getAs(app, fresh);
    expect(first.headers['ratelimit-limit']).toBe('50');
  });

  test('a rate_limit_per_minute that is not a positive integer is a 422 naming it', async () => {
    const res = await request(app).put('/v1/settings').set('Authorization', `Bearer ${(await createApiKey(h.testDb.db, herald.id)).key}`).send({ rate_limit_per_minute: 0 });
    expect([res.status, res.body.error.field]).toEqual([422, 'rate_limit_per_minute']);
  });
});

describe('size and time limits on every route', () => {
  const auth = async () => ({ Authorization: `Bearer ${(await createApiKey(h.testDb.db, gazette.id)).key}` });

  test(`bodies of routes other than ingest are limited to ${MAX_SMALL_BODY_BYTES} bytes; ingest takes a large batch`, async () => {
    const headers = await auth();
    const big = { suspect_threshold: 0.5, padding: 'x'.repeat(MAX_SMALL_BODY_BYTES) };
    const settings = await request(h.app).put('/v1/settings').set(headers).send(big);
    expect([settings.status, settings.body.error.code, settings.body.error.field]).toEqual([413, 'body_too_large', 'body']);
    const thread = await request(h.app).put('/v1/threads/t1').set(headers).send({ title: 'x'.repeat(MAX_SMALL_BODY_BYTES) });
    expect(thread.status).toBe(413);
    const comments = Array.from({ length: 20 }, (_, i) => ({ id: `big-${i}`, thread_id: 't1', text: 'y'.repeat(10_000) }));
    expect((await request(h.app).post('/v1/comments').set(headers).send({ comments })).status).toBe(202);
  });

  test('a route that has not answered within the deadline is a 503 response_timeout, and the connection closes', async () => {
    const headers = await auth();
    const deadlined = createApp({ db: h.testDb.db, queue: h.queue, redis: h.redis, logger: silentLogger, keyCacheMs: 0, responseTimeoutMs: 300 });
    // Another session holds the tenant's row, so PUT /v1/settings waits on PostgreSQL.
    const holder = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await holder.connect();
    try {
      await holder.query('begin');
      await holder.query(`select 1 from "${h.testDb.schema}".tenants where id = $1 for update`, [gazette.id]);
      const started = Date.now();
      const res = await request(deadlined).put('/v1/settings').set(headers).send({ suspect_threshold: 0.5 });
      expect(res.status).toBe(503);
      expect(res.body.error).toEqual({ code: 'response_timeout', message: expect.any(String), field: null });
      expect(res.headers.connection).toBe('close');
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      await holder.query('rollback');
      await holder.end();
    }
    // Without a held lock the same route answers well within the deadline.
    expect((await request(deadlined).put('/v1/settings').set(headers).send({ suspect_threshold: 0.5 })).status).toBe(200);
  });
});
