import type { Kysely } from 'kysely';

// Frozen once it has run anywhere: later changes go in a new dated migration.
//
// Two moderators must not silently decide the same cluster: each decision names the version of
// the cluster it was made on, and bumps it; a decision on an older version is refused. The log
// says which key (and, for a named key, which moderator) decided, and the version it made.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('clusters').addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await db.schema
    .alterTable('moderation_log')
    .addColumn('key_prefix', 'text')
    .addColumn('moderator', 'text')
    .addColumn('version', 'integer')
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('moderation_log').dropColumn('version').dropColumn('moderator').dropColumn('key_prefix').execute();
  await db.schema.alterTable('clusters').dropColumn('version').execute();
}
