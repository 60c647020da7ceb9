import { sql } from 'kysely';
import type { Db } from '../connection.js';
import type { ClustersTable } from '../schema.js';

/** Comments received since a time (all when undefined), and the distinct accounts among them: the report's headline. */
export async function commentTotals(db: Db, tenantId: string, since: Date | undefined): Promise<{ comments: number; accounts: number }> {
  let q = db
    .selectFrom('comments')
    .select((eb) => [eb.fn.countAll<string>().as('comments'), eb.fn.count<string>('account_id').distinct().as('accounts')])
    .where('tenant_id', '=', tenantId);
  if (since) q = q.where('received_at', '>=', since);
  const row = await q.executeTakeFirstOrThrow();
  return { comments: Number(row.comments), accounts: Number(row.accounts) };
}

/** Every cluster updated since a time, clean ones too, with its size and account count: the report's distributions. */
export async function clusterShapes(db: Db, tenantId: string, since: Date | undefined): Promise<{ id: string; verdict: ClustersTable['verdict']; size: number; account_count: number }[]> {
  let q = db.selectFrom('clusters').select(['id', 'verdict', 'size', 'account_count']).where('tenant_id', '=', tenantId);
  if (since) q = q.where('updated_at', '>=', since);
  return q.orderBy('id').execute();
}

/** How many comments each of the named threads holds (all time), with its title: the denominator of thread takeover. */
export async function threadCommentCounts(db: Db, tenantId: string, threadIds: readonly string[]): Promise<{ id: string; title: string | null; comments: number }[]> {
  if (threadIds.length === 0) return [];
  const rows = await db
    .selectFrom('comments')
    .leftJoin('threads', (j) => j.onRef('threads.tenant_id', '=', 'comments.tenant_id').onRef('threads.id', '=', 'comments.thread_id'))
    .select((eb) => ['comments.thread_id as id', 'threads.title', eb.fn.countAll<string>().as('comments')])
    .where('comments.tenant_id', '=', tenantId)
    .where('comments.thread_id', '=', sql<string>`any(${[...new Set(threadIds)]}::text[])`)
    .groupBy(['comments.thread_id', 'threads.title'])
    .execute();
  return rows.map((r) => ({ id: r.id, title: r.title, comments: Number(r.comments) }));
}
