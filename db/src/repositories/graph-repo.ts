import { sql } from 'kysely';
import type { Db, DbTransaction } from '../connection.js';

export interface EdgeRow {
  readonly a: string;
  readonly b: string;
  readonly kind: 'exact' | 'lexical' | 'semantic' | 'echo' | 'ring' | 'swarm';
  readonly similarity: number;
}

/** Numeric order of bigint ids held as strings. */
export const compareIds = (x: string, y: string) => x.length - y.length || (x < y ? -1 : x > y ? 1 : 0);
const ordered = (x: string, y: string): [string, string] => (compareIds(x, y) <= 0 ? [x, y] : [y, x]);

/** Stores verified similarity edges; storing one twice is a no-op. One statement, each column one array parameter. */
export async function addEdges(db: Db, tenantId: string, edges: readonly EdgeRow[]): Promise<void> {
  if (edges.length === 0) return;
  const rows = edges.map((e) => {
    // Similarity is symmetric and stored once per pair; an echo edge keeps its direction (reply, parent).
    const [a, b] = e.kind === 'echo' ? [e.a, e.b] : ordered(e.a, e.b);
    return { a, b, kind: e.kind, similarity: e.similarity };
  });
  // In one order, so two workers storing overlapping edges at once never wait on each other in a circle.
  rows.sort((x, y) => compareIds(x.a, y.a) || compareIds(x.b, y.b) || (x.kind < y.kind ? -1 : x.kind > y.kind ? 1 : 0));
  await sql`
    insert into edges (tenant_id, a_id, b_id, kind, similarity)
    select ${tenantId}, e.a, e.b, e.kind, e.similarity
    from unnest(${rows.map((r) => r.a)}::bigint[], ${rows.map((r) => r.b)}::bigint[], ${rows.map((r) => r.kind)}::text[], ${rows.map((r) => r.similarity)}::real[])
      with ordinality as e(a, b, kind, similarity, n)
    order by e.n
    on conflict (a_id, b_id, kind) do nothing`.execute(db);
}

/**
 * The stored edges of the tenant whose both ends are among `ids`. A component's can be a few
 * hundred thousand: they come back as one packed text ("a,b,kind,similarity;…"), which costs a
 * fraction of the time and garbage of as many result rows.
 */
export async function edgesAmong(db: Db | DbTransaction, tenantId: string, ids: readonly string[]): Promise<EdgeRow[]> {
  if (ids.length < 2) return [];
  const among = [...ids];
  const { rows } = await sql<{ packed: string | null }>`
    select string_agg(a_id::text || ',' || b_id::text || ',' || kind || ',' || similarity::text, ';') as packed
    from edges
    where tenant_id = ${tenantId} and a_id = any(${among}::bigint[]) and b_id = any(${among}::bigint[])`.execute(db);
  const packed = rows[0]?.packed;
  if (!packed) return [];
  return packed.split(';').map((edge) => {
    const [a, b, kind, similarity] = edge.split(',');
    return { a, b, kind: kind as EdgeRow['kind'], similarity: Number(similarity) };
  });
}
