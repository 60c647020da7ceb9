import { sql } from 'kysely';
import type { Db } from '../connection.js';
import type { DeliveryStatus } from '../schema.js';

const PUBLIC = ['id', 'url', 'events', 'created_at', 'previous_secret_until'] as const;

/** Registers an endpoint; its secret is chosen by the caller and shown once. */
export async function createWebhook(db: Db, tenantId: string, hook: { url: string; events: readonly string[]; secret: string }) {
  return db.insertInto('webhooks').values({ tenant_id: tenantId, url: hook.url, events: [...hook.events], secret: hook.secret }).returning(PUBLIC).executeTakeFirstOrThrow();
}

export async function listWebhooks(db: Db, tenantId: string) {
  return db.selectFrom('webhooks').select(PUBLIC).where('tenant_id', '=', tenantId).orderBy('id').execute();
}

/** Removes an endpoint and its delivery log; false if it is not the tenant's. */
export async function deleteWebhook(db: Db, tenantId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('webhooks').where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Replaces the secret; the old one keeps signing until `graceUntil`. Undefined if not the tenant's. */
export async function rotateWebhookSecret(db: Db, tenantId: string, id: string, secret: string, graceUntil: Date) {
  return db
    .updateTable('webhooks')
    .set((eb) => ({ previous_secret: eb.ref('secret'), previous_secret_until: graceUntil, secret }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returning(PUBLIC)
    .executeTakeFirst();
}

/**
 * Writes one delivery per endpoint of the tenant subscribed to `event` (once per endpoint and
 * event id, so emitting twice changes nothing) and returns the ids of the new ones. `onlyWebhook`
 * narrows it to one endpoint whatever it subscribed to (the test event).
 */
export async function recordDeliveries(db: Db, tenantId: string, e: { eventId: string; event: string; payload: string; onlyWebhook?: string }): Promise<string[]> {
  if (!e.onlyWebhook) return recordEventDeliveries(db, tenantId, e.event, [e]);
  const hooks = await db.selectFrom('webhooks').select('id').where('tenant_id', '=', tenantId).where('id', '=', e.onlyWebhook).execute();
  return insertDeliveries(db, hooks.map((h) => h.id), e.event, [e]);
}

/** recordDeliveries for many events of one type at once: one read of the endpoints, one insert per thousand events. */
export async function recordEventDeliveries(db: Db, tenantId: string, event: string, items: readonly { eventId: string; payload: string }[]): Promise<string[]> {
  if (items.length === 0) return [];
  const hooks = await db.selectFrom('webhooks').select('id').where('tenant_id', '=', tenantId).where(sql<boolean>`${event} = any(events)`).execute();
  return insertDeliveries(db, hooks.map((h) => h.id), event, items);
}

async function insertDeliveries(db: Db, hookIds: readonly string[], event: string, items: readonly { eventId: string; payload: string }[]): Promise<string[]> {
  const ids: string[] = [];
  if (hookIds.length === 0) return ids;
  const CHUNK = 1000;
  for (let i = 0; i < items.length; i += CHUNK) {
    const values = hookIds.flatMap((webhook_id) => items.slice(i, i + CHUNK).map((item) => ({ webhook_id, event_id: item.eventId, event, payload: item.payload })));
    const rows = await db.insertInto('webhook_deliveries').values(values).onConflict((oc) => oc.constraint('webhook_deliveries_once').doNothing()).returning('id').execute();
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

/** What a delivery attempt needs: the payload, the endpoint and its secrets. */
export async function deliveryToSend(db: Db, id: string) {
  return db
    .selectFrom('webhook_deliveries')
    .innerJoin('webhooks', 'webhooks.id', 'webhook_deliveries.webhook_id')
    .select(['webhook_deliveries.id', 'webhook_deliveries.event', 'webhook_deliveries.payload', 'webhook_deliveries.status', 'webhooks.url', 'webhooks.secret', 'webhooks.previous_secret', 'webhooks.previous_secret_until'])
    .where('webhook_deliveries.id', '=', id)
    .executeTakeFirst();
}

/** Records an attempt's outcome. */
export async function recordAttempt(db: Db, id: string, outcome: { status: DeliveryStatus; statusCode: number | null; error: string | null }): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      status: outcome.status,
      last_status_code: outcome.statusCode,
      last_error: outcome.error,
      delivered_at: outcome.status === 'delivered' ? new Date() : null,
    }))
    .where('id', '=', id)
    .execute();
}

/** An endpoint's deliveries, newest first; undefined if the endpoint is not the tenant's. */
export async function listDeliveries(db: Db, tenantId: string, webhookId: string, limit: number) {
  const hook = await db.selectFrom('webhooks').select('id').where('tenant_id', '=', tenantId).where('id', '=', webhookId).executeTakeFirst();
  if (!hook) return undefined;
  return db
    .selectFrom('webhook_deliveries')
    .select(['id', 'event_id', 'event', 'status', 'attempts', 'last_status_code', 'last_error', 'created_at', 'delivered_at'])
    .where('webhook_id', '=', webhookId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** A cluster and its members' ids, for its events' payloads. */
export async function clusterForEvent(db: Db, tenantId: string, clusterId: string) {
  const cluster = await db
    .selectFrom('clusters')
    .select(['id', 'status', 'verdict', 'score', 'size', 'account_count', 'thread_count', 'reasons', 'updated_at'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', clusterId)
    .executeTakeFirst();
  if (!cluster) return undefined;
  const members = await db.selectFrom('comments').select('external_id').where('cluster_id', '=', clusterId).orderBy('external_id').execute();
  return { ...cluster, member_ids: members.map((m) => m.external_id) };
}

/** The events some endpoint of the tenant subscribes to: nothing need be built for the others. */
export async function subscribedEvents(db: Db, tenantId: string): Promise<Set<string>> {
  const rows = await sql<{ event: string }>`select distinct unnest(events) as event from webhooks where tenant_id = ${tenantId}`.execute(db);
  return new Set(rows.rows.map((r) => r.event));
}

/** Deliveries still pending that were recorded before `before`, oldest first (those whose job was never queued, or was lost). */
export async function stalePendingDeliveries(db: Db, before: Date, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('webhook_deliveries')
    .select('id')
    .where('status', '=', 'pending')
    .where('created_at', '<', before)
    .orderBy('created_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Comments as a comment.scored event shows them: a clustered comment's verdict, score and reasons are its cluster's; one in no cluster is clean. */
export async function scoredForEvent(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('comments')
    .leftJoin('clusters', 'clusters.id', 'comments.cluster_id')
    .select(['comments.id as internal_id', 'comments.external_id as id', 'comments.thread_id', 'comments.cluster_id', 'comments.scored_at', 'clusters.verdict', 'clusters.score', 'clusters.reasons'])
    .where('comments.id', '=', sql<string>`any(${[...ids]}::bigint[])`)
    .where('comments.status', '=', 'scored')
    .execute();
  return rows.map(({ verdict, score, reasons, ...c }) => ({ ...c, verdict: verdict ?? 'clean', score: score ?? 0, reasons: reasons ?? [] }));
}
