import type { Kysely } from 'kysely';

// Frozen once it has run anywhere: later changes go in a new dated migration.
//
// A thread may carry the title and address of the page it belongs to, so moderators see what a
// comment answered. Both are optional: publishers that never send them lose nothing.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('threads').addColumn('title', 'text').addColumn('url', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('threads').dropColumn('title').dropColumn('url').execute();
}
