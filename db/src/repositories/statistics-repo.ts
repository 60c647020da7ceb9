import { sql } from 'kysely';
import type { Db } from '../connection.js';

// The planner's statistics of the tables detection reads. PostgreSQL's autovacuum refreshes them
// as the tables change, but autovacuum may be off (it is on some machines, and operators turn it
// off for bulk loads), and the tables grow from nothing quickly: a tenant's first hundred thousand
// comments arrive in minutes. Without statistics the planner treats `edges` as a small table and
// reads a thousand comments' edges with a scan of the whole table, or probes the primary key for
// every pair of ids: 170 ms to 1.3 s a statement at 1.3 million edges, against 3 ms once analyzed.

/** The tables detection reads on its hot path. */
export const DETECTION_TABLES = ['comments', 'edges', 'clusters'] as const;

/** A table is analyzed again once this share of its rows changed since it last was (autovacuum's default is 10%)... */
const CHANGED_SHARE = 0.1;
/** ...and at least this many: a small table is read well enough by any plan. */
const MIN_CHANGED_ROWS = 1000;

/**
 * Analyzes those of the schema's detection tables (search_path's first schema) whose rows changed
 * by CHANGED_SHARE since they were last analyzed, by anyone (autovacuum included). Returns the
 * tables analyzed.
 */
export async function refreshStatistics(db: Db): Promise<string[]> {
  const { rows } = await sql<{ relname: string; changed: string; live: string }>`
    select relname, n_mod_since_analyze as changed, n_live_tup as live
    from pg_stat_user_tables
    where schemaname = current_schema() and relname = any(${[...DETECTION_TABLES]}::text[])`.execute(db);
  const stale = rows.filter((r) => Number(r.changed) >= Math.max(MIN_CHANGED_ROWS, CHANGED_SHARE * Number(r.live))).map((r) => r.relname);
  for (const table of stale) await sql`analyze ${sql.table(table)}`.execute(db);
  return stale;
}
