import type { Kysely } from 'kysely';

// Frozen once it has run anywhere: later changes go in a new dated migration.
//
// A moderator can drop a member that does not belong to its cluster. The comment keeps its edges
// (they are evidence), but `dropped_at` keeps it out of every later decision of its component, so
// a recomputation does not put it back. The log names the comment dropped.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('comments').addColumn('dropped_at', 'timestamptz').execute();
  await db.schema.alterTable('moderation_log').addColumn('comment_external_id', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('moderation_log').dropColumn('comment_external_id').execute();
  await db.schema.alterTable('comments').dropColumn('dropped_at').execute();
}
