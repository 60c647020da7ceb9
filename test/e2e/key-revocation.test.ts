// `chorus keys revoke` reaches every API process at once: each drops the key from its key cache
// (KEY_CACHE_MS, 30 s here) as soon as the revocation is announced on Redis.
import { Redis } from 'ioredis';
import request from 'supertest';
import { createApiKey, upsertTenant } from '@chorus/db';
import { createDetectQueue } from '@chorus/platform';
import { keysCommand } from '../../packages/cli/src/keys.js';
import { createApp } from '../../services/api/src/app.js';
import { subscribeKeyRevocations } from '../../services/api/src/key-revocations.js';
import { silentLogger } from '../support/harness.js';
import { createTestDb, testPrefix, TEST_REDIS_URL, waitFor, type TestDb } from '../support/services.js';

let testDb: TestDb;
let keys: ReturnType<typeof testPrefix>;
const connections: Redis[] = [];

beforeAll(async () => {
  testDb = await createTestDb('key-revocation');
  keys = testPrefix('key-revocation');
});

afterAll(async () => {
  await Promise.all(connections.map((c) => c.quit()));
  await keys.cleanup();
  await testDb.cleanup();
});

/** One API process: its own Redis connections and its own key cache. */
async function apiProcess() {
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
  const subscriber = new Redis(TEST_REDIS_URL);
  connections.push(redis, subscriber);
  const keyRevocations = await subscribeKeyRevocations(subscriber, keys.prefix, silentLogger);
  return createApp({ db: testDb.db, queue: createDetectQueue(redis, keys.prefix), redis, logger: silentLogger, keyCacheMs: 30_000, keyRevocations });
}

test('a key revoked with the CLI is refused by every API process within a second, though both had it cached', async () => {
  const [one, two] = [await apiProcess(), await apiProcess()];
  const tenant = await upsertTenant(testDb.db, 'gazette');
  const { key, prefix } = await createApiKey(testDb.db, tenant.id);
  const other = await createApiKey(testDb.db, tenant.id);
  const get = (app: typeof one, k = key) => request(app).get('/v1/settings').set('Authorization', `Bearer ${k}`);
  for (const app of [one, two]) expect((await get(app)).status).toBe(200);
  // Cached: with the row revoked behind the API's back, both still accept the key.
  await testDb.db.updateTable('api_keys').set({ revoked_at: new Date() }).where('key_prefix', '=', prefix).execute();
  for (const app of [one, two]) expect((await get(app)).status).toBe(200);
  await testDb.db.updateTable('api_keys').set({ revoked_at: null }).where('key_prefix', '=', prefix).execute();

  const out: string[] = [];
  const env = { DATABASE_URL: testDb.url, DATABASE_SCHEMA: testDb.schema, REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: keys.prefix };
  await keysCommand(['revoke', prefix], new Map(), env, (s) => out.push(s));
  const revoked = Date.now();
  expect(out.join('')).toMatch(/revoked 1 key\(s\)\nannounced to 2 API process\(es\)/);
  await waitFor(async () => (await get(one)).status === 401 && (await get(two)).status === 401, 1000, 'both processes refuse the key');
  expect(Date.now() - revoked).toBeLessThan(1000);
  // Only that key: the tenant's other key still works.
  for (const app of [one, two]) expect((await get(app, other.key)).status).toBe(200);
});
