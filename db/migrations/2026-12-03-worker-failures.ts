import { sql, type Kysely } from 'kysely';

// Frozen once it has run anywhere: later changes go in a new dated migration.
//
// A comment whose detection failed for a reason no retry can fix (a job that threw
// UnrecoverableError or used up its attempts) ends in status 'failed', with the reason in
// `failure`, instead of staying pending forever. The partial index keeps /metrics' count of
// failed comments cheap. (Named to sort after the other migrations of that day.)
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('comments').addColumn('failure', 'text').execute();
  await db.schema.createIndex('comments_failed').on('comments').column('received_at').where(sql.ref('status'), '=', 'failed').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('comments_failed').execute();
  await db.updateTable('comments').set({ status: 'pending' }).where('status', '=', 'failed').execute();
  await db.schema.alterTable('comments').dropColumn('failure').execute();
}
