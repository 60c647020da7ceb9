import { sql } from 'kysely';
import type { Db } from '../connection.js';
import type { CommentStatus } from '../schema.js';
import { recordThreadPages, type ThreadPage } from './threads-repo.js';

/** A comment as stored on arrival (pending, in no cluster). */
export interface NewComment {
  readonly external_id: string;
  readonly thread_id: string;
  readonly parent_external_id?: string | null;
  readonly account_id?: string | null;
  readonly author_name?: string | null;
  readonly text: string;
  readonly content_hash: string;
  readonly norm_hash: string;
  readonly posted_at: Date;
  readonly posted_at_known: boolean;
  /** Default: now. */
  readonly received_at?: Date;
  /** A new comment is in no cluster and not scored: only null is accepted. */
  readonly cluster_id?: null;
  readonly scored_at?: null;
}

/**
 * Inserts new comments with one statement whatever their number: each column travels as one array
 * parameter (unnest), so a batch of a thousand binds eleven parameters, not eleven thousand.
 */
async function insertNew(trx: Db, tenantId: string, comments: readonly NewComment[]) {
  const column = <T>(pick: (c: NewComment) => T) => comments.map(pick);
  const result = await sql<{ id: string; external_id: string; status: CommentStatus }>`
    insert into comments (tenant_id, external_id, thread_id, parent_external_id, account_id, author_name, text, content_hash, norm_hash, posted_at, posted_at_known, received_at)
    select ${tenantId}, n.external_id, n.thread_id, n.parent_external_id, n.account_id, n.author_name, n.text, n.content_hash, n.norm_hash, n.posted_at, n.posted_at_known, coalesce(n.received_at, now())
    from unnest(
      ${column((c) => c.external_id)}::text[], ${column((c) => c.thread_id)}::text[], ${column((c) => c.parent_external_id ?? null)}::text[],
      ${column((c) => c.account_id ?? null)}::text[], ${column((c) => c.author_name ?? null)}::text[], ${column((c) => c.text)}::text[],
      ${column((c) => c.content_hash)}::text[], ${column((c) => c.norm_hash)}::text[], ${column((c) => c.posted_at.toISOString())}::timestamptz[],
      ${column((c) => c.posted_at_known)}::boolean[], ${column((c) => c.received_at?.toISOString() ?? null)}::timestamptz[]
    ) as n(external_id, thread_id, parent_external_id, account_id, author_name, text, content_hash, norm_hash, posted_at, posted_at_known, received_at)
    on conflict (tenant_id, external_id) do nothing
    returning id, external_id, status`.execute(trx);
  return result.rows;
}

export interface StoredRef {
  readonly id: string;
  readonly externalId: string;
  /** Detection status as stored, so a re-send can be answered without reading the rows again. */
  readonly status: CommentStatus;
}

export type InsertOutcome =
  | {
      readonly kind: 'stored';
      readonly refs: readonly StoredRef[];
      readonly created: readonly StoredRef[];
      /** Not atomic only: ids already received with other content, left as they were (not in `refs`). */
      readonly conflicts: readonly string[];
    }
  | { readonly kind: 'conflict'; readonly externalIds: readonly string[] };

export interface InsertOptions {
  /** All or nothing (the default): one id re-used with other content stores nothing. Otherwise the rest is stored. */
  readonly atomic?: boolean;
  /** Titles and URLs of the batch's threads, kept where a thread has none yet. */
  readonly threadPages?: ReadonlyMap<string, ThreadPage>;
}

class ConflictRollback extends Error {
  constructor(readonly externalIds: string[]) {
    super('conflicting re-send');
  }
}

/**
 * Stores a batch in one transaction. A comment re-sent with the same content is left as it is; if
 * any comment re-uses an id with different content, nothing is stored and the ids are returned
 * (with `atomic: false`, the others are stored and those ids are listed as conflicts).
 */
export async function insertComments(db: Db, tenantId: string, comments: readonly NewComment[], options: InsertOptions = {}): Promise<InsertOutcome> {
  // Concurrent batches that share threads or accounts deadlock unless every transaction takes its
  // row locks in the same order; and PostgreSQL may still pick a victim under load, so retry.
  for (let attempt = 1; ; attempt++) {
    try {
      return await insertOnce(db, tenantId, comments, options);
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (attempt >= 4 || (code !== '40P01' && code !== '40001')) throw err;
      await new Promise((r) => setTimeout(r, 20 * attempt + Math.random() * 30));
    }
  }
}

