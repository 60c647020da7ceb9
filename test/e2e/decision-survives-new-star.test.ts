// A moderator's decision belongs to the cluster, not to its representative: when a recomputation
// names another member as the cluster's star, the cluster keeps its id, status and history.
import request from 'supertest';
import { saveComponentDecision, withComponentLock } from '@chorus/db';
import { campaignHarness } from '../support/campaign.js';
import type { Harness } from '../support/harness.js';

let h: Harness;
let tenant: { id: string; key: string };
let clusterId: string;
const auth = () => ({ Authorization: `Bearer ${tenant.key}` });

beforeAll(async () => {
  ({ h, tenant, clusterId } = await campaignHarness('new-star'));
}, 60_000);
afterAll(async () => h.close());

test('a confirmed cluster whose representative changes stays confirmed, under the same id', async () => {
  const before = (await request(h.app).get(`/v1/clusters/${clusterId}`).set(auth())).body;
  expect((await request(h.app).post(`/v1/clusters/${clusterId}/review`).set(auth()).send({ action: 'confirm', note: 'one flyer, six accounts', version: before.version })).status).toBe(200);
  const db = h.testDb.db;
  const members = await db.selectFrom('comments').select(['id', 'external_id']).where('cluster_id', '=', clusterId).orderBy('id').execute();
  const star = (await db.selectFrom('clusters').select('representative_id').where('id', '=', clusterId).executeTakeFirstOrThrow()).representative_id;
  const next = members.map((m) => m.id).find((id) => id !== star)!;
  // The detector decides the component again and, this time, names another member its star.
  await withComponentLock(db, tenant.id, star, 2000, (trx, component) =>
    saveComponentDecision(trx, tenant.id, component, [{ representative: next, members: members.map((m) => m.id), score: 0.9, verdict: 'coordinated', reasons: [{ signal: 'distinct-voices', weight: 0.9, text: '6 comments are identical' }], accountCount: 6, threadCount: 1 }], [], new Date()),
  );
  const after = (await request(h.app).get(`/v1/clusters/${clusterId}`).set(auth())).body;
  expect(after.status).toBe('confirmed');
  expect(after.members.find((m: { representative: boolean }) => m.representative).id).toBe(members.find((m) => m.id === next)!.external_id);
  expect(after.history.map((e: { action: string; note: string }) => [e.action, e.note])).toContainEqual(['confirm', 'one flyer, six accounts']);
  const comment = (await request(h.app).get(`/v1/comments/${members[0].external_id}`).set(auth())).body;
  expect(comment.cluster_id).toBe(clusterId);
});
