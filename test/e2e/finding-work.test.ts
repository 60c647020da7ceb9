// Finding work in the queue: filters, sorts and pages to the end on GET /v1/clusters, counts per
// queue with a time to poll from, and an account's page. Real API, detector, PostgreSQL and Redis.
import request from 'supertest';
import { createApiKey } from '@chorus/db';
import { campaignHarness } from '../support/campaign.js';
import type { Harness } from '../support/harness.js';
import { waitFor } from '../support/services.js';

let h: Harness;
let key: string;
let budget: string;
let harbour: string;
let outsider: string;
let tenantId: string;

const TUNNEL = 'Stop the harbour tunnel now! It will cost every family thousands and nobody ever voted for it. Tell your friends today.';
// account-0 and account-1 post in both campaigns; account-6 and account-7 only in this one.
const tunnelCampaign = ['account-0', 'account-1', 'account-6', 'account-7'].map((author, i) => ({
  id: `ht${i}`,
  thread_id: 'harbour-tunnel',
  author_id: author,
  posted_at: `2024-06-10T08:1${i}:00Z`,
  text: TUNNEL,
}));

const as = (k: string) => ({ Authorization: `Bearer ${k}` });
const get = (path: string, k = key) => request(h.app).get(path).set(as(k));
const ids = (res: request.Response) => (res.body.clusters as { id: string }[]).map((c) => c.id);

beforeAll(async () => {
  const setup = await campaignHarness('finding-work');
  h = setup.h;
  key = setup.tenant.key;
  budget = setup.clusterId;
  tenantId = setup.tenant.id;
  outsider = (await h.tenant('herald')).key;
  expect((await request(h.app).post('/v1/comments').set(as(key)).send({ comments: tunnelCampaign })).status).toBe(202);
  harbour = await waitFor(async () => {
    const c = (await get('/v1/comments/ht3')).body;
    return c.status === 'scored' && c.cluster_id ? (c.cluster_id as string) : undefined;
  }, 30_000, 'the tunnel campaign clustered');
}, 60_000);
afterAll(async () => h.close());

test('two campaigns: the flagged queue holds both, and a filter by thread, account, verdict or score narrows it', async () => {
  expect(harbour).not.toBe(budget);
  expect(ids(await get('/v1/clusters?status=flagged')).sort()).toEqual([budget, harbour].sort());
  expect(ids(await get('/v1/clusters?status=flagged&thread=budget-vote'))).toEqual([budget]);
  expect(ids(await get('/v1/clusters?thread=harbour-tunnel'))).toEqual([harbour]);
  expect(ids(await get('/v1/clusters?account=account-7'))).toEqual([harbour]);
  expect(ids(await get('/v1/clusters?account=account-0')).sort()).toEqual([budget, harbour].sort());
  expect(ids(await get('/v1/clusters?account=nobody'))).toEqual([]);
  const all = (await get('/v1/clusters?status=flagged')).body.clusters as { id: string; score: number; verdict: string }[];
  expect(ids(await get(`/v1/clusters?verdict=${all[0].verdict}`))).toContain(all[0].id);
  expect(ids(await get(`/v1/clusters?min_score=${all[0].score}`))).toContain(all[0].id);
  expect(ids(await get(`/v1/clusters?min_score=${Math.min(1, all[0].score + 0.001)}`))).not.toContain(all[0].id);
  // A bound too small for the scores' float4 is still a bound (everything passes it), not an error.
  expect(ids(await get('/v1/clusters?status=flagged&min_score=5e-324')).sort()).toEqual([budget, harbour].sort());
});

test('a date range keeps the clusters with a member posted in it (UTC, the end excluded)', async () => {
  expect(ids(await get('/v1/clusters?posted_since=2024-06-01T00:00:00Z'))).toEqual([harbour]);
  expect(ids(await get('/v1/clusters?posted_until=2024-06-01T00:00:00Z'))).toEqual([budget]);
  expect(ids(await get('/v1/clusters?posted_since=2024-06-10T08:13:00Z&posted_until=2024-06-10T08:14:00Z'))).toEqual([harbour]);
  expect(ids(await get('/v1/clusters?posted_since=2024-06-10T08:14:00Z'))).toEqual([]);
  const bad = await get('/v1/clusters?posted_since=yesterday');
  expect(bad.status).toBe(422);
  expect(bad.body.error.field).toBe('posted_since');
});

