import { emitClusterEvent, type ClusterEvent } from '@chorus/webhooks';
import type { AppDeps } from './deps.js';

const EVENT_FOR: Readonly<Record<string, ClusterEvent | undefined>> = { confirm: 'cluster.confirmed', dismiss: 'cluster.dismissed' };

/**
 * Tells the tenant's endpoints about a moderator's decision: cluster.confirmed (with every member
 * id, so the publisher can hide them in one call) or cluster.dismissed. The decision is stored
 * already; a failure to queue is logged, and its deliveries stay recorded as pending.
 */
export async function emitDecision(deps: AppDeps, tenantId: string, clusterId: string, action: string, version: number): Promise<void> {
  const type = EVENT_FOR[action];
  if (!type) return;
  try {
    await emitClusterEvent(deps.db, deps.webhookQueue, tenantId, clusterId, type, `v${version}`);
  } catch (err) {
    deps.logger.warn({ err, tenantId, clusterId, type }, 'webhook emission failed; the decision stands');
  }
}
