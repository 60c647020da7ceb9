import type { Kysely } from 'kysely';

// Frozen once it has run anywhere: later changes go in a new dated migration.
//
// A clustered comment's verdict, score and reasons are its cluster's: storing them on every member
// meant rewriting every member's row whenever a new comment changed the cluster's score or reasons
// (a 1,000-copy campaign cost a million row writes). They are read through `cluster_id` now.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('comments').dropColumn('verdict').dropColumn('score').dropColumn('reasons').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('comments').addColumn('verdict', 'text').addColumn('score', 'real').addColumn('reasons', 'jsonb').execute();
}