async function insertOnce(db: Db, tenantId: string, unsorted: readonly NewComment[], { atomic = true, threadPages }: InsertOptions): Promise<InsertOutcome> {
  const comments = [...unsorted].sort((a, b) => (a.external_id < b.external_id ? -1 : a.external_id > b.external_id ? 1 : 0));
  try {
    return await db.transaction().execute(async (trx) => {
      const threads = [...new Set(comments.map((c) => c.thread_id))].sort().map((id) => ({ tenant_id: tenantId, id }));
      await trx.insertInto('threads').values(threads).onConflict((oc) => oc.columns(['tenant_id', 'id']).doNothing()).execute();
      if (threadPages) await recordThreadPages(trx, tenantId, threadPages);
      const accounts = new Map<string, string | null>();
      for (const c of comments) if (c.account_id) accounts.set(c.account_id, c.author_name ?? null);
      if (accounts.size > 0) {
        await trx
          .insertInto('accounts')
          .values([...accounts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([id, name]) => ({ tenant_id: tenantId, id, name })))
          .onConflict((oc) => oc.columns(['tenant_id', 'id']).doNothing())
          .execute();
      }
      const inserted = await insertNew(trx, tenantId, comments);
      const created = inserted.map((r) => ({ id: r.id, externalId: r.external_id, status: r.status }));
      if (created.length === comments.length) return { kind: 'stored' as const, refs: created, created, conflicts: [] };

      const createdById = new Map(created.map((r) => [r.externalId, r]));
      const resent = comments.filter((c) => !createdById.has(c.external_id));
      const existing = await trx
        .selectFrom('comments')
        .select(['id', 'external_id', 'content_hash', 'status'])
        .where('tenant_id', '=', tenantId)
        .where('external_id', 'in', resent.map((c) => c.external_id))
        .execute();
      const byExternal = new Map(existing.map((r) => [r.external_id, r]));
      const conflicts = resent.filter((c) => byExternal.get(c.external_id)?.content_hash !== c.content_hash).map((c) => c.external_id);
      if (conflicts.length > 0 && atomic) throw new ConflictRollback(conflicts);
      const conflicting = new Set(conflicts);
      const refs = comments.filter((c) => !conflicting.has(c.external_id)).map((c) => {
        const fresh = createdById.get(c.external_id);
        if (fresh) return fresh;
        const { id, status } = byExternal.get(c.external_id)!;
        return { id, externalId: c.external_id, status };
      });
      return { kind: 'stored' as const, refs, created, conflicts };
    });
  } catch (err) {
    if (err instanceof ConflictRollback) return { kind: 'conflict', externalIds: err.externalIds };
    throw err;
  }
}

/**
 * A comment as the publisher API shows it. A clustered comment's verdict, score and reasons are its
 * cluster's; a comment in no cluster is clean once scored (nothing yet while pending).
 */
export async function findCommentByExternalId(db: Db, tenantId: string, externalId: string) {
  const row = await db
    .selectFrom('comments')
    .leftJoin('clusters', 'clusters.id', 'comments.cluster_id')
    .leftJoin('threads', (j) => j.onRef('threads.tenant_id', '=', 'comments.tenant_id').onRef('threads.id', '=', 'comments.thread_id'))
    .select([
      'comments.id',
      'comments.external_id',
      'comments.thread_id',
      'comments.parent_external_id',
      'comments.account_id',
      'comments.author_name',
      'comments.text',
      'comments.status',
      'comments.cluster_id',
      'comments.posted_at',
      'comments.received_at',
      'comments.scored_at',
      'comments.failure',
      'threads.title as thread_title',
      'threads.url as thread_url',
      'clusters.verdict as cluster_verdict',
      'clusters.score as cluster_score',
      'clusters.reasons as cluster_reasons',
    ])
    .where('comments.tenant_id', '=', tenantId)
    .where('comments.external_id', '=', externalId)
    .executeTakeFirst();
  if (!row) return undefined;
  const { cluster_verdict, cluster_score, cluster_reasons, ...comment } = row;
  // Pending or failed: no verdict (nothing decided it); scored without a cluster: clean.
  const unclustered = comment.status === 'scored' ? { verdict: 'clean' as const, score: 0, reasons: [] } : { verdict: null, score: null, reasons: [] };
  return comment.cluster_id !== null && cluster_verdict !== null
    ? { ...comment, verdict: cluster_verdict, score: cluster_score, reasons: cluster_reasons ?? [] }
    : { ...comment, ...unclustered };
}

