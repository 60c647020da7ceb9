import { randomUUID } from 'node:crypto';
import { Queue, type ConnectionOptions } from 'bullmq';
import type { WebhookEvent } from '@chorus/contracts';
import { clusterForEvent, recordDeliveries, recordEventDeliveries, type Db } from '@chorus/db';

export type ClusterEvent = Exclude<WebhookEvent, 'comment.scored'>;

export const WEBHOOK_QUEUE = 'webhooks';
export interface DeliveryJob {
  readonly deliveryId: string;
}
export type WebhookQueue = Queue<DeliveryJob>;
/** The job id of a delivery: one job per delivery, however often it is queued. */
export const deliveryJobId = (deliveryId: string) => `wd-${deliveryId}`;

/** Retry schedule: exponential from `backoffMs` (1 s, 2 s, 4 s... about 4.5 hours in all at the defaults). */
export interface DeliveryRetries {
  readonly attempts: number;
  readonly backoffMs: number;
}
export const DEFAULT_RETRIES: DeliveryRetries = { attempts: 15, backoffMs: 1000 };

export function createWebhookQueue(connection: ConnectionOptions, prefix: string, retries: DeliveryRetries = DEFAULT_RETRIES): WebhookQueue {
  return new Queue<DeliveryJob>(WEBHOOK_QUEUE, {
    connection,
    prefix,
    defaultJobOptions: { attempts: retries.attempts, backoff: { type: 'exponential', delay: retries.backoffMs }, removeOnComplete: true, removeOnFail: { age: 7 * 24 * 3600 } },
  });
}

/**
 * Records a delivery for every endpoint of the tenant subscribed to the event (in PostgreSQL, so it
 * is not lost), then queues them (without a queue they stay pending). `eventId` makes emitting the same event twice harmless.
 * Returns the delivery ids.
 */
export async function emitWebhookEvent(
  db: Db,
  queue: WebhookQueue | undefined,
  tenantId: string,
  e: { type: WebhookEvent | 'webhook.test'; data: unknown; eventId?: string; onlyWebhook?: string },
): Promise<string[]> {
  const eventId = e.eventId ?? `evt_${randomUUID()}`;
  const ids = await recordDeliveries(db, tenantId, { eventId, event: e.type, payload: payloadOf(eventId, e.type, e.data), onlyWebhook: e.onlyWebhook });
  await queueDeliveries(queue, ids);
  return ids;
}

/** emitWebhookEvent for many events of one type (comment.scored for a batch of comments): one write for all. */
export async function emitWebhookEvents(db: Db, queue: WebhookQueue | undefined, tenantId: string, type: WebhookEvent, events: readonly { eventId: string; data: unknown }[]): Promise<string[]> {
  const ids = await recordEventDeliveries(db, tenantId, type, events.map((e) => ({ eventId: e.eventId, payload: payloadOf(e.eventId, type, e.data) })));
  await queueDeliveries(queue, ids);
  return ids;
}

function payloadOf(eventId: string, type: string, data: unknown): string {
  return JSON.stringify({ id: eventId, type, created_at: new Date().toISOString(), data });
}

async function queueDeliveries(queue: WebhookQueue | undefined, ids: readonly string[]): Promise<void> {
  if (queue && ids.length > 0) await queue.addBulk(ids.map((deliveryId) => ({ name: 'deliver', data: { deliveryId }, opts: { jobId: deliveryJobId(deliveryId) } })));
}

/**
 * Emits a cluster event with the cluster as it is now and every member's id (a confirmed cluster's
 * members are what the publisher hides). `version` (e.g. the cluster's size or decision count)
 * tells repeated emissions of one change apart from a new change. Nothing happens for a cluster
 * that is not the tenant's.
 */
export async function emitClusterEvent(db: Db, queue: WebhookQueue | undefined, tenantId: string, clusterId: string, type: ClusterEvent, version: string): Promise<string[]> {
  const cluster = await clusterForEvent(db, tenantId, clusterId);
  if (!cluster) return [];
  const { member_ids, updated_at, ...rest } = cluster;
  const data = { cluster: { ...rest, updated_at: updated_at.toISOString() }, member_ids };
  return emitWebhookEvent(db, queue, tenantId, { type, data, eventId: `evt_${type}_${clusterId}_${version}` });
}
