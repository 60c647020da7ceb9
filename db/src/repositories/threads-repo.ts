import type { Db } from '../connection.js';

/** A thread's page as the publisher describes it; null where it said nothing. */
export interface ThreadPage {
  readonly title: string | null;
  readonly url: string | null;
}

export interface ThreadView extends ThreadPage {
  readonly id: string;
  readonly first_seen_at: Date;
}

/**
 * Fills in the title and URL of threads that have none yet (the first seen wins). Threads must
 * exist. Only rows that change are written, so the usual comment, whose thread already has both,
 * locks nothing.
 */
export async function recordThreadPages(db: Db, tenantId: string, pages: ReadonlyMap<string, ThreadPage>): Promise<void> {
  // Sorted, like every other lock ingest takes, so concurrent batches cannot deadlock.
  for (const [id, page] of [...pages].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    if (page.title === null && page.url === null) continue;
    await db
      .updateTable('threads')
      .set((eb) => ({ title: eb.fn.coalesce('title', eb.val(page.title)), url: eb.fn.coalesce('url', eb.val(page.url)) }))
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .where((eb) => eb.or([...(page.title !== null ? [eb('title', 'is', null)] : []), ...(page.url !== null ? [eb('url', 'is', null)] : [])]))
      .execute();
  }
}

/** Sets what `update` names (undefined keeps a value, null clears it), creating the thread if it is new. */
export async function saveThreadPage(db: Db, tenantId: string, id: string, update: { title?: string | null; url?: string | null }): Promise<ThreadView> {
  const changes = { ...(update.title !== undefined ? { title: update.title } : {}), ...(update.url !== undefined ? { url: update.url } : {}) };
  return db
    .insertInto('threads')
    .values({ tenant_id: tenantId, id, ...changes })
    .onConflict((oc) => oc.columns(['tenant_id', 'id']).doUpdateSet(changes))
    .returning(['id', 'title', 'url', 'first_seen_at'])
    .executeTakeFirstOrThrow();
}

/** One of the tenant's threads, or undefined. */
export async function findThread(db: Db, tenantId: string, id: string): Promise<ThreadView | undefined> {
  return db.selectFrom('threads').select(['id', 'title', 'url', 'first_seen_at']).where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

/** The tenant's threads among `ids`, in the order of `ids` (unknown ids are left out). */
export async function findThreads(db: Db, tenantId: string, ids: readonly string[]): Promise<ThreadView[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('threads').select(['id', 'title', 'url', 'first_seen_at']).where('tenant_id', '=', tenantId).where('id', 'in', [...new Set(ids)]).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return [...new Set(ids)].flatMap((id) => byId.get(id) ?? []);
}

/** One comment of a thread as a moderator reads the discussion; `verdict` is its cluster's (null: in none). */
export interface ThreadComment {
  readonly id: string;
  readonly external_id: string;
  readonly parent_external_id: string | null;
  readonly account_id: string | null;
  readonly author_name: string | null;
  readonly text: string;
  readonly posted_at: Date;
  readonly posted_at_known: boolean;
  readonly cluster_id: string | null;
  readonly verdict: 'clean' | 'suspect' | 'coordinated' | null;
}

/** Where a page of a thread's comments ends: the last comment's posting time and id. */
export interface ThreadCursor {
  readonly postedAt: Date;
  readonly id: string;
}

/** A thread's comments in posting order (ties by arrival), `limit` at a time after `after`. */
export async function threadComments(db: Db, tenantId: string, threadId: string, page: { readonly limit: number; readonly after?: ThreadCursor }): Promise<{ comments: ThreadComment[]; next: ThreadCursor | null }> {
  let q = db
    .selectFrom('comments')
    .leftJoin('clusters', 'clusters.id', 'comments.cluster_id')
    .select(['comments.id', 'comments.external_id', 'comments.parent_external_id', 'comments.account_id', 'comments.author_name', 'comments.text', 'comments.posted_at', 'comments.posted_at_known', 'comments.cluster_id', 'clusters.verdict'])
    .where('comments.tenant_id', '=', tenantId)
    .where('comments.thread_id', '=', threadId);
  const after = page.after;
  if (after) q = q.where((eb) => eb.or([eb('comments.posted_at', '>', after.postedAt), eb.and([eb('comments.posted_at', '=', after.postedAt), eb('comments.id', '>', after.id)])]));
  const rows = await q.orderBy('comments.posted_at').orderBy('comments.id').limit(page.limit + 1).execute();
  const comments = rows.slice(0, page.limit);
  const last = comments[comments.length - 1];
  return { comments, next: rows.length > page.limit && last ? { postedAt: last.posted_at, id: last.id } : null };
}
