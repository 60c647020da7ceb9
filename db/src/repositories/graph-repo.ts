import { sql, type Transaction } from 'kysely';
import type { Db } from '../connection.js';
import type { Database } from '../schema.js';

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

/**
 * Runs `fn` in a transaction holding the tenant's clustering lock, so two workers never rewrite the
 * same clusters at once (edges are written before, outside the lock).
 */
export async function withClusterLock<T>(db: Db, tenantId: string, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${'chorus-cluster:' + tenantId}))`.execute(trx);
    return fn(trx);
  });
}

/** The connected component around a comment, breadth first, up to `limit` comments. */
export async function loadComponent(trx: Transaction<Database>, startId: string, limit: number): Promise<{ nodes: string[]; edges: EdgeRow[] }> {
  const seen = new Set<string>([startId]);
  const edges = new Map<string, EdgeRow>();
  let frontier = [startId];
  while (frontier.length > 0 && seen.size < limit) {
    const rows = await trx
      .selectFrom('edges')
      .select(['a_id', 'b_id', 'kind', 'similarity'])
      .where((eb) => eb.or([eb('a_id', 'in', frontier), eb('b_id', 'in', frontier)]))
      .execute();
    const next: string[] = [];
    for (const r of rows) {
      edges.set(`${r.a_id}:${r.b_id}:${r.kind}`, { a: r.a_id, b: r.b_id, kind: r.kind, similarity: r.similarity });
      for (const n of [r.a_id, r.b_id]) {
        if (!seen.has(n) && seen.size < limit) {
          seen.add(n);
          next.push(n);
        }
      }
    }
    frontier = next;
  }
  return { nodes: [...seen], edges: [...edges.values()].filter((e) => seen.has(e.a) && seen.has(e.b)) };
}

export interface ClusterWrite {
  readonly representative: string;
  readonly members: readonly string[];
  readonly score: number;
  readonly verdict: 'clean' | 'suspect' | 'coordinated';
  readonly reasons: readonly { signal: string; weight: number; text: string }[];
  readonly accountCount: number;
  readonly threadCount: number;
}

/**
 * Replaces the clusters of one component with a new decision. Clusters are keyed by their
 * representative, so a recomputation that keeps the same star keeps the same cluster id, and a
 * moderator's confirm/dismiss survives it. `scoredIds` are the comments whose own jobs these are
 * (their edges are stored): only they move from pending to scored.
 */
export async function saveComponentDecision(
  trx: Transaction<Database>,
  tenantId: string,
  component: readonly string[],
  clusters: readonly ClusterWrite[],
  unclustered: readonly string[],
  scoredIds: readonly string[],
  now: Date,
): Promise<void> {
  const kept: string[] = [];
  for (const c of clusters) {
    const status = c.verdict === 'clean' ? 'watching' : 'flagged';
    const row = await trx
      .insertInto('clusters')
      .values({
        tenant_id: tenantId,
        representative_id: c.representative,
        status,
        score: c.score,
        verdict: c.verdict,
        reasons: JSON.stringify(c.reasons),
        size: c.members.length,
        account_count: c.accountCount,
        thread_count: c.threadCount,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc.column('representative_id').doUpdateSet((eb) => ({
          status: sql<'flagged' | 'watching' | 'confirmed' | 'dismissed'>`case when clusters.status in ('confirmed', 'dismissed') then clusters.status else ${eb.ref('excluded.status')} end`,
          score: eb.ref('excluded.score'),
          verdict: eb.ref('excluded.verdict'),
          reasons: eb.ref('excluded.reasons'),
          size: eb.ref('excluded.size'),
          account_count: eb.ref('excluded.account_count'),
          thread_count: eb.ref('excluded.thread_count'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    kept.push(row.id);
    await trx
      .updateTable('comments')
      .set({ cluster_id: row.id, verdict: c.verdict, score: c.score, reasons: JSON.stringify(c.reasons) })
      .where('id', 'in', c.members)
      .execute();
  }
  if (unclustered.length > 0) {
    await trx
      .updateTable('comments')
      .set({ cluster_id: null, verdict: 'clean', score: 0, reasons: JSON.stringify([]) })
      .where('id', 'in', unclustered)
      .execute();
  }
  if (scoredIds.length > 0) await trx.updateTable('comments').set({ status: 'scored', scored_at: now }).where('id', 'in', scoredIds).execute();
  // Clusters that were centred in this component but no longer exist.
  let stale = trx.deleteFrom('clusters').where('tenant_id', '=', tenantId).where('representative_id', 'in', component);
  if (kept.length > 0) stale = stale.where('id', 'not in', kept);
  await stale.execute();
}
