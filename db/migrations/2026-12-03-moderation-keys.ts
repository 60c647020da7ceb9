import { sql, type Kysely } from 'kysely';

// Frozen once it has run anywhere: later changes go in a new dated migration.
//
// Keys get scopes (`ingest` for a publisher's backend, `moderate` for a person, `read` for
// analysts) and, for a moderator's key, the moderator's name, which the moderation log records.
// Every key that exists already gets all three scopes, so nothing a publisher runs today breaks;
// the default is dropped afterwards, so a key made later has exactly the scopes it was given.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('api_keys')
    .addColumn('scopes', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{ingest,moderate,read}'::text[]`))
    .addColumn('moderator', 'text')
    .execute();
  await db.schema.alterTable('api_keys').alterColumn('scopes', (c) => c.dropDefault()).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('api_keys').dropColumn('moderator').dropColumn('scopes').execute();
}
