// The audit log: every decision with who made it, what, when and the moderator's note, filterable,
// for the tenant only. Real API, detector, PostgreSQL and Redis.
import request from 'supertest';
import { createApiKey } from '@chorus/db';
import { flaggedCampaign } from '../support/campaign.js';
import { createHarness, type Harness } from '../support/harness.js';

let h: Harness;
let alice: { key: string; prefix: string };
let bob: { key: string; prefix: string };
let outsider: string;
let clusterId: string;

const as = (key: string) => ({ Authorization: `Bearer ${key}` });
const log = (key: string, query = '') => request(h.app).get(`/v1/moderation-log${query}`).set(as(key));

beforeAll(async () => {
  h = await createHarness('moderation-log', { semantic: false });
  const tenant = await h.tenant('gazette');
  outsider = (await h.tenant('herald')).key;
  alice = await createApiKey(h.testDb.db, tenant.id);
  bob = await createApiKey(h.testDb.db, tenant.id);
  h.startWorker();
  clusterId = await flaggedCampaign(h, tenant.key);
  const decide = async (key: string, action: string, note?: string) => {
    const version = (await request(h.app).get(`/v1/clusters/${clusterId}`).set(as(key))).body.version;
    const res = await request(h.app).post(`/v1/clusters/${clusterId}/review`).set(as(key)).send({ action, version, note });
    if (res.status !== 200) throw new Error(JSON.stringify(res.body));
  };
  await decide(alice.key, 'confirm', 'same text from six accounts in six minutes');
  await decide(bob.key, 'reopen', 'account-3 is a regular reader, look again');
  await decide(bob.key, 'dismiss');
}, 60_000);
afterAll(async () => h.close());

test('lists every decision newest first: who, what, on which cluster, when, with the note', async () => {
  const res = await log(alice.key);
  expect(res.status).toBe(200);
  expect(res.body.next_cursor).toBeNull();
  expect(res.body.entries.map((e: { action: string; key_prefix: string; note: string | null; cluster_id: string }) => [e.action, e.key_prefix, e.note, e.cluster_id])).toEqual([
    ['dismiss', bob.prefix, null, clusterId],
    ['reopen', bob.prefix, 'account-3 is a regular reader, look again', clusterId],
    ['confirm', alice.prefix, 'same text from six accounts in six minutes', clusterId],
  ]);
  const times = res.body.entries.map((e: { created_at: string }) => Date.parse(e.created_at));
  expect(times[0]).toBeGreaterThanOrEqual(times[2]);
  expect(Date.now() - times[2]).toBeLessThan(60_000);
});

test('filters by moderator (key prefix), action, cluster and time', async () => {
  expect((await log(alice.key, `?moderator=${bob.prefix}`)).body.entries.map((e: { action: string }) => e.action)).toEqual(['dismiss', 'reopen']);
  expect((await log(alice.key, '?action=confirm')).body.entries.map((e: { key_prefix: string }) => e.key_prefix)).toEqual([alice.prefix]);
  expect((await log(alice.key, `?cluster_id=${clusterId}`)).body.entries).toHaveLength(3);
  expect((await log(alice.key, `?cluster_id=${BigInt(clusterId) + 1000n}`)).body.entries).toEqual([]);
  expect((await log(alice.key, '?since=2999-01-01T00:00:00Z')).body.entries).toEqual([]);
  expect((await log(alice.key, '?until=2000-01-01T00:00:00Z')).body.entries).toEqual([]);
  expect((await log(alice.key, '?since=2000-01-01T00:00:00Z')).body.entries).toHaveLength(3);
});

test('pages to the end with the cursor', async () => {
  const first = await log(alice.key, '?limit=2');
  expect(first.body.entries).toHaveLength(2);
  expect(first.body.next_cursor).toEqual(expect.any(String));
  const second = await log(alice.key, `?limit=2&cursor=${first.body.next_cursor}`);
  expect(second.body.entries.map((e: { action: string }) => e.action)).toEqual(['confirm']);
  expect(second.body.next_cursor).toBeNull();
});

test("another tenant sees none of it, and bad filters are 422s naming the field", async () => {
  expect((await log(outsider)).body.entries).toEqual([]);
  for (const [query, field] of [['?action=delete', 'action'], ['?since=yesterday', 'since'], ['?limit=0', 'limit'], ['?cluster_id=x', 'cluster_id']]) {
    const res = await log(alice.key, query);
    expect(res.status).toBe(422);
    expect(res.body.error.field).toBe(field);
  }
});
