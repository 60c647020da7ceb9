// Decisions about one member: a dropped member put back (the dashboard's Undo), and one comment
// marked coordinated or organic while the cluster keeps its status. Real API, detector, PostgreSQL
// and Redis.
import request from 'supertest';
import { CAMPAIGN_TEXT, campaignHarness, clusterRequests } from '../support/campaign.js';
import type { Harness } from '../support/harness.js';
import { waitFor } from '../support/services.js';

let h: Harness;
let key: string;
let clusterId: string;

const { auth, cluster, comment, post } = clusterRequests(() => ({ h, key, clusterId }));
const memberIds = (c: { members: { id: string }[] }) => c.members.map((m) => m.id);

beforeAll(async () => {
  ({ h, clusterId, tenant: { key } } = await campaignHarness('member-decisions'));
}, 60_000);
afterAll(async () => h.close());

test('a dropped member put back counts again at once, and stays in when the cluster is decided again', async () => {
  const before = await cluster();
  expect((await post('drop', { comment_id: 'cp3', version: before.version })).status).toBe(200);
  const res = await post('restore', { comment_id: 'cp3', note: 'dropped by mistake', version: before.version + 1 });
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ id: clusterId, status: 'flagged', restored: 'cp3', version: before.version + 2 });
  const after = await cluster();
  expect(memberIds(after)).toContain('cp3');
  expect([after.size, after.account_count]).toEqual([before.size, before.account_count]);
  expect(after.history.slice(-2)).toMatchObject([{ action: 'drop', comment_id: 'cp3' }, { action: 'reopen', comment_id: 'cp3', note: 'dropped by mistake' }]);
  expect((await comment('cp3')).cluster_id).toBe(clusterId);

  const sent = await request(h.app).post('/v1/comments').set(auth()).send({ id: 'cp6', thread_id: 'budget-vote', author_id: 'account-6', posted_at: '2024-05-01T10:07:00Z', text: CAMPAIGN_TEXT });
  expect(sent.status).toBe(202);
  await waitFor(async () => (await comment('cp6')).cluster_id === clusterId, 30_000, 'the new copy in the cluster');
  await new Promise((r) => setTimeout(r, 500));
  expect(memberIds(await cluster())).toEqual(expect.arrayContaining(['cp3', 'cp6']));
});

test('only a comment dropped from this cluster can be put back, once, on the current version', async () => {
  const { version } = await cluster();
  const member = await post('restore', { comment_id: 'cp1', version });
  expect([member.status, member.body.error.field]).toEqual([422, 'comment_id']);
  expect((await post('drop', { comment_id: 'cp2', version })).status).toBe(200);
  const stale = await post('restore', { comment_id: 'cp2', version });
  expect(stale.status).toBe(409);
  expect((await post('restore', { comment_id: 'cp2', version: version + 1 })).status).toBe(200);
  expect((await post('restore', { comment_id: 'cp2' })).status).toBe(422);
  expect((await request(h.app).post('/v1/clusters/987654321/restore').set(auth()).send({ comment_id: 'cp2' })).status).toBe(404);
});

test('one member marked: logged with its comment, the cluster keeps its status, a decision on the old version hears of it', async () => {
  const before = await cluster();
  const res = await post('member-review', { comment_id: 'cp4', action: 'dismiss', note: 'a regular reader', version: before.version });
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ id: clusterId, status: before.status, comment_id: 'cp4', action: 'dismiss', version: before.version + 1 });
  const after = await cluster();
  expect([after.status, memberIds(after)]).toEqual([before.status, memberIds(before)]);
  const log = (await request(h.app).get(`/v1/moderation-log?cluster_id=${clusterId}&action=dismiss`).set(auth())).body.entries;
  expect(log[0]).toMatchObject({ action: 'dismiss', comment_id: 'cp4', note: 'a regular reader' });

  const late = await request(h.app).post(`/v1/clusters/${clusterId}/review`).set(auth()).send({ action: 'confirm', version: before.version });
  expect(late.status).toBe(409);
  expect(late.body.error.message).toContain('changed (a member dismissed) by');
  expect((await post('member-review', { comment_id: 'nobody', action: 'confirm' })).status).toBe(422);
  expect((await post('member-review', { comment_id: 'cp4', action: 'drop' })).body.error.field).toBe('action');
});

test("a thread's discussion pages to the end in posting order, naming each comment's parent and cluster", async () => {
  const seen: { id: string; parent_id: string | null; posted_at: string; cluster_id: string | null }[] = [];
  let cursor: string | null = null;
  do {
    const res: request.Response = await request(h.app).get(`/v1/threads/budget-vote/comments?limit=3${cursor ? `&cursor=${cursor}` : ''}`).set(auth());
    expect(res.status).toBe(200);
    expect(res.body.thread.id).toBe('budget-vote');
    seen.push(...res.body.comments);
    cursor = res.body.next_cursor;
  } while (cursor);
  expect(seen.map((c) => c.id)).toEqual(['p1', 'cp0', 'cp1', 'cp2', 'cp3', 'cp4', 'cp5', 'cp6']);
  expect(seen.map((c) => c.posted_at)).toEqual([...seen.map((c) => c.posted_at)].sort());
  expect(seen.find((c) => c.id === 'cp2')).toMatchObject({ parent_id: 'p1', cluster_id: clusterId });
  expect((await request(h.app).get('/v1/threads/budget-vote/comments?cursor=forged').set(auth())).status).toBe(400);
  expect((await request(h.app).get('/v1/threads/no-such-thread/comments').set(auth())).status).toBe(404);
});
