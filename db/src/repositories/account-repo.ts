import { sql } from 'kysely';
import type { Db } from '../connection.js';
import type { CommentStatus } from '../schema.js';
import type { ClusterSummary } from './clusters-repo.js';

// An account as a moderator looks into it: what it posted, in which clusters, when, and which other
// accounts keep turning up in the same clusters.

const COMMENTS_SHOWN = 200;
const CO_ACCOUNTS_SHOWN = 50;

export interface AccountComment {
  readonly external_id: string;
  readonly thread_id: string;
  readonly thread_title: string | null;
  readonly parent_external_id: string | null;
  readonly text: string;
  readonly posted_at: Date;
  readonly posted_at_known: boolean;
  readonly status: CommentStatus;
  readonly cluster_id: string | null;
}

/** One of the account's clusters, with how many of the account's comments it holds. */
export type AccountCluster = Pick<ClusterSummary, 'id' | 'status' | 'verdict' | 'score' | 'size' | 'account_count' | 'reasons'> & { readonly comments: number };

export interface AccountPage {
  readonly id: string;
  readonly names: readonly string[];
  readonly commentCount: number;
  readonly flaggedCommentCount: number;
  readonly firstSeen: Date | null;
  readonly lastSeen: Date | null;
  readonly comments: readonly AccountComment[];
  readonly clusters: readonly AccountCluster[];
  readonly coAccounts: readonly { id: string; name: string | null; shared_clusters: number; comments: number }[];
}

/** An account of the tenant (by the publisher's author id) with its comments, clusters and co-occurring accounts; undefined when it posted nothing. */
export async function findAccount(db: Db, tenantId: string, accountId: string): Promise<AccountPage | undefined> {
  const own = db.selectFrom('comments').where('comments.tenant_id', '=', tenantId).where('comments.account_id', '=', accountId);
  const totals = await own
    .leftJoin('clusters', 'clusters.id', 'comments.cluster_id')
    .select([
      sql<string>`count(*)`.as('n'),
      sql<string>`count(*) filter (where clusters.verdict in ('suspect', 'coordinated'))`.as('flagged'),
      sql<Date | null>`min(comments.posted_at) filter (where comments.posted_at_known)`.as('first'),
      sql<Date | null>`max(comments.posted_at) filter (where comments.posted_at_known)`.as('last'),
    ])
    .executeTakeFirstOrThrow();
  if (Number(totals.n) === 0) return undefined;
  const [names, comments, clusters, coAccounts] = await Promise.all([
    own.select(['author_name', sql<string>`count(*)`.as('n')]).where('author_name', 'is not', null).groupBy('author_name').orderBy('n', 'desc').orderBy('author_name').limit(20).execute(),
    own
      .leftJoin('threads', (j) => j.onRef('threads.tenant_id', '=', 'comments.tenant_id').onRef('threads.id', '=', 'comments.thread_id'))
      .select(['comments.external_id', 'comments.thread_id', 'threads.title as thread_title', 'comments.parent_external_id', 'comments.text', 'comments.posted_at', 'comments.posted_at_known', 'comments.status', 'comments.cluster_id'])
      .orderBy('comments.posted_at', 'desc')
      .orderBy('comments.id', 'desc')
      .limit(COMMENTS_SHOWN)
      .execute(),
    own
      .innerJoin('clusters', 'clusters.id', 'comments.cluster_id')
      .select(['clusters.id', 'clusters.status', 'clusters.verdict', 'clusters.score', 'clusters.size', 'clusters.account_count', 'clusters.reasons', sql<string>`count(*)`.as('comments')])
      .groupBy('clusters.id')
      .orderBy('clusters.score', 'desc')
      .orderBy('clusters.id')
      .execute(),
    sql<{ id: string; name: string | null; shared_clusters: string; comments: string }>`
      with mine as (
        select distinct cluster_id from comments
        where tenant_id = ${tenantId} and account_id = ${accountId} and cluster_id is not null
      )
      select other.account_id as id, accounts.name, count(distinct other.cluster_id) as shared_clusters, count(*) as comments
      from mine
      join comments other on other.cluster_id = mine.cluster_id
      left join accounts on accounts.tenant_id = other.tenant_id and accounts.id = other.account_id
      where other.account_id is not null and other.account_id <> ${accountId}
      group by other.account_id, accounts.name
      order by shared_clusters desc, comments desc, other.account_id
      limit ${CO_ACCOUNTS_SHOWN}`.execute(db),
  ]);
  return {
    id: accountId,
    names: names.map((r) => r.author_name as string),
    commentCount: Number(totals.n),
    flaggedCommentCount: Number(totals.flagged),
    firstSeen: totals.first,
    lastSeen: totals.last,
    comments,
    clusters: clusters.map((c) => ({ ...c, comments: Number(c.comments) })),
    coAccounts: coAccounts.rows.map((r) => ({ id: r.id, name: r.name, shared_clusters: Number(r.shared_clusters), comments: Number(r.comments) })),
  };
}
