// Named, scoped keys: a publisher's ingest key cannot decide clusters, a moderator's key cannot
// ingest, an analyst's read key can only read, and the audit log names the moderator who decided.
// Keys made before scopes existed keep every scope. Real API, detector, PostgreSQL and Redis.
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { createApiKey, createDb, dropSchema, migrateToLatest, migrateUpTo, upsertTenant } from '@chorus/db';
import { keysCommand } from '../../packages/cli/src/keys.js';
import { UsageError } from '../../packages/cli/src/args.js';
import { campaign, flaggedCampaign } from '../support/campaign.js';
import { createHarness, type Harness } from '../support/harness.js';
import { TEST_DATABASE_URL, TEST_REDIS_URL } from '../support/services.js';

let h: Harness;
let clusterId: string;
const keys = { ingest: '', read: '', alice: '' };

const as = (key: string) => ({ Authorization: `Bearer ${key}` });
const env = () => ({ DATABASE_URL: h.testDb.url, DATABASE_SCHEMA: h.testDb.schema, REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: h.prefix });

/** `chorus keys create` as an operator runs it; returns the key it printed and all it printed. */
async function cli(...args: string[]): Promise<{ key: string; out: string }> {
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i += 2) flags.set(args[i].replace(/^--/, ''), args[i + 1]);
  const out: string[] = [];
  await keysCommand(['create'], flags, env(), (s) => out.push(s));
  const text = out.join('');
  return { key: /api key: (\S+)/.exec(text)![1], out: text };
}

beforeAll(async () => {
  h = await createHarness('key-scopes', { semantic: false });
  const tenant = await h.tenant('gazette');
  h.startWorker();
  clusterId = await flaggedCampaign(h, tenant.key);
  const alice = await cli('--tenant', 'gazette', '--moderator', 'alice', '--scope', 'moderate');
  expect(alice.out).toContain('moderator: alice');
  expect(alice.out).toContain('scopes:  moderate');
  keys.alice = alice.key;
  keys.ingest = (await cli('--tenant', 'gazette', '--scope', 'ingest')).key;
  keys.read = (await cli('--tenant', 'gazette', '--scope', 'read')).key;
}, 60_000);
afterAll(async () => h.close());

const ingest = (key: string, id: string) => request(h.app).post('/v1/comments').set(as(key)).send({ id, thread_id: 'budget-vote', author_id: 'reader-9', text: 'When is the next council meeting on this?' });
const decide = (key: string, action = 'confirm', note?: string) => request(h.app).post(`/v1/clusters/${clusterId}/review`).set(as(key)).send({ action, note });

test("a publisher's ingest key sends comments and reads their verdicts, but cannot decide or read clusters", async () => {
  expect((await ingest(keys.ingest, 'from-ingest')).status).toBe(202);
  expect((await request(h.app).get('/v1/comments/cp0').set(as(keys.ingest))).body.cluster_id).toBe(clusterId);
  const refused = await decide(keys.ingest, 'dismiss');
  expect(refused.status).toBe(403);
  expect(refused.body.error).toEqual({ code: 'forbidden', field: 'authorization', message: expect.stringContaining('needs the moderate scope') });
  expect((await request(h.app).get('/v1/clusters').set(as(keys.ingest))).status).toBe(403);
  // Its webhooks are its integration's: it lists them; an analyst's or a moderator's key does not.
  expect((await request(h.app).get('/v1/webhooks').set(as(keys.ingest))).status).toBe(200);
  for (const other of [keys.read, keys.alice]) expect((await request(h.app).get('/v1/webhooks').set(as(other))).status).toBe(403);
  expect((await request(h.app).get(`/v1/clusters/${clusterId}`).set(as(keys.alice))).body.status).toBe('flagged');
});

test("a moderator's key reads and decides clusters, cannot ingest, and the audit log names the moderator", async () => {
  const refused = await ingest(keys.alice, 'from-alice');
  expect(refused.status).toBe(403);
  expect(refused.body.error.message).toContain('needs the ingest scope');
  expect((await request(h.app).get('/v1/comments/from-alice').set(as(keys.alice))).status).toBe(404);
  expect((await decide(keys.alice, 'confirm', 'six copies in six minutes')).status).toBe(200);
  const log = await request(h.app).get('/v1/moderation-log?moderator=alice').set(as(keys.alice));
  expect(log.body.entries).toEqual([expect.objectContaining({ action: 'confirm', moderator: 'alice', note: 'six copies in six minutes', cluster_id: clusterId })]);
  const history = (await request(h.app).get(`/v1/clusters/${clusterId}`).set(as(keys.alice))).body.history;
  expect(history.at(-1)).toMatchObject({ moderator: 'alice' });
  expect((await decide(keys.alice, 'reopen')).status).toBe(200);
});

test("an analyst's read key reads clusters, the network, exports and the log, and changes nothing", async () => {
  for (const path of ['/v1/clusters', `/v1/clusters/${clusterId}`, '/v1/network', '/v1/exports/flagged.csv', '/v1/moderation-log', '/v1/settings', `/v1/comments/${campaign[0].id}`]) {
    expect([path, (await request(h.app).get(path).set(as(keys.read))).status]).toEqual([path, 200]);
  }
  expect((await decide(keys.read)).status).toBe(403);
  expect((await ingest(keys.read, 'from-read')).status).toBe(403);
  expect((await request(h.app).put('/v1/settings').set(as(keys.read)).send({ suspect_threshold: 0.1 })).status).toBe(403);
});

test('a key made without --scope has every scope, as keys had before', async () => {
  const { key, out } = await cli('--tenant', 'gazette');
  expect(out).toContain('scopes:  ingest, moderate, read');
  expect((await ingest(key, 'from-all')).status).toBe(202);
  expect((await decide(key, 'reopen')).status).toBe(200);
});

test('the CLI refuses an unknown scope, naming the valid ones', async () => {
  await expect(cli('--tenant', 'gazette', '--scope', 'admin')).rejects.toThrow(UsageError);
  await expect(cli('--tenant', 'gazette', '--scope', 'admin')).rejects.toThrow(/ingest, moderate, read/);
});

test('a key that existed before the upgrade gets every scope; one made after has only what it was given', async () => {
  const schema = `t_key_upgrade_${randomBytes(4).toString('hex')}`;
  const db = createDb({ url: TEST_DATABASE_URL, schema, maxConnections: 2 });
  try {
    await dropSchema(db, schema);
    await migrateUpTo(db, '2026-12-03-moderation-audit', schema);
    const tenant = await upsertTenant(db, 'old-publisher');
    // The row as the previous release wrote it: no scopes, no moderator.
    await db.insertInto('api_keys').values({ tenant_id: tenant.id, key_hash: 'a'.repeat(64), key_prefix: 'old00000', revoked_at: null } as never).execute();
    await migrateToLatest(db, schema);
    const row = await db.selectFrom('api_keys').select(['scopes', 'moderator']).where('key_prefix', '=', 'old00000').executeTakeFirstOrThrow();
    expect([...row.scopes].sort()).toEqual(['ingest', 'moderate', 'read']);
    expect(row.moderator).toBeNull();
    // A key made after the upgrade has what it was given, and nothing by default from the column.
    const made = await createApiKey(db, tenant.id, { scopes: ['read'] });
    const fresh = await db.selectFrom('api_keys').select('scopes').where('key_prefix', '=', made.prefix).executeTakeFirstOrThrow();
    expect(fresh.scopes).toEqual(['read']);
  } finally {
    await dropSchema(db, schema);
    await db.destroy();
  }
});
