import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

export interface DbOptions {
  readonly url: string;
  /** PostgreSQL schema holding Chorus's tables; tests use one of their own. */
  readonly schema?: string;
  readonly maxConnections?: number;
}

export type Db = Kysely<Database>;

/** A kysely instance whose connections all use the given schema. */
export function createDb(options: DbOptions): Db {
  const schema = options.schema ?? 'public';
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    // search_path per connection keeps SQL unqualified, so a test's schema is a full, isolated copy.
    options: schema === 'public' ? undefined : `-c search_path=${schema}`,
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** Creates the database named in the URL if it does not exist yet (connecting through the `postgres` database). */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!name) return;
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) {
      try {
        await client.query(`create database "${name.replace(/"/g, '""')}"`);
      } catch (err) {
        // Another process created it between our check and our create.
        if ((err as { code?: string }).code !== '42P04') throw err;
      }
    }
  } finally {
    await client.end();
  }
}

/** Creates a schema if missing (a no-op for `public`). */
export async function ensureSchema(db: Db, schema: string): Promise<void> {
  if (schema === 'public') return;
  await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
}

/** Drops a schema and everything in it (tests clean up with this). */
export async function dropSchema(db: Db, schema: string): Promise<void> {
  await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(db);
}
