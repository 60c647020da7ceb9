import { sql, type Transaction } from 'kysely';
import type { Db } from '../connection.js';
import type { ClustersTable, Database, ModerationLogTable } from '../schema.js';
import { lockingTransaction } from './component-repo.js';

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
  /** For `drop`: the publisher's id of the comment dropped. */
  readonly comment_id: string | null;
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
const ENTRY = ['action', 'comment_external_id as comment_id', 'note', 'moderator', 'key_prefix', 'version', 'created_at'] as const;

type Locked = { readonly status: ClustersTable['status']; readonly version: number };

/**
 * Runs `decide` on a locked cluster when `seenVersion` (if given) is its version; otherwise answers
 * stale with the decision that changed it. Undefined if the cluster is not the tenant's.
 */
async function onVersion<T>(
  db: Db,
  tenantId: string,
  id: string,
  seenVersion: number | undefined,
  decide: (trx: Transaction<Database>, current: Locked) => Promise<T>,
): Promise<T | Extract<ReviewOutcome, { kind: 'stale' }> | undefined> {
  return lockingTransaction(db, async (trx) => {
    const current = await trx.selectFrom('clusters').select(['status', 'version']).where('tenant_id', '=', tenantId).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!current) return undefined;
    if (seenVersion !== undefined && seenVersion !== current.version) {
      const last = await trx.selectFrom('moderation_log').select(ENTRY).where('tenant_id', '=', tenantId).where('cluster_id', '=', id).orderBy('id', 'desc').limit(1).executeTakeFirst();
      return { kind: 'stale' as const, status: current.status, version: current.version, last: last ?? null };
    }
    return decide(trx, current);
  });
}

/** Logs a decision that made `version`. */
async function log(trx: Transaction<Database>, tenantId: string, clusterId: string, entry: { action: ModerationLogTable['action']; note: string | null; by: Decider; version: number; comment?: string }) {
  await trx
    .insertInto('moderation_log')
    .values({ tenant_id: tenantId, cluster_id: clusterId, action: entry.action, note: entry.note, key_prefix: entry.by.keyPrefix, moderator: entry.by.moderator, version: entry.version, comment_external_id: entry.comment ?? null })
    .execute();
}

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
  return onVersion(db, tenantId, id, decision.seenVersion, async (trx) => {
    const updated = await bumpVersion(trx, id, { status: STATUS_FOR[decision.action] });
    await log(trx, tenantId, id, { ...decision, version: updated.version });
    return { kind: 'decided' as const, status: updated.status, version: updated.version };
  });
}

export type DropOutcome =
  /** `member`: a member left (its internal id), to have the detector decide the cluster again from. */
  | { readonly kind: 'dropped'; readonly status: ClustersTable['status']; readonly version: number; readonly size: number; readonly member: string }
  /** The comment is not (or no longer) a member of the cluster. */
  | { readonly kind: 'not_member' }
  /** Dropping it would leave a single comment: dismiss the cluster instead. */
  | { readonly kind: 'last_members' }
  | Extract<ReviewOutcome, { kind: 'stale' }>;

/**
 * Drops a member that does not belong: it leaves the cluster now and no later decision of its
 * component puts it back (component-repo leaves dropped comments out). The cluster's counts are
 * those of the members left; its score and reasons are those of its last decision until the
 * detector decides it again. Undefined if the cluster is not the tenant's.
 */
export async function dropMember(
  db: Db,
  tenantId: string,
  id: string,
  drop: { readonly commentId: string; readonly note: string | null; readonly seenVersion?: number; readonly by: Decider },
): Promise<DropOutcome | undefined> {
  return onVersion(db, tenantId, id, drop.seenVersion, async (trx) => {
    const member = await lockMember(trx, tenantId, id, drop.commentId);
    if (!member) return { kind: 'not_member' as const };
    const left = await memberCounts(trx, id, member.id);
    const size = Number(left.size);
    if (size < 2) return { kind: 'last_members' as const };
    await trx.updateTable('comments').set({ cluster_id: null, dropped_at: new Date() }).where('id', '=', member.id).execute();
    const updated = await trx
      .updateTable('clusters')
      .set((eb) => ({
        size,
        account_count: Number(left.accounts),
        thread_count: Number(left.threads),
        decided_size: sql<number>`least(${eb.ref('decided_size')}, ${size})`,
        // Clusters are keyed by their representative: one that leaves hands the key to a member left.
        representative_id: sql<string>`case when ${eb.ref('representative_id')} = ${member.id} then ${left.first}::bigint else ${eb.ref('representative_id')} end`,
        version: eb('version', '+', 1),
        updated_at: new Date(),
      }))
      .where('id', '=', id)
      .returning(['status', 'version'])
      .executeTakeFirstOrThrow();
    await log(trx, tenantId, id, { action: 'drop', note: drop.note, by: drop.by, version: updated.version, comment: drop.commentId });
    return { kind: 'dropped' as const, status: updated.status, version: updated.version, size, member: String(left.first) };
  });
}

