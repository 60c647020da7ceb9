// Issue 15, webhooks the detector emits, against a real HTTP receiver started here: the seed
// thread's swarm reaches the publisher as a signed cluster.flagged listing its members, growth as
// cluster.updated, every comment as comment.scored for an endpoint that opted in; a job run again
// sends nothing twice, and an endpoint subscribed to other events hears nothing of it.
import type { Server } from 'node:http';
import request from 'supertest';
import type { AddressInfo } from 'node:net';
import type { Worker } from 'bullmq';
import { createClient, verifyWebhookSignature, type ChorusClient } from '@chorus/client';
import { QUEUES } from '@chorus/contracts';
import { createEmbedQueue, SharedMetricsRecorder } from '@chorus/platform';
import { startDeliveryWorker } from '@chorus/webhooks';
import { createApp } from '../../services/api/src/app.js';
import { readFixture } from '../support/fixtures.js';
import { createHarness, silentLogger, type Harness } from '../support/harness.js';
import { waitFor } from '../support/services.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

interface Event {
  readonly id: string;
  readonly type: string;
  readonly data: { cluster?: { id: string; verdict: string; size: number }; member_ids?: string[]; comment?: { id: string; verdict: string; cluster_id: string | null } };
}

const seed = readFixture('seed-thread.jsonl');
let h: Harness;
let api: Server;
let client: ChorusClient;
let tenantId: string;
let deliverer: Worker;
let metrics: SharedMetricsRecorder;
let receiver: WebhookReceiver<Event>;
let received: WebhookReceiver<Event>['received'];

beforeAll(async () => {
  h = await createHarness('webhooks-detector');
  const tenant = await h.tenant('gazette');
  tenantId = tenant.id;
  metrics = new SharedMetricsRecorder(h.redis, h.prefix, 100);
  deliverer = startDeliveryWorker({ db: h.testDb.db, connection: { host: '127.0.0.1', port: 6379, maxRetriesPerRequest: null }, prefix: h.prefix, logger: silentLogger, timeoutMs: 2000, metrics });
  api = createApp({ db: h.testDb.db, queue: h.queue, redis: h.redis, logger: silentLogger, keyCacheMs: 0 }).listen(0, '127.0.0.1');
  await new Promise((r) => api.once('listening', r));
  client = createClient({ baseUrl: `http://127.0.0.1:${(api.address() as AddressInfo).port}`, apiKey: tenant.key });
  receiver = await startWebhookReceiver<Event>();
  received = receiver.received;
}, 60_000);
afterAll(async () => {
  await receiver.close();
  await deliverer.close();
  await metrics.close();
  await new Promise((r) => api.close(r));
  await h.close();
});

const ofType = (type: string, path = '/flags') => received.filter((r) => r.event.type === type && r.path === path);

