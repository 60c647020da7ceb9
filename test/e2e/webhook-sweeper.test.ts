// Issue 15, no webhook lost to a Redis outage: a delivery recorded while Redis was down has no job;
// the API's delivery sweeper queues it once it is a minute old, and the receiver gets it signed.
// A recent delivery, one whose job still backs off, and a second sweeper holding no lock are left alone.
import type { Worker } from 'bullmq';
import { verifyWebhookSignature } from '@chorus/client';
import { createWebhook, listDeliveries } from '@chorus/db';
import { createWebhookQueue, DeliverySweeper, emitWebhookEvent, startDeliveryWorker, type WebhookQueue } from '@chorus/webhooks';
import { createHarness, silentLogger, type Harness } from '../support/harness.js';
import { waitFor } from '../support/services.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

let h: Harness;
let queue: WebhookQueue;
let deliverer: Worker;
let receiver: WebhookReceiver<{ id: string }>;

beforeAll(async () => {
  h = await createHarness('webhook-sweeper', { semantic: false });
  queue = createWebhookQueue(h.redis, h.prefix, { attempts: 3, backoffMs: 200 });
  deliverer = startDeliveryWorker({ db: h.testDb.db, connection: { host: '127.0.0.1', port: 6379, maxRetriesPerRequest: null }, prefix: h.prefix, logger: silentLogger, timeoutMs: 2000 });
  receiver = await startWebhookReceiver();
}, 30_000);
afterAll(async () => {
  await receiver.close();
  await deliverer.close();
  await queue.close();
  await h.close();
});

const sweeperOptions = { intervalMs: 200, graceMs: 60_000, batch: 100, lockKey: '' };

test('deliveries recorded while Redis was down are sent once they are a minute old; recent ones are left to their own job', async () => {
  const tenant = await h.tenant('gazette');
  const secret = 'whsec_sweeper';
  const hook = await createWebhook(h.testDb.db, tenant.id, { url: `${receiver.url}/hook`, events: ['cluster.flagged'], secret });
  // A queue on a Redis that does not answer: the delivery is recorded, then queueing fails.
  const down = createWebhookQueue({ host: '127.0.0.1', port: 1, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null }, h.prefix);
  down.on('error', () => undefined);
  const emit = (n: number) => emitWebhookEvent(h.testDb.db, down, tenant.id, { type: 'cluster.flagged', data: { n }, eventId: `evt_outage_${n}` });
  try {
    await expect(emit(1)).rejects.toThrow();
    await expect(emit(2)).rejects.toThrow();
  } finally {
    await down.close().catch(() => undefined);
  }
  const log = async () => (await listDeliveries(h.testDb.db, tenant.id, hook.id, 10))!;
  expect((await log()).map((d) => d.status)).toEqual(['pending', 'pending']);
  // The first was recorded two minutes ago; the second just now.
  await h.testDb.db.updateTable('webhook_deliveries').set({ created_at: new Date(Date.now() - 120_000) }).where('event_id', '=', 'evt_outage_1').execute();

  const sweeper = new DeliverySweeper(h.testDb.db, h.redis, queue, silentLogger, { ...sweeperOptions, lockKey: `${h.prefix}:webhook-sweep-lock` });
  sweeper.start();
  try {
    const delivered = await waitFor(async () => (await log()).find((d) => d.event_id === 'evt_outage_1' && d.status === 'delivered'), 10_000, 'the old delivery sent');
    expect(delivered.attempts).toBe(1);
    const got = receiver.received.find((r) => r.event.id === 'evt_outage_1')!;
    expect(verifyWebhookSignature(got.signature, got.body, secret)).toBe(true);
    // Several passes later the recent one still waits (its own job may yet come), and nothing went twice.
    await new Promise((r) => setTimeout(r, 1000));
    expect((await log()).find((d) => d.event_id === 'evt_outage_2')!.status).toBe('pending');
    expect(receiver.received.filter((r) => r.event.id === 'evt_outage_1')).toHaveLength(1);
  } finally {
    await sweeper.stop();
  }
});

test('one process sweeps at a time, and a delivery whose job is still backing off is not queued twice', async () => {
  const tenant = await h.tenant('courier');
  const hook = await createWebhook(h.testDb.db, tenant.id, { url: 'http://127.0.0.1:1/refused', events: ['cluster.flagged'], secret: 'whsec_x' });
  // Queued, refused, and backing off for a long while: pending, old, and its job alive.
  const slow = createWebhookQueue(h.redis, h.prefix, { attempts: 5, backoffMs: 60_000 });
  try {
    await emitWebhookEvent(h.testDb.db, slow, tenant.id, { type: 'cluster.flagged', data: {}, eventId: 'evt_backing_off' });
  } finally {
    await slow.close();
  }
  const [delivery] = (await listDeliveries(h.testDb.db, tenant.id, hook.id, 10))!;
  await waitFor(async () => (await queue.getJob(`wd-${delivery.id}`))?.isDelayed(), 10_000, 'the delivery backing off');
  await h.testDb.db.updateTable('webhook_deliveries').set({ created_at: new Date(Date.now() - 120_000) }).where('id', '=', delivery.id).execute();

  const lockKey = `${h.prefix}:webhook-sweep-lock-2`;
  const [a, b] = [0, 1].map(() => new DeliverySweeper(h.testDb.db, h.redis, queue, silentLogger, { ...sweeperOptions, lockKey }));
  // Another process holds the lock: this one does nothing.
  await h.redis.set(lockKey, 'another-process', 'PX', 5000);
  expect(await a.sweep()).toBe(0);
  await h.redis.del(lockKey);
  expect(await Promise.all([a.sweep(), b.sweep()])).toEqual([0, 0]);
  const job = (await queue.getJob(`wd-${delivery.id}`))!;
  expect(await job.getState()).toBe('delayed');
  expect(job.attemptsMade).toBe(1);
  await job.remove();
  // Its job gone (Redis lost its data): one of two sweepers at once queues it again.
  expect((await Promise.all([a.sweep(), b.sweep()])).sort()).toEqual([0, 1]);
  expect(await (await queue.getJob(`wd-${delivery.id}`))!.getState()).toMatch(/waiting|active|delayed/);
});
