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

/** Stores verified similarity edges; storing one twice is a no-op. */
export async function addEdges(db: Db, tenantId: string, edges: readonly EdgeRow[]): Promise<void> {
  if (edges.length === 0) return;
  const rows = edges.map((e) => {
    // Similarity is symmetric and stored once per pair; an echo edge keeps its direction (reply, parent).
    const [a, b] = e.kind === 'echo' ? [e.a, e.b] : ordered(e.a, e.b);
    return { tenant_id: tenantId, a_id: a, b_id: b, kind: e.kind, similarity: e.similarity };
  });
  // In one order, so two workers storing overlapping edges at once never wait on each other in a circle.
  rows.sort((x, y) => compareIds(x.a_id, y.a_id) || compareIds(x.b_id, y.b_id) || (x.kind < y.kind ? -1 : x.kind > y.kind ? 1 : 0));
  await db
    .insertInto('edges')
    .values(rows)
    .onConflict((oc) => oc.columns(['a_id', 'b_id', 'kind']).doNothing())
    .execute();
}

/** The stored edges of the tenant whose both ends are among `ids`. */
export async function edgesAmong(db: Db | DbTransaction, tenantId: string, ids: readonly string[]): Promise<EdgeRow[]> {
  if (ids.length < 2) return [];
  const rows = await db
    .selectFrom('edges')
    .select(['a_id', 'b_id', 'kind', 'similarity'])
    .where('tenant_id', '=', tenantId)
    .where('a_id', '=', sql<string>`any(${[...ids]}::bigint[])`)
    .where('b_id', '=', sql<string>`any(${[...ids]}::bigint[])`)
    .execute();
  return rows.map((r) => ({ a: r.a_id, b: r.b_id, kind: r.kind, similarity: r.similarity }));
}