test('the seed thread reaches the publisher: a signed cluster.flagged listing the members, and one comment.scored per comment', async () => {
  const url = receiver.url;
  const hook = await client.createWebhook({ url: `${url}/flags`, events: ['cluster.flagged', 'cluster.updated', 'comment.scored'] });
  const decisionsOnly = await client.createWebhook({ url: `${url}/decisions`, events: ['cluster.confirmed'] });
  h.startWorker({ metricsFlushMs: 100 });
  await client.ingestBatch(seed);

  const flagged = await waitFor(async () => {
    const { clusters } = await client.listClusters({ status: 'flagged' });
    const scored = ofType('comment.scored').length === seed.length;
    // Every flagged cluster heard of as it now is (its last event lists its members).
    const told = clusters.every((c) => received.some((r) => r.event.data.cluster?.id === c.id && r.event.data.cluster.size === c.size));
    return clusters.length > 0 && scored && told && clusters;
  }, 60_000, 'the flagged clusters and every comment scored, told to the receiver');

  const swarm = await client.getCluster(flagged.find((c) => c.size === Math.max(...flagged.map((f) => f.size)))!.id);
  const first = ofType('cluster.flagged').find((r) => r.event.data.cluster!.id === swarm.id)!;
  expect(first).toBeDefined();
  expect(verifyWebhookSignature(first.signature, first.body, hook.secret)).toBe(true);
  expect(first.event.id).toBe(`evt_cluster.flagged_${swarm.id}_first`);
  expect(first.event.data.cluster!.verdict).not.toBe('clean');
  const members = swarm.members.map((m: { id: string }) => m.id).sort();
  // Flagged as soon as it was suspect: later members arrive as cluster.updated, the last of which lists them all.
  expect(members).toEqual(expect.arrayContaining(first.event.data.member_ids!));
  const latest = [...ofType('cluster.flagged'), ...ofType('cluster.updated')].filter((r) => r.event.data.cluster!.id === swarm.id && r.event.data.cluster!.size === swarm.size);
  expect(latest.length).toBeGreaterThan(0);
  expect(latest[0].event.data.member_ids).toEqual(members);
  // The paraphrased top-level comments are in it, as the pipeline test finds.
  expect(members).toEqual(expect.arrayContaining(['c01', 'c03', 'c05', 'c07', 'c09', 'c11', 'c13']));

  // comment.scored: one per comment, with its verdict when first scored. A comment that a cluster
  // took in later (a swarm's first comment is alone when it is scored) is among that cluster's members.
  const scored = new Map(ofType('comment.scored').map((r) => [r.event.data.comment!.id, r.event.data.comment!]));
  expect([...scored.keys()].sort()).toEqual(seed.map((c) => c.id).sort());
  for (const c of seed) {
    const now = await client.getComment(c.id);
    const first = scored.get(c.id)!;
    expect(['clean', 'suspect', 'coordinated']).toContain(first.verdict);
    if (now.verdict === 'clean' || (now.verdict === first.verdict && now.cluster_id === first.cluster_id)) continue;
    const told = received.some((r) => r.path === '/flags' && r.event.data.cluster?.id === now.cluster_id && r.event.data.member_ids!.includes(c.id));
    expect({ comment: c.id, told }).toEqual({ comment: c.id, told: true });
  }

  // No event id twice; the endpoint subscribed to decisions only heard nothing.
  const ids = ofType('cluster.flagged').concat(ofType('cluster.updated'), ofType('comment.scored')).map((r) => r.event.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(received.filter((r) => r.path === '/decisions')).toEqual([]);
  expect((await client.webhookDeliveries(decisionsOnly.id)).deliveries).toEqual([]);
  expect((await client.webhookDeliveries(hook.id)).deliveries.every((d) => d.status === 'delivered')).toBe(true);
}, 90_000);

test('detection run again for every comment (a retried job) sends no event twice', async () => {
  const seen = new Set(received.map((r) => r.event.id));
  const before = received.length;
  const rows = await h.testDb.db.selectFrom('comments').select(['id']).where('tenant_id', '=', tenantId).execute();
  const embed = createEmbedQueue(h.redis, h.prefix);
  try {
    const again = await h.queue.addBulk(rows.map((r) => ({ name: QUEUES.detect, data: { tenantId, commentId: r.id }, opts: { jobId: `again-${r.id}` } })));
    const idle = async () => {
      const [d, e] = await Promise.all([h.queue.getJobCounts('waiting', 'active', 'delayed'), embed.getJobCounts('waiting', 'active', 'delayed')]);
      return Object.values(d).concat(Object.values(e)).every((n) => n === 0);
    };
    const ran = async () => (await Promise.all(again.map((j) => h.queue.getJobState(j.id!)))).every((s) => s === 'completed' || s === 'unknown');
    await waitFor(async () => (await ran()) && idle(), 60_000, 'both stages run again');
  } finally {
    await embed.close();
  }
  // Past a round and a delivery: whatever arrives now is a new change, never an event already sent.
  await new Promise((r) => setTimeout(r, 1500));
  expect(received.slice(before).filter((r) => seen.has(r.event.id)).map((r) => r.event.id)).toEqual([]);
  expect(received.slice(before).filter((r) => r.event.type === 'comment.scored')).toEqual([]);
}, 90_000);

test('/metrics shows how long verdicts took, each detector stage and the deliveries sent, by event type', async () => {
  const scrape = async () => (await request(api).get('/metrics')).text;
  const value = (text: string, series: string) => Number(new RegExp(`^${series.replace(/[{}"+.]/g, '\\$&')} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
  const text = await waitFor(async () => {
    const t = await scrape();
    return value(t, 'chorus_webhook_deliveries_total{event="comment.scored",outcome="sent"}') === seed.length && t;
  }, 10_000, 'the deliveries counted');
  // Every seed comment was received and scored once (a job run again scores nothing twice).
  expect(value(text, 'chorus_verdict_latency_seconds_count')).toBe(seed.length);
  expect(value(text, 'chorus_verdict_latency_seconds_bucket{le="+Inf"}')).toBe(seed.length);
  expect(value(text, 'chorus_verdict_latency_seconds_sum')).toBeGreaterThan(0);
  for (const stage of ['link_lexical', 'link_semantic', 'finish']) expect(value(text, `chorus_detector_stage_seconds_count{stage="${stage}"}`)).toBeGreaterThanOrEqual(seed.length);
  expect(value(text, 'chorus_webhook_deliveries_total{event="cluster.flagged",outcome="sent"}')).toBeGreaterThanOrEqual(1);
  expect(text).toMatch(/^# TYPE chorus_verdict_latency_seconds histogram$/m);
});
