import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { Db } from '../connection.js';
import type { ClustersTable, Database } from '../schema.js';
import { CLUSTER_SUMMARY, type ClusterSummary } from './clusters-repo.js';

// Finding work: a tenant's clusters under a moderator's filters, in one of three orders, a page at
// a time, and how many each queue holds under the same filters.

export interface ClusterFilters {
  readonly thread?: string;
  readonly account?: string;
  readonly verdict?: ClustersTable['verdict'];
  readonly minScore?: number;
  readonly postedSince?: Date;
  readonly postedUntil?: Date;
  readonly updatedSince?: Date;
}

/** Where the previous page ended, in the page's order. */
export type SortCursor =
  | { readonly sort: 'score'; readonly score: number; readonly id: string }
  | { readonly sort: 'newest'; readonly id: string }
  | { readonly sort: 'size'; readonly size: number; readonly id: string };

export interface ClusterSearchPage {
  readonly items: readonly ClusterSummary[];
  /** Where the next page starts; null on the last page. */
  readonly next: SortCursor | null;
}

const FLOAT4_MIN_NORMAL = 1.1754943508222875e-38;

type ClusterQuery<O> = SelectQueryBuilder<Database, 'clusters', O>;

/** The filters as conditions on `clusters`; a member's thread, account or time is looked up among its comments. */
function filtered<O>(q: ClusterQuery<O>, tenantId: string, f: ClusterFilters): ClusterQuery<O> {
  q = q.where('clusters.tenant_id', '=', tenantId);
  if (f.verdict) q = q.where('clusters.verdict', '=', f.verdict);
  // Compared as float4, like the scores (a score as answered is its own bound); a bound below the
  // smallest normal float4 (5e-324) cannot be cast to one, and is 0 to every score.
  if (f.minScore !== undefined) q = q.where('clusters.score', '>=', f.minScore < FLOAT4_MIN_NORMAL ? 0 : f.minScore);
  if (f.updatedSince) q = q.where('clusters.updated_at', '>=', f.updatedSince);
  if (f.thread !== undefined || f.account !== undefined || f.postedSince || f.postedUntil) {
    q = q.where((eb: ExpressionBuilder<Database, 'clusters'>) => {
      let members = eb.selectFrom('comments').select(sql.lit(1).as('one')).whereRef('comments.cluster_id', '=', 'clusters.id');
      if (f.thread !== undefined) members = members.where('comments.thread_id', '=', f.thread);
      if (f.account !== undefined) members = members.where('comments.account_id', '=', f.account);
      if (f.postedSince) members = members.where('comments.posted_at', '>=', f.postedSince);
      if (f.postedUntil) members = members.where('comments.posted_at', '<', f.postedUntil);
      return eb.exists(members);
    });
  }
  return q;
}

/** One page of a tenant's clusters in a queue (or all), filtered and sorted. */
export async function searchClusters(
  db: Db,
  tenantId: string,
  options: { status?: ClustersTable['status']; filters: ClusterFilters; sort: SortCursor['sort']; limit: number; after?: SortCursor },
): Promise<ClusterSearchPage> {
  let q = filtered(db.selectFrom('clusters').select(CLUSTER_SUMMARY), tenantId, options.filters);
  if (options.status) q = q.where('clusters.status', '=', options.status);
  const after = options.after;
  if (after?.sort === 'score') q = q.where((eb) => eb.or([eb('score', '<', after.score), eb.and([eb('score', '=', after.score), eb('id', '>', after.id)])]));
  if (after?.sort === 'size') q = q.where((eb) => eb.or([eb('size', '<', after.size), eb.and([eb('size', '=', after.size), eb('id', '>', after.id)])]));
  if (after?.sort === 'newest') q = q.where('id', '<', after.id);
  if (options.sort === 'score') q = q.orderBy('score', 'desc').orderBy('id', 'asc');
  else if (options.sort === 'size') q = q.orderBy('size', 'desc').orderBy('id', 'asc');
  else q = q.orderBy('id', 'desc');
  const rows = await q.limit(options.limit + 1).execute();
  const items = rows.slice(0, options.limit);
  const last = items[items.length - 1];
  if (rows.length <= options.limit || !last) return { items, next: null };
  const next: SortCursor =
    options.sort === 'score' ? { sort: 'score', score: last.score, id: last.id } : options.sort === 'size' ? { sort: 'size', size: last.size, id: last.id } : { sort: 'newest', id: last.id };
  return { items, next };
}

/** How many of the tenant's clusters each queue holds under the filters, and the database's time of the count. */
export async function countClusters(db: Db, tenantId: string, filters: ClusterFilters): Promise<{ counts: Record<ClustersTable['status'], number>; asOf: Date }> {
  // The time first: a cluster changed while counting is then changed after it, and a poll from it sees it.
  const { now } = await sql<{ now: Date }>`select now() as now`.execute(db).then((r) => r.rows[0]);
  const rows = await filtered(db.selectFrom('clusters').select(['clusters.status', sql<string>`count(*)`.as('n')]), tenantId, filters).groupBy('clusters.status').execute();
  const counts = { flagged: 0, watching: 0, confirmed: 0, dismissed: 0 };
  for (const r of rows) counts[r.status] = Number(r.n);
  return { counts, asOf: now };
}