/** A member of the cluster by the publisher's comment id (its internal id), its row locked; undefined if not one. */
function lockMember(trx: Transaction<Database>, tenantId: string, id: string, commentId: string) {
  return trx.selectFrom('comments').select('id').where('tenant_id', '=', tenantId).where('external_id', '=', commentId).where('cluster_id', '=', id).forNoKeyUpdate().executeTakeFirst();
}

/** The size, accounts, threads and first member of a cluster's members (but `except`). */
function memberCounts(trx: Transaction<Database>, id: string, except?: string) {
  let q = trx
    .selectFrom('comments')
    .select((eb) => [
      eb.fn.countAll<string>().as('size'),
      eb.fn.count<string>('account_id').distinct().as('accounts'),
      eb.fn.count<string>('thread_id').distinct().as('threads'),
      eb.fn.min<string>('id').as('first'),
    ])
    .where('cluster_id', '=', id);
  if (except !== undefined) q = q.where('id', '<>', except);
  return q.executeTakeFirstOrThrow();
}

export type MemberOutcome =
  /** `member`: the comment's internal id. */
  | { readonly kind: 'decided'; readonly status: ClustersTable['status']; readonly version: number; readonly member: string }
  /** The comment is not a member of the cluster (for a restore: not one dropped from it and since left alone). */
  | { readonly kind: 'not_member' }
  | Extract<ReviewOutcome, { kind: 'stale' }>;

/**
 * A moderator's judgement of one member, logged as `confirm` or `dismiss` naming the comment: the
 * cluster's status is unchanged, its version moves (another moderator about to decide the cluster
 * hears of it first). Undefined if the cluster is not the tenant's.
 */
export async function reviewMember(
  db: Db,
  tenantId: string,
  id: string,
  decision: { readonly commentId: string; readonly action: 'confirm' | 'dismiss'; readonly note: string | null; readonly seenVersion?: number; readonly by: Decider },
): Promise<MemberOutcome | undefined> {
  return onVersion(db, tenantId, id, decision.seenVersion, async (trx) => {
    const member = await lockMember(trx, tenantId, id, decision.commentId);
    if (!member) return { kind: 'not_member' as const };
    const updated = await bumpVersion(trx, id, {});
    await log(trx, tenantId, id, { action: decision.action, note: decision.note, by: decision.by, version: updated.version, comment: decision.commentId });
    return { kind: 'decided' as const, status: updated.status, version: updated.version, member: member.id };
  });
}

/**
 * Puts back a member dropped from this cluster (the undo of a drop), logged as `reopen` naming the
 * comment. Only a comment whose last drop was from this cluster and that no cluster has taken since.
 * Undefined if the cluster is not the tenant's.
 */
export async function restoreMember(
  db: Db,
  tenantId: string,
  id: string,
  restore: { readonly commentId: string; readonly note: string | null; readonly seenVersion?: number; readonly by: Decider },
): Promise<MemberOutcome | undefined> {
  return onVersion(db, tenantId, id, restore.seenVersion, async (trx) => {
    const comment = await trx
      .selectFrom('comments')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('external_id', '=', restore.commentId)
      .where('cluster_id', 'is', null)
      .where('dropped_at', 'is not', null)
      .forNoKeyUpdate()
      .executeTakeFirst();
    const lastDrop = await trx
      .selectFrom('moderation_log')
      .select('cluster_id')
      .where('tenant_id', '=', tenantId)
      .where('action', '=', 'drop')
      .where('comment_external_id', '=', restore.commentId)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!comment || lastDrop?.cluster_id !== id) return { kind: 'not_member' as const };
    await trx.updateTable('comments').set({ cluster_id: id, dropped_at: null }).where('id', '=', comment.id).execute();
    const now = await memberCounts(trx, id);
    const size = Number(now.size);
    const updated = await bumpVersion(trx, id, { size, account_count: Number(now.accounts), thread_count: Number(now.threads) });
    await log(trx, tenantId, id, { action: 'reopen', note: restore.note, by: restore.by, version: updated.version, comment: restore.commentId });
    return { kind: 'decided' as const, status: updated.status, version: updated.version, member: comment.id };
  });
}

/** Sets `changes` on a locked cluster and bumps its version: every logged decision makes a version. */
function bumpVersion(trx: Transaction<Database>, id: string, changes: { status?: ClustersTable['status']; size?: number; account_count?: number; thread_count?: number }) {
  return trx
    .updateTable('clusters')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', id)
    .returning(['status', 'version'])
    .executeTakeFirstOrThrow();
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
