import { scoredForEvent, subscribedEvents, type DecisionOutcome, type Db } from '@chorus/db';
import type { Logger } from '@chorus/platform';
import { emitClusterEvent, emitWebhookEvents, type WebhookQueue } from '@chorus/webhooks';

/** Told of every committed decision, with what it changed. */
export type OnDecided = (tenantId: string, outcome: DecisionOutcome) => Promise<void>;

/** How long a tenant's subscriptions are reused: a flood's rounds share one lookup, a new endpoint hears within this time. */
const SUBSCRIPTIONS_CACHE_MS = 1000;

/**
 * Emits the webhook events of committed decisions: cluster.flagged when a cluster becomes suspect
 * or coordinated, cluster.updated when a flagged cluster's verdict, size or score changes,
 * and comment.scored (opt-in) per comment scored. Event ids come from the change itself, so
 * emitting one twice (a retried job, two workers deciding one component in turn) sends it once.
 * Nothing is built for an event no endpoint of the tenant subscribes to. The decision stands
 * whatever happens here: a failure is logged, and deliveries recorded but not queued are sent by
 * the API's delivery sweeper.
 */
export function createDecisionEvents(db: Db, queue: WebhookQueue | undefined, logger: Logger): OnDecided {
  const cache = new Map<string, { readonly at: number; readonly events: Promise<Set<string>> }>();
  const subscriptions = (tenantId: string): Promise<Set<string>> => {
    const cached = cache.get(tenantId);
    if (cached && Date.now() - cached.at < SUBSCRIPTIONS_CACHE_MS) return cached.events;
    const events = subscribedEvents(db, tenantId);
    cache.set(tenantId, { at: Date.now(), events });
    events.catch(() => cache.delete(tenantId));
    return events;
  };
  return async (tenantId, outcome) => {
    if (outcome.clusters.length === 0 && outcome.scored.length === 0) return;
    try {
      const events = await subscriptions(tenantId);
      for (const c of outcome.clusters) {
        const type = c.change === 'flagged' ? 'cluster.flagged' : 'cluster.updated';
        if (!events.has(type)) continue;
        await emitClusterEvent(db, queue, tenantId, c.id, type, c.version);
      }
      if (events.has('comment.scored') && outcome.scored.length > 0) {
        const comments = await scoredForEvent(db, outcome.scored.map((s) => s.id));
        await emitWebhookEvents(
          db,
          queue,
          tenantId,
          'comment.scored',
          comments.map(({ internal_id, ...comment }) => ({ eventId: `evt_comment.scored_${internal_id}`, data: { comment: { ...comment, status: 'scored', scored_at: comment.scored_at?.toISOString() ?? null } } })),
        );
      }
    } catch (err) {
      logger.warn({ err, tenantId, stage: 'webhooks', clusters: outcome.clusters.length, scored: outcome.scored.length }, 'webhook emission failed; the decision stands');
    }
  };
}
