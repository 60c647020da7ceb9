import type { Kysely } from 'kysely';

// Frozen once it has run anywhere: later changes go in a new dated migration.
//
// A comment that joins a large cluster is attached to it incrementally (component-repo.ts
// attachToCluster): the cluster's size, account and thread counts grow by what the new members
// add, found through these indexes in O(log n), and `decided_size` remembers the size at the last
// full decision, so the cluster is decided in full again once it has grown by a bounded share.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('clusters').addColumn('decided_size', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.createIndex('comments_cluster_account').on('comments').columns(['cluster_id', 'account_id']).execute();
  await db.schema.createIndex('comments_cluster_thread').on('comments').columns(['cluster_id', 'thread_id']).execute();
  // Both new indexes start with cluster_id.
  await db.schema.dropIndex('comments_cluster').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('comments_cluster').on('comments').column('cluster_id').execute();
  await db.schema.dropIndex('comments_cluster_thread').execute();
  await db.schema.dropIndex('comments_cluster_account').execute();
  await db.schema.alterTable('clusters').dropColumn('decided_size').execute();
}
