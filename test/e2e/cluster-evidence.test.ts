// Evidence in context on GET /v1/clusters/:id: a reply member carries the comment it answers, and
// the cluster says when it was posted (first and last time in UTC, the minutes between, and how
// many members have no known time). Real API, detector, PostgreSQL and Redis.
import request from 'supertest';
import { CAMPAIGN_TEXT, campaignHarness, clusterRequests, parentComment } from '../support/campaign.js';
import type { Harness } from '../support/harness.js';
import { waitFor } from '../support/services.js';

let h: Harness;
let key: string;
let clusterId: string;

const { auth, cluster } = clusterRequests(() => ({ h, key, clusterId }));

beforeAll(async () => {
  ({ h, clusterId, tenant: { key } } = await campaignHarness('cluster-evidence'));
}, 60_000);
afterAll(async () => h.close());

test('a reply member shows the comment it answers; a top-level member has none', async () => {
  const members = (await cluster()).members;
  const reply = members.find((m: { id: string }) => m.id === 'cp2');
  expect(reply.parent).toEqual({ id: parentComment.id, author_id: 'reader', author_name: 'A Reader', text: parentComment.text, posted_at: '2024-05-01T09:55:00.000Z' });
  expect(members.filter((m: { parent: unknown }) => m.parent !== null)).toHaveLength(1);
});

test('the time span is in UTC, from the first to the last member posted, offsets applied', async () => {
  // The campaign was sent with +02:00 offsets, 12:00 to 12:05 local.
  expect((await cluster()).time_span).toEqual({ first: '2024-05-01T10:00:00.000Z', last: '2024-05-01T10:05:00.000Z', minutes: 5, unknown_times: 0 });
});

test('a member without a known time is counted, not placed in the span; a reply whose parent never arrived has no parent', async () => {
  const late = [
    { id: 'cp-untimed', thread_id: 'budget-vote', author_id: 'account-7', text: CAMPAIGN_TEXT },
    { id: 'cp-orphan', thread_id: 'budget-vote', parent_id: 'never-sent', author_id: 'account-8', posted_at: '2024-05-01T10:30:00Z', text: CAMPAIGN_TEXT },
  ];
  expect((await request(h.app).post('/v1/comments').set(auth()).send({ comments: late })).status).toBe(202);
  await waitFor(async () => (await cluster()).members.length === 8, 30_000, 'both in the cluster');
  const after = await cluster();
  expect(after.time_span).toEqual({ first: '2024-05-01T10:00:00.000Z', last: '2024-05-01T10:30:00.000Z', minutes: 30, unknown_times: 1 });
  const orphan = after.members.find((m: { id: string }) => m.id === 'cp-orphan');
  expect([orphan.parent_id, orphan.parent]).toEqual(['never-sent', null]);
  expect(after.members.find((m: { id: string }) => m.id === 'cp-untimed').posted_at).toBeNull();
});
