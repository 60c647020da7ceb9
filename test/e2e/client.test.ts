// The typed client (packages/client) against a real listening API and detector: it covers exactly
// the /v1 operations /openapi.json describes, and drives a publisher's whole round trip.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import request from 'supertest';
import { ChorusError, createClient, OPERATIONS, type ChorusClient } from '@chorus/client';
import { createApp } from '../../services/api/src/app.js';
import { createHarness, silentLogger, type Harness } from '../support/harness.js';
import { waitFor } from '../support/services.js';
import { campaign as campaignComments } from '../support/campaign.js';

let h: Harness;
let server: Server;
let client: ChorusClient;
let baseUrl: string;

beforeAll(async () => {
  h = await createHarness('client', { semantic: false });
  const { key } = await h.tenant('gazette');
  const app = createApp({ db: h.testDb.db, queue: h.queue, redis: h.redis, logger: silentLogger, keyCacheMs: 0, rateLimit: { prefix: h.prefix, defaultPerMinute: 200, maxPerMinute: 1000, settingsCacheMs: 0 } });
  server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  client = createClient({ baseUrl, apiKey: key });
  h.startWorker();
}, 60_000);
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await h.close();
});

test('the client calls exactly the /v1 operations /openapi.json describes', async () => {
  const spec = (await request(server).get('/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
  const described = Object.entries(spec.paths).flatMap(([path, ops]) => (path.startsWith('/v1/') ? Object.keys(ops).map((m) => `${m} ${path}`) : []));
  expect([...new Set(Object.values(OPERATIONS))].sort()).toEqual(described.sort());
});

test('a publisher sends a batch, reads verdicts and clusters, and a moderator confirms', async () => {
  const campaign = campaignComments.map((c) => ({ ...c, thread_title: 'Council budget vote' }));
  const batch = await client.ingestBatch([...campaign, { id: 'bad', thread_id: 'budget-vote', text: '' }]);
  expect(batch).toMatchObject({ accepted: 6, created: 6, rejected: 1 });
  const listed = await waitFor(async () => {
    const page = await client.listClusters({ status: 'flagged' });
    return page.clusters.length > 0 && page;
  }, 30_000, 'a flagged cluster');
  const cluster = await client.getCluster(listed.clusters[0].id);
  expect(cluster.members.map((m) => m.id).sort()).toEqual(campaign.map((c) => c.id));
  expect(cluster.threads).toEqual([expect.objectContaining({ id: 'budget-vote', title: 'Council budget vote' })]);
  const comment = await client.getComment('cp3');
  expect([comment.cluster_id, comment.thread_title]).toEqual([cluster.id, 'Council budget vote']);
  const review = await client.reviewCluster(cluster.id, { action: 'confirm', note: 'one text, six accounts' });
  expect(review.status).toBe('confirmed');
  expect((await client.network()).edges.length).toBeGreaterThan(0);
  expect(await client.flaggedCsv()).toContain('cp0');
  expect(await client.summaryReport()).toMatch(/id="figure-flagged"><div class="value">6</);
});

test('one comment: 202 then a harmless 200 re-send; threads and settings round-trip', async () => {
  const first = await client.ingestOne({ id: 'solo', thread_id: 'letters', text: 'The library repairs look overdue to me.' });
  expect(first).toEqual({ status: 202, body: { id: 'solo', status: 'pending', duplicate: false } });
  expect((await client.ingestOne({ id: 'solo', thread_id: 'letters', text: 'The library repairs look overdue to me.' })).status).toBe(200);
  expect(await client.putThread('letters', { title: 'Letters to the editor', url: 'https://gazette.example/letters' })).toMatchObject({ title: 'Letters to the editor' });
  expect((await client.getThread('letters')).url).toBe('https://gazette.example/letters');
  expect((await client.putSettings({ coordinated_threshold: 0.8 })).settings.coordinated_threshold).toBe(0.8);
  expect((await client.getSettings()).settings.coordinated_threshold).toBe(0.8);
});

test('error answers become a ChorusError with status, code, field and Retry-After', async () => {
  const refused = await client.ingestBatch([{ id: 'x1', thread_id: 't', text: 'fine' }, { id: 'x2', thread_id: 't', text: '' }], { atomic: true }).catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(ChorusError);
  expect(refused).toMatchObject({ status: 422, code: 'invalid_request', field: 'comments[1].text' });
  expect(await client.getComment('x1').catch((e: ChorusError) => [e.status, e.field])).toEqual([404, 'id']);

  const limited = createClient({ baseUrl, apiKey: (await h.tenant('herald')).key });
  await limited.putSettings({ rate_limit_per_minute: 1 });
  const tooMany = await limited.getSettings().catch((e: unknown) => e);
  expect(tooMany).toMatchObject({ status: 429, code: 'rate_limited' });
  expect((tooMany as ChorusError).retryAfter).toBeGreaterThan(0);
});