export interface DetectionRow {
  readonly id: string;
  readonly tenant_id: string;
  readonly external_id: string;
  readonly thread_id: string;
  readonly parent_external_id: string | null;
  readonly account_id: string | null;
  readonly text: string;
  readonly norm_hash: string;
  readonly posted_at: Date;
  readonly posted_at_known: boolean;
  readonly status: CommentStatus;
}

/** The columns of a DetectionRow, shared by every query that feeds detection. */
export const DETECTION_COLUMNS = ['id', 'tenant_id', 'external_id', 'thread_id', 'parent_external_id', 'account_id', 'text', 'norm_hash', 'posted_at', 'posted_at_known', 'status'] as const;

/** Comments by internal id, with what detection needs. */
export async function loadForDetection(db: Db, ids: readonly string[]): Promise<DetectionRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('comments')
    .select(DETECTION_COLUMNS)
    .where('id', 'in', ids)
    .execute();
}

/**
 * The thread's comments (or replies only) posted within `windowMs` of `at`: at most `limit`, the
 * nearest in time (ties by id), in time order (ties by id). The in-memory ports pick the same.
 */
export async function commentsAround(
  db: Db,
  tenantId: string,
  threadId: string,
  at: Date,
  windowMs: number,
  { repliesOnly = false, limit }: { repliesOnly?: boolean; limit: number },
): Promise<DetectionRow[]> {
  let query = db
    .selectFrom('comments')
    .select(DETECTION_COLUMNS)
    .where('tenant_id', '=', tenantId)
    .where('thread_id', '=', threadId)
    .where('posted_at_known', '=', true)
    .where('posted_at', '>=', new Date(at.getTime() - windowMs))
    .where('posted_at', '<=', new Date(at.getTime() + windowMs));
  if (repliesOnly) query = query.where('parent_external_id', 'is not', null);
  const rows = await query
    .orderBy(sql`abs(extract(epoch from (posted_at - ${at.toISOString()}::timestamptz)))`)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.sort((a, b) => a.posted_at.getTime() - b.posted_at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Parent comments (internal id and text), by the publisher's ids. */
export async function parentComments(db: Db, tenantId: string, externalIds: readonly string[]): Promise<Map<string, { id: string; text: string }>> {
  if (externalIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('comments')
    .select(['id', 'external_id', 'text'])
    .where('tenant_id', '=', tenantId)
    .where('external_id', 'in', [...new Set(externalIds)])
    .execute();
  return new Map(rows.map((r) => [r.external_id, { id: r.id, text: r.text }]));
}

/** Number of stored comments per thread. */
export async function threadSizes(db: Db, tenantId: string, threadIds: readonly string[]): Promise<Map<string, number>> {
  if (threadIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('comments')
    .select(['thread_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('tenant_id', '=', tenantId)
    .where('thread_id', 'in', [...new Set(threadIds)])
    .groupBy('thread_id')
    .execute();
  return new Map(rows.map((r) => [r.thread_id, Number(r.n)]));
}

/** Comments still pending since before `receivedBefore`: their jobs were lost or are late. */
export async function stalePending(db: Db, receivedBefore: Date, limit: number): Promise<{ id: string; tenant_id: string }[]> {
  return db
    .selectFrom('comments')
    .select(['id', 'tenant_id'])
    .where('status', '=', 'pending')
    .where('received_at', '<', receivedBefore)
    .orderBy('received_at')
    .limit(limit)
    .execute();
}

/** Of `ids`, those still pending now (read again just before acting on an older read). */
export async function stillPending(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('comments').select('id').where('id', 'in', [...ids]).where('status', '=', 'pending').execute();
  return new Set(rows.map((r) => r.id));
}

/**
 * Ends a pending comment's detection for good: status 'failed' with the reason. A comment scored
 * meanwhile (by a neighbour's component) is left alone. Returns whether the comment was marked.
 */
export async function markCommentFailed(db: Db, id: string, failure: string): Promise<boolean> {
  const result = await db.updateTable('comments').set({ status: 'failed', failure }).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