test('sorts: newest first, largest first; every sort pages to the end one at a time without repeats', async () => {
  expect(ids(await get('/v1/clusters?sort=newest'))).toEqual([harbour, budget]);
  expect(ids(await get('/v1/clusters?sort=size'))).toEqual([budget, harbour]);
  for (const sort of ['score', 'newest', 'size']) {
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const res = await get(`/v1/clusters?sort=${sort}&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...ids(res));
      cursor = res.body.next_cursor;
    }
    expect(seen).toEqual(ids(await get(`/v1/clusters?sort=${sort}`)));
  }
  // A cursor of one sort is refused by another, and so is one never answered.
  const first = (await get('/v1/clusters?sort=newest&limit=1')).body.next_cursor as string;
  expect((await get(`/v1/clusters?sort=size&cursor=${first}`)).status).toBe(400);
  expect((await get('/v1/clusters?sort=sideways')).status).toBe(422);
});

test('counts per queue follow decisions and filters; polling from as_of finds what changed', async () => {
  const before = await get('/v1/cluster-counts');
  expect(before.status).toBe(200);
  expect(before.body.counts).toEqual({ flagged: 2, watching: expect.any(Number), confirmed: 0, dismissed: 0 });
  expect((await get('/v1/cluster-counts?thread=harbour-tunnel')).body.counts).toMatchObject({ flagged: 1, confirmed: 0 });
  const asOf = before.body.as_of as string;
  expect(ids(await get(`/v1/clusters?status=flagged&updated_since=${asOf}`))).toEqual([]);
  expect((await request(h.app).post(`/v1/clusters/${harbour}/review`).set(as(key)).send({ action: 'confirm' })).status).toBe(200);
  expect((await get('/v1/cluster-counts')).body.counts).toMatchObject({ flagged: 1, confirmed: 1, dismissed: 0 });
  expect(ids(await get(`/v1/clusters?updated_since=${asOf}`))).toEqual([harbour]);
  expect((await request(h.app).post(`/v1/clusters/${harbour}/review`).set(as(key)).send({ action: 'reopen' })).status).toBe(200);
  expect((await get('/v1/cluster-counts?min_score=2')).status).toBe(422);
});

test("an account's page: its comments, clusters, first and last seen, and the accounts sharing its clusters", async () => {
  const res = await get('/v1/accounts/account-0');
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ id: 'account-0', names: ['Account 0'], comment_count: 2, flagged_comment_count: 2, first_seen: '2024-05-01T10:00:00.000Z', last_seen: '2024-06-10T08:10:00.000Z' });
  expect(res.body.comments.map((c: { id: string }) => c.id)).toEqual(['ht0', 'cp0']);
  expect(res.body.comments[0]).toMatchObject({ thread_id: 'harbour-tunnel', text: TUNNEL, cluster_id: harbour, status: 'scored' });
  expect(res.body.clusters.map((c: { id: string; comments: number }) => [c.id, c.comments]).sort()).toEqual([[budget, 1], [harbour, 1]].sort());
  // account-1 shares both clusters; the others one each.
  expect(res.body.co_accounts[0]).toMatchObject({ id: 'account-1', shared_clusters: 2, comments: 2 });
  expect(res.body.co_accounts.map((a: { id: string }) => a.id).sort()).toEqual(['account-1', 'account-2', 'account-3', 'account-4', 'account-5', 'account-6', 'account-7']);
});

test('an account is the tenant\'s, read with a read or moderate key; unknown ones are 404', async () => {
  expect((await get('/v1/accounts/nobody')).status).toBe(404);
  expect((await get('/v1/accounts/account-0', outsider)).status).toBe(404);
  expect((await get('/v1/accounts/%00')).status).toBe(404);
  const tenant = (await get('/v1/accounts/account-0')).body;
  const reader = await createApiKey(h.testDb.db, tenantId, { scopes: ['read'] });
  expect((await get('/v1/accounts/account-0', reader.key)).body).toEqual(tenant);
  const ingest = await createApiKey(h.testDb.db, tenantId, { scopes: ['ingest'] });
  expect((await get('/v1/accounts/account-0', ingest.key)).status).toBe(403);
  expect((await get('/v1/cluster-counts', ingest.key)).status).toBe(403);
});
