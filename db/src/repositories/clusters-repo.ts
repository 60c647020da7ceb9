import type { Db } from '../connection.js';
import type { ClustersTable } from '../schema.js';

export interface ClusterSummary {
  readonly id: string;
  readonly status: ClustersTable['status'];
  readonly verdict: ClustersTable['verdict'];
  readonly score: number;
  readonly size: number;
  readonly account_count: number;
  readonly thread_count: number;
  readonly reasons: { signal: string; weight: number; text: string }[] | null;
  readonly updated_at: Date;
  /** Bumped by every moderator's decision. */
  readonly version: number;
}

/** The columns a cluster's summary is answered with. */
export const CLUSTER_SUMMARY = ['id', 'status', 'verdict', 'score', 'size', 'account_count', 'thread_count', 'reasons', 'updated_at', 'version'] as const;

/** One cluster with its members, or undefined if it is not the tenant's. */
export async function getCluster(db: Db, tenantId: string, id: string) {
  const cluster = await db.selectFrom('clusters').select([...CLUSTER_SUMMARY, 'representative_id', 'created_at']).where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  if (!cluster) return undefined;
  const members = await db
    .selectFrom('comments')
    .select(['id', 'external_id', 'thread_id', 'parent_external_id', 'account_id', 'author_name', 'text', 'posted_at', 'posted_at_known'])
    .where('cluster_id', '=', id)
    .orderBy('posted_at')
    .orderBy('id')
    .execute();
  // Every member carries its cluster's verdict and score.
  return { ...cluster, members: members.map((m) => ({ ...m, verdict: cluster.verdict, score: cluster.score })) };
}

/** Members of a tenant's flagged clusters (suspect or coordinated) updated since a time: what the account network and exports are built from. */
export async function flaggedClusterMembers(db: Db, tenantId: string, since: Date | undefined) {
  let q = db
    .selectFrom('clusters')
    .innerJoin('comments', 'comments.cluster_id', 'clusters.id')
    .select([
      'clusters.id as cluster_id',
      'clusters.verdict as cluster_verdict',
      'clusters.score as cluster_score',
      'clusters.status as cluster_status',
      'comments.external_id',
      'comments.thread_id',
      'comments.parent_external_id',
      'comments.account_id',
      'comments.author_name',
      'comments.text',
      'comments.posted_at',
      'comments.posted_at_known',
      'clusters.reasons',
    ])
    .where('clusters.tenant_id', '=', tenantId)
    .where('clusters.verdict', '<>', 'clean');
  if (since) q = q.where('clusters.updated_at', '>=', since);
  return q.orderBy('clusters.score', 'desc').orderBy('clusters.id').orderBy('comments.posted_at').orderBy('comments.id').execute();
}
