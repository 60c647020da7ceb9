// Issue 15, signed webhooks, against a real HTTP receiver started here: deliveries are signed
// (HMAC-SHA256 over timestamp and body), retried with backoff, and none is lost while the receiver
// is down; a confirmed cluster's event carries every member id.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Worker } from 'bullmq';
import { createClient, verifyWebhookSignature, type ChorusClient } from '@chorus/client';
import { createWebhookQueue, startDeliveryWorker, type WebhookQueue } from '@chorus/webhooks';
import { createApp } from '../../services/api/src/app.js';
import { createHarness, silentLogger, type Harness } from '../support/harness.js';
import { waitFor } from '../support/services.js';
import { campaign as campaignComments } from '../support/campaign.js';

interface Received {
  readonly body: string;
  readonly signature: string;
  readonly event: { id: string; type: string; data: Record<string, unknown> };
}

let h: Harness;
let api: Server;
let client: ChorusClient;
let queue: WebhookQueue;
let deliverer: Worker;
let receiver: Server;
let receiverPort = 0;
const received: Received[] = [];

/** A publisher's endpoint: records what it gets; answers 200. */
async function startReceiver(): Promise<void> {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ body, signature: String(req.headers['chorus-signature'] ?? ''), event: JSON.parse(body) });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((r) => receiver.listen(receiverPort, '127.0.0.1', r));
  receiverPort = (receiver.address() as AddressInfo).port;
}
const stopReceiver = () => new Promise((r) => receiver.close(r));

beforeAll(async () => {
  h = await createHarness('webhooks', { semantic: false });
  const { key } = await h.tenant('gazette');
  queue = createWebhookQueue(h.redis, h.prefix, { attempts: 12, backoffMs: 200 });
  deliverer = startDeliveryWorker({ db: h.testDb.db, connection: { host: '127.0.0.1', port: 6379, maxRetriesPerRequest: null }, prefix: h.prefix, logger: silentLogger, timeoutMs: 2000 });
  api = createApp({ db: h.testDb.db, queue: h.queue, redis: h.redis, logger: silentLogger, keyCacheMs: 0, webhookQueue: queue }).listen(0, '127.0.0.1');
  await new Promise((r) => api.once('listening', r));
  client = createClient({ baseUrl: `http://127.0.0.1:${(api.address() as AddressInfo).port}`, apiKey: key });
  await startReceiver();
  h.startWorker();
}, 60_000);
afterAll(async () => {
  await stopReceiver();
  await deliverer.close();
  await queue.close();
  await new Promise((r) => api.close(r));
  await h.close();
});

const deliveriesOf = async (id: string) => (await client.webhookDeliveries(id)).deliveries;

describe('signed webhooks', () => {
  let hookId: string;
  let secret: string;

  test('an endpoint is registered per event; its test event arrives signed with its secret', async () => {
    const hook = await client.createWebhook({ url: `http://127.0.0.1:${receiverPort}/chorus`, events: ['cluster.confirmed', 'cluster.dismissed'] });
    ({ id: hookId, secret } = hook);
    expect(secret).toMatch(/^whsec_/);
    expect((await client.listWebhooks()).webhooks).toEqual([expect.not.objectContaining({ secret: expect.anything() })]);
    const { delivery_id } = await client.testWebhook(hookId);
    const got = await waitFor(async () => received.find((r) => r.event.type === 'webhook.test'), 10_000, 'the test event');
    expect(verifyWebhookSignature(got.signature, got.body, secret)).toBe(true);
    // A body changed on the way, another secret, or an old delivery replayed: refused.
    expect(verifyWebhookSignature(got.signature, got.body.replace('webhook', 'Webhook'), secret)).toBe(false);
    expect(verifyWebhookSignature(got.signature, got.body, 'whsec_other')).toBe(false);
    expect(verifyWebhookSignature(got.signature, got.body, secret, { nowSeconds: Math.floor(Date.now() / 1000) + 600 })).toBe(false);
    const log = await waitFor(async () => (await deliveriesOf(hookId)).find((d) => d.id === delivery_id && d.status === 'delivered'), 5000, 'delivered in the log');
    expect(log).toMatchObject({ event: 'webhook.test', attempts: 1, last_status_code: 200 });
  });

  test('while the receiver is down deliveries are retried; when it is back every one arrives, a confirmed cluster with every member id', async () => {
    const campaign = campaignComments;
    await client.ingestBatch(campaign);
    const cluster = await waitFor(async () => (await client.listClusters({ status: 'flagged' })).clusters[0], 30_000, 'a flagged cluster');

    await stopReceiver();
    const before = received.length;
    await client.reviewCluster(cluster.id, { action: 'confirm', note: 'one text, six accounts' });
    const tests = await Promise.all([client.testWebhook(hookId), client.testWebhook(hookId)]);
    // Retries are seen: attempts pile up with the receiver refusing connections.
    await waitFor(async () => (await deliveriesOf(hookId)).filter((d) => d.status === 'pending' && d.attempts >= 2).length === 3, 15_000, 'retries while down');

    await startReceiver();
    await waitFor(async () => (await deliveriesOf(hookId)).every((d) => d.status === 'delivered'), 30_000, 'every delivery after the outage');
    const after = received.slice(before);
    expect(after.filter((r) => r.event.type === 'webhook.test').map((r) => r.event.id)).toHaveLength(tests.length);
    const confirmed = after.find((r) => r.event.type === 'cluster.confirmed')!;
    expect(verifyWebhookSignature(confirmed.signature, confirmed.body, secret)).toBe(true);
    expect(confirmed.event.data.member_ids).toEqual(campaign.map((c) => c.id));
    expect(confirmed.event.data.cluster).toMatchObject({ id: cluster.id, status: 'confirmed', size: 6 });
    expect((await deliveriesOf(hookId)).find((d) => d.event === 'cluster.confirmed')!.attempts).toBeGreaterThan(1);
  });

  test('after a secret rotation deliveries are signed with both secrets, so either verifies', async () => {
    const rotated = await client.rotateWebhookSecret(hookId);
    expect(rotated.secret).not.toBe(secret);
    expect(rotated.previous_secret_until).not.toBeNull();
    const { delivery_id } = await client.testWebhook(hookId);
    await waitFor(async () => (await deliveriesOf(hookId)).find((d) => d.id === delivery_id && d.status === 'delivered'), 10_000, 'the delivery after rotation');
    const last = received[received.length - 1];
    expect(verifyWebhookSignature(last.signature, last.body, rotated.secret)).toBe(true);
    expect(verifyWebhookSignature(last.signature, last.body, secret)).toBe(true);
  });

  test('bad registrations are 422s naming the field; a deleted endpoint is gone with its log', async () => {
    await expect(client.createWebhook({ url: 'ftp://example.org/hook', events: ['cluster.flagged'] })).rejects.toMatchObject({ status: 422, field: 'url' });
    await expect(client.createWebhook({ url: 'https://example.org/hook', events: ['cluster.exploded' as 'cluster.flagged'] })).rejects.toMatchObject({ status: 422, field: 'events[0]' });
    await expect(client.createWebhook({ url: 'https://example.org/hook', events: [] })).rejects.toMatchObject({ status: 422, field: 'events' });
    await client.deleteWebhook(hookId);
    await expect(client.webhookDeliveries(hookId)).rejects.toMatchObject({ status: 404, field: 'id' });
    expect((await client.listWebhooks()).webhooks).toEqual([]);
  });
});
