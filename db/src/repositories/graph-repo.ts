import type { Db } from '../connection.js';

export interface EdgeRow {
  readonly a: string;
  readonly b: string;
  readonly kind: 'exact' | 'lexical' | 'semantic' | 'echo' | 'ring' | 'swarm';
  readonly similarity: number;
}

const ordered = (x: string, y: string): [string, string] => (BigInt(x) < BigInt(y) ? [x, y] : [y, x]);

/** Stores verified similarity edges; storing one twice is a no-op. */
export async function addEdges(db: Db, tenantId: string, edges: readonly EdgeRow[]): Promise<void> {
  if (edges.length === 0) return;
  await db
    .insertInto('edges')
    .values(
      edges.map((e) => {
        // Similarity is symmetric and stored once per pair; an echo edge keeps its direction (reply, parent).
        const [a, b] = e.kind === 'echo' ? [e.a, e.b] : ordered(e.a, e.b);
        return { tenant_id: tenantId, a_id: a, b_id: b, kind: e.kind, similarity: e.similarity };
      }),
    )
    .onConflict((oc) => oc.columns(['a_id', 'b_id', 'kind']).doNothing())
    .execute();
}

/** The stored edges of the tenant whose both ends are among `ids`. */
export async function edgesAmong(db: Db, tenantId: string, ids: readonly string[]): Promise<EdgeRow[]> {
  if (ids.length < 2) return [];
  const rows = await db
    .selectFrom('edges')
    .select(['a_id', 'b_id', 'kind', 'similarity'])
    .where('tenant_id', '=', tenantId)
    .where('a_id', 'in', [...ids])
    .where('b_id', 'in', [...ids])
    .execute();
  return rows.map((r) => ({ a: r.a_id, b: r.b_id, kind: r.kind, similarity: r.similarity }));
}
