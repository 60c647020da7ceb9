// A moderator drops a member that does not belong: it leaves the cluster at once, and stays out
// when the detector decides the cluster again. Real API, detector, PostgreSQL and Redis.
import request from 'supertest';
import { CAMPAIGN_TEXT, campaignHarness, clusterRequests } from '../support/campaign.js';
import type { Harness } from '../support/harness.js';
import { waitFor } from '../support/services.js';

let h: Harness;
let key: string;
let clusterId: string;

const { auth, cluster, comment, post } = clusterRequests(() => ({ h, key, clusterId }));
const drop = (body: object) => post('drop', body);

beforeAll(async () => {
  ({ h, clusterId, tenant: { key } } = await campaignHarness('drop-member'));
}, 60_000);
afterAll(async () => h.close());

test('a dropped member leaves the cluster at once: members, counts, its own verdict and the history say so', async () => {
  const before = await cluster();
  expect(before.members.map((m: { id: string }) => m.id)).toContain('cp3');
  const res = await drop({ comment_id: 'cp3', note: 'account-3 quotes the flyer to argue against it', version: before.version });
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ id: clusterId, status: 'flagged', dropped: 'cp3', size: 5, version: before.version + 1 });
  const after = await cluster();
  expect(after.members.map((m: { id: string }) => m.id)).toEqual(['cp0', 'cp1', 'cp2', 'cp4', 'cp5']);
  expect([after.size, after.account_count]).toEqual([5, 5]);
  expect(after.history.at(-1)).toMatchObject({ action: 'drop', comment_id: 'cp3', note: 'account-3 quotes the flyer to argue against it' });
  expect(await comment('cp3')).toMatchObject({ cluster_id: null, verdict: 'clean' });
});

test('it stays out when the cluster is decided again (a new copy joins it)', async () => {
  const sent = await request(h.app).post('/v1/comments').set(auth()).send({ id: 'cp6', thread_id: 'budget-vote', author_id: 'account-6', posted_at: '2024-05-01T10:07:00Z', text: CAMPAIGN_TEXT });
  expect(sent.status).toBe(202);
  await waitFor(async () => (await comment('cp6')).cluster_id === clusterId, 30_000, 'the new copy in the cluster');
  // Let any decision still running settle, then read again.
  await new Promise((r) => setTimeout(r, 500));
  const after = await cluster();
  expect(after.members.map((m: { id: string }) => m.id)).toEqual(['cp0', 'cp1', 'cp2', 'cp4', 'cp5', 'cp6']);
  expect(after.size).toBe(6);
  expect((await comment('cp3')).cluster_id).toBeNull();
});

test('dropping the representative keeps the cluster, its id and its decision', async () => {
  const confirmed = await request(h.app).post(`/v1/clusters/${clusterId}/review`).set(auth()).send({ action: 'confirm' });
  expect(confirmed.status).toBe(200);
  const before = await cluster();
  const star = before.members.find((m: { representative: boolean }) => m.representative).id;
  expect((await drop({ comment_id: star, version: before.version })).status).toBe(200);
  const sent = await request(h.app).post('/v1/comments').set(auth()).send({ id: 'cp7', thread_id: 'budget-vote', author_id: 'account-7', posted_at: '2024-05-01T10:08:00Z', text: CAMPAIGN_TEXT });
  expect(sent.status).toBe(202);
  await waitFor(async () => (await comment('cp7')).cluster_id === clusterId, 30_000, 'the new copy in the same cluster');
  const after = await cluster();
  expect(after.status).toBe('confirmed');
  expect(after.members.map((m: { id: string }) => m.id)).not.toContain(star);
  expect(after.members.filter((m: { representative: boolean }) => m.representative)).toHaveLength(1);
});

test('a comment that is not a member, a stale version, and the last two members are refused, and nothing changes', async () => {
  const now = await cluster();
  const notMember = await drop({ comment_id: 'p1', version: now.version });
  expect([notMember.status, notMember.body.error.field]).toEqual([422, 'comment_id']);
  const stale = await drop({ comment_id: 'cp4', version: now.version - 1 });
  expect(stale.status).toBe(409);
  expect(stale.body.decided_by).toMatchObject({ action: 'drop' });
  expect((await cluster()).members.map((m: { id: string }) => m.id)).toContain('cp4');
  // Down to two members: the last drop that would leave one is refused.
  let current = await cluster();
  while (current.members.length > 2) {
    expect((await drop({ comment_id: current.members.at(-1).id, version: current.version })).status).toBe(200);
    current = await cluster();
  }
  const last = await drop({ comment_id: current.members[0].id, version: current.version });
  expect([last.status, last.body.error.field]).toEqual([422, 'comment_id']);
  expect((await cluster()).members).toHaveLength(2);
});
