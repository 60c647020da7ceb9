import type { Db } from '../connection.js';
import type { ClustersTable, ModerationLogTable } from '../schema.js';

// Moderators' decisions on clusters. Each decision names the cluster's version it was made on and
// bumps it, under a lock on the cluster row: two moderators deciding the same cluster at once end
// with one decision made and the other told who made it, never with one silently overwritten.

/** Who decides: the key's prefix, and the moderator's name for a named key. */
export interface Decider {
  readonly keyPrefix: string;
  readonly moderator: string | null;
}

export type ReviewAction = 'confirm' | 'dismiss' | 'reopen';

/** One line of the moderation log. */
export interface LogEntry {
  readonly action: ModerationLogTable['action'];
  readonly note: string | null;
  readonly moderator: string | null;
  readonly key_prefix: string | null;
  readonly version: number | null;
  readonly created_at: Date;
}

export type ReviewOutcome =
  | { readonly kind: 'decided'; readonly status: ClustersTable['status']; readonly version: number }
  /** The cluster's version is not the one the decision was made on: `last` is what changed it. */
  | { readonly kind: 'stale'; readonly status: ClustersTable['status']; readonly version: number; readonly last: LogEntry | null };

const STATUS_FOR = { confirm: 'confirmed', dismiss: 'dismissed', reopen: 'flagged' } as const;
const ENTRY = ['action', 'note', 'moderator', 'key_prefix', 'version', 'created_at'] as const;

/**
 * Records a moderator's decision on a cluster, made on `seenVersion` when given (a decision
 * without one applies to whatever version is current). Undefined if the cluster is not the tenant's.
 */
export async function reviewCluster(
  db: Db,
  tenantId: string,
  id: string,
  decision: { readonly action: ReviewAction; readonly note: string | null; readonly seenVersion?: number; readonly by: Decider },
): Promise<ReviewOutcome | undefined> {
  return db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('clusters').select(['status', 'version']).where('tenant_id', '=', tenantId).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!current) return undefined;
    if (decision.seenVersion !== undefined && decision.seenVersion !== current.version) {
      const last = await trx.selectFrom('moderation_log').select(ENTRY).where('tenant_id', '=', tenantId).where('cluster_id', '=', id).orderBy('id', 'desc').limit(1).executeTakeFirst();
      return { kind: 'stale', status: current.status, version: current.version, last: last ?? null };
    }
    const updated = await trx
      .updateTable('clusters')
      .set((eb) => ({ status: STATUS_FOR[decision.action], version: eb('version', '+', 1), updated_at: new Date() }))
      .where('id', '=', id)
      .returning(['status', 'version'])
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('moderation_log')
      .values({ tenant_id: tenantId, cluster_id: id, action: decision.action, note: decision.note, key_prefix: decision.by.keyPrefix, moderator: decision.by.moderator, version: updated.version })
      .execute();
    return { kind: 'decided', status: updated.status, version: updated.version };
  });
}

/** A cluster's moderation history, oldest first. */
export async function moderationHistory(db: Db, tenantId: string, clusterId: string): Promise<LogEntry[]> {
  return db.selectFrom('moderation_log').select(ENTRY).where('tenant_id', '=', tenantId).where('cluster_id', '=', clusterId).orderBy('id').execute();
}

export interface LogFilter {
  /** A moderator's name, or a key's prefix. */
  readonly moderator?: string;
  readonly action?: ModerationLogTable['action'];
  readonly clusterId?: string;
  readonly since?: Date;
  readonly until?: Date;
  readonly limit: number;
  /** Entries older than this one (its id). */
  readonly before?: string;
}

/** The tenant's moderation log, newest first, one page at a time. */
export async function moderationLog(db: Db, tenantId: string, filter: LogFilter): Promise<{ entries: (LogEntry & { id: string; cluster_id: string })[]; next: string | null }> {
  let q = db.selectFrom('moderation_log').select(['id', 'cluster_id', ...ENTRY]).where('tenant_id', '=', tenantId);
  if (filter.moderator !== undefined) {
    const who = filter.moderator;
    q = q.where((eb) => eb.or([eb('moderator', '=', who), eb('key_prefix', '=', who)]));
  }
  if (filter.action) q = q.where('action', '=', filter.action);
  if (filter.clusterId) q = q.where('cluster_id', '=', filter.clusterId);
  if (filter.since) q = q.where('created_at', '>=', filter.since);
  if (filter.until) q = q.where('created_at', '<', filter.until);
  if (filter.before) q = q.where('id', '<', filter.before);
  const rows = await q.orderBy('id', 'desc').limit(filter.limit + 1).execute();
  const entries = rows.slice(0, filter.limit);
  return { entries, next: rows.length > filter.limit ? entries[entries.length - 1].id : null };
}
