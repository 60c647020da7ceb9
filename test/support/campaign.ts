// A small flagged cluster for moderation tests: six accounts post one text within minutes in one
// thread (found without the embedding model), one of them as a reply to an organic comment.
import request from 'supertest';
import { createHarness, type Harness } from './harness.js';
import { waitFor } from './services.js';

export const CAMPAIGN_TEXT = 'Vote NO on the budget. The council is wasting our money on vanity projects again! Share this before Friday.';

export const parentComment = {
  id: 'p1',
  thread_id: 'budget-vote',
  parent_id: null,
  author_id: 'reader',
  author_name: 'A Reader',
  posted_at: '2024-05-01T09:55:00Z',
  text: 'The library repairs in the budget look overdue to me. Has anyone read the line items?',
};

export const campaign = Array.from({ length: 6 }, (_, i) => ({
  id: `cp${i}`,
  thread_id: 'budget-vote',
  parent_id: i === 2 ? parentComment.id : null,
  author_id: `account-${i}`,
  author_name: `Account ${i}`,
  posted_at: `2024-05-01T12:0${i}:00+02:00`,
  text: CAMPAIGN_TEXT,
}));

/** Posts the parent and the campaign with `key`, waits until all are scored, and returns the campaign's cluster id. */
export async function flaggedCampaign(h: Harness, key: string): Promise<string> {
  const sent = await request(h.app).post('/v1/comments').set('Authorization', `Bearer ${key}`).send({ comments: [parentComment, ...campaign] });
  if (sent.status !== 202) throw new Error(`ingest answered ${sent.status}: ${JSON.stringify(sent.body)}`);
  return waitFor(async () => {
    const all = await Promise.all([parentComment, ...campaign].map(async (c) => (await request(h.app).get(`/v1/comments/${c.id}`).set('Authorization', `Bearer ${key}`)).body));
    if (!all.every((c) => c.status === 'scored')) return undefined;
    return all[1].cluster_id as string | null;
  }, 30_000, 'the campaign scored and clustered');
}

/** A harness (no embedding model) with a detector, the tenant "gazette", and the campaign's cluster flagged. */
export async function campaignHarness(label: string): Promise<{ h: Harness; tenant: { id: string; key: string }; clusterId: string }> {
  const h = await createHarness(label, { semantic: false });
  const tenant = await h.tenant('gazette');
  h.startWorker();
  return { h, tenant, clusterId: await flaggedCampaign(h, tenant.key) };
}

/**
 * The requests moderation tests make about the campaign's cluster with the tenant's key. `session`
 * is read at each call, so the helpers can be made before beforeAll has started the harness.
 */
export function clusterRequests(session: () => { readonly h: Harness; readonly key: string; readonly clusterId: string }) {
  const auth = () => ({ Authorization: `Bearer ${session().key}` });
  return {
    auth,
    cluster: async () => (await request(session().h.app).get(`/v1/clusters/${session().clusterId}`).set(auth())).body,
    comment: async (id: string) => (await request(session().h.app).get(`/v1/comments/${id}`).set(auth())).body,
    /** POST /v1/clusters/:id/<route>. */
    post: (route: string, body: object) => request(session().h.app).post(`/v1/clusters/${session().clusterId}/${route}`).set(auth()).send(body),
  };
}
