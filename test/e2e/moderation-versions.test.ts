// Two moderators cannot silently decide the same cluster: a decision carries the version the
// moderator saw, and one made on a version another decision has replaced answers 409 saying who
// decided, against a real API, detector, PostgreSQL and Redis.
import request from 'supertest';
import { createApiKey } from '@chorus/db';
import { flaggedCampaign } from '../support/campaign.js';
import { createHarness, type Harness } from '../support/harness.js';

let h: Harness;
let alice: { key: string; prefix: string };
let bob: { key: string; prefix: string };
let clusterId: string;

const as = (key: string) => ({ Authorization: `Bearer ${key}` });
const review = (key: string, body: object) => request(h.app).post(`/v1/clusters/${clusterId}/review`).set(as(key)).send(body);
const cluster = async () => (await request(h.app).get(`/v1/clusters/${clusterId}`).set(as(alice.key))).body;

beforeAll(async () => {
  h = await createHarness('moderation-versions', { semantic: false });
  const tenant = await h.tenant('gazette');
  alice = await createApiKey(h.testDb.db, tenant.id);
  bob = await createApiKey(h.testDb.db, tenant.id);
  h.startWorker();
  clusterId = await flaggedCampaign(h, tenant.key);
}, 60_000);
afterAll(async () => h.close());
afterEach(async () => {
  await review(alice.key, { action: 'reopen' });
});

test('a cluster carries its version, in the list and in its detail, and each decision bumps it', async () => {
  const listed = (await request(h.app).get('/v1/clusters?status=flagged').set(as(bob.key))).body.clusters.find((c: { id: string }) => c.id === clusterId);
  const before = await cluster();
  expect(listed.version).toBe(before.version);
  const done = await review(alice.key, { action: 'confirm', version: before.version });
  expect(done.status).toBe(200);
  expect(done.body).toEqual({ id: clusterId, status: 'confirmed', action: 'confirm', version: before.version + 1 });
  expect((await cluster()).version).toBe(before.version + 1);
});

test('a decision on a version already decided is a 409 naming who decided, and changes nothing', async () => {
  const seen = (await cluster()).version;
  expect((await review(alice.key, { action: 'confirm', version: seen, note: 'same text, six accounts' })).status).toBe(200);
  const late = await review(bob.key, { action: 'dismiss', version: seen });
  expect(late.status).toBe(409);
  expect(late.body.error).toEqual({ code: 'already_decided', field: 'version', message: expect.stringContaining(`confirmed by key ${alice.prefix}`) });
  expect(late.body.cluster).toEqual({ id: clusterId, status: 'confirmed', version: seen + 1 });
  expect(late.body.decided_by).toMatchObject({ action: 'confirm', key_prefix: alice.prefix, note: 'same text, six accounts', version: seen + 1 });
  const after = await cluster();
  expect(after.status).toBe('confirmed');
  expect(after.history.at(-1)).toMatchObject({ action: 'confirm', key_prefix: alice.prefix });
  // Bob reads it again and decides on what he now sees.
  expect((await review(bob.key, { action: 'dismiss', version: after.version })).body.status).toBe('dismissed');
});

test('two moderators deciding at the same moment: one decision is made, the other is told', async () => {
  const seen = (await cluster()).version;
  const answers = await Promise.all([review(alice.key, { action: 'confirm', version: seen }), review(bob.key, { action: 'dismiss', version: seen })]);
  expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
  const winner = answers.find((a) => a.status === 200)!;
  const loser = answers.find((a) => a.status === 409)!;
  expect(loser.body.decided_by.action).toBe(winner.body.action);
  expect((await cluster()).status).toBe(winner.body.status);
});

test('a decision without a version still applies (API clients written before versions)', async () => {
  expect((await review(bob.key, { action: 'dismiss' })).body).toMatchObject({ status: 'dismissed' });
});

test('a version that is not a positive integer is a 422 naming version', async () => {
  for (const version of [0, 1.5, '2', -1]) {
    const res = await review(alice.key, { action: 'confirm', version });
    expect(res.status).toBe(422);
    expect(res.body.error.field).toBe('version');
  }
});
