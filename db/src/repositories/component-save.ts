import { sql, type Transaction } from 'kysely';
import type { ClustersTable, Database } from '../schema.js';
import { markScored, type LockedComponent } from './component-repo.js';
import { addOutcome, clusterChange, emptyOutcome, type DecisionOutcome } from './decision-outcome.js';
import { compareIds } from './graph-repo.js';

// Saving a decision of a whole component (or of several disjoint ones at once): only the cluster
// rows whose figures changed and the comments that moved are written.

export interface ClusterWrite {
  readonly representative: string;
  readonly members: readonly string[];
  readonly score: number;
  readonly verdict: 'clean' | 'suspect' | 'coordinated';
  readonly reasons: readonly { signal: string; weight: number; text: string }[];
  readonly accountCount: number;
  readonly threadCount: number;
}

type StoredCluster = Pick<ClustersTable, 'score' | 'verdict' | 'size' | 'account_count' | 'thread_count'> & { decided_size: number } & { id: string; representative_id: string; reasons: ClusterWrite['reasons'] | null };

/** The stored cluster already says what the decision says (scores are stored as float4). */
function unchanged(stored: StoredCluster, c: ClusterWrite): boolean {
  const reasons = stored.reasons ?? [];
  return (
    stored.verdict === c.verdict &&
    stored.score === Math.fround(c.score) &&
    stored.size === c.members.length &&
    stored.decided_size === c.members.length &&
    stored.account_count === c.accountCount &&
    stored.thread_count === c.threadCount &&
    reasons.length === c.reasons.length &&
    reasons.every((r, i) => r.signal === c.reasons[i].signal && r.weight === c.reasons[i].weight && r.text === c.reasons[i].text)
  );
}

/**
 * A cluster keeps its id when its representative changes (a new member or a dropped one can move
 * the star): a decided cluster with no stored row under its representative takes over the stored
 * cluster of the component that holds most of its members, if it holds most of that one's members
 * too. Its status (a moderator's confirm or dismiss), history and version stay with it, and
 * `byRepresentative` gets it under the new representative. Returns the rows written.
 */
async function keepClustersWhoseStarMoved(
  trx: Transaction<Database>,
  component: LockedComponent,
  clusters: readonly ClusterWrite[],
  stored: readonly (StoredCluster & { id: string })[],
  byRepresentative: Map<string, StoredCluster & { id: string }>,
): Promise<number> {
  const membersOf = new Map<string, number>();
  for (const cluster of component.clusterOf.values()) if (cluster !== null) membersOf.set(cluster, (membersOf.get(cluster) ?? 0) + 1);
  const claimed = new Set(clusters.flatMap((c) => byRepresentative.get(c.representative)?.id ?? []));
  let writes = 0;
  for (const c of clusters) {
    if (byRepresentative.has(c.representative)) continue;
    const overlap = new Map<string, number>();
    for (const m of c.members) {
      const was = component.clusterOf.get(m);
      if (was) overlap.set(was, (overlap.get(was) ?? 0) + 1);
    }
    let best: (StoredCluster & { id: string }) | undefined;
    for (const s of stored) {
      const shared = overlap.get(s.id) ?? 0;
      if (claimed.has(s.id) || shared * 2 <= c.members.length || shared * 2 <= (membersOf.get(s.id) ?? 0)) continue;
      if (best === undefined || shared > (overlap.get(best.id) ?? 0)) best = s;
    }
    if (best === undefined) continue;
    await trx.updateTable('clusters').set({ representative_id: c.representative }).where('id', '=', best.id).execute();
    writes++;
    claimed.add(best.id);
    byRepresentative.delete(best.representative_id);
    byRepresentative.set(c.representative, { ...best, representative_id: c.representative });
  }
  return writes;
}

/**
 * Writes a new decision for a locked component, touching only what changed: a cluster row whose
 * figures and reasons are the same is not written, nor a comment that stays in its cluster (a
 * member's verdict, score and reasons are read through its cluster). Clusters are keyed by their
 * representative, so a recomputation that keeps the same star keeps the same cluster id, and a
 * moderator's confirm/dismiss survives it. `scoredIds` are the comments whose own jobs these are
 * (their edges are stored): those still pending move to scored. Returns the number of rows written
 * and what the tenant's endpoints hear of: flagged clusters created or changed, comments scored.
 */
export async function saveComponentDecision(
  trx: Transaction<Database>,
  tenantId: string,
  component: LockedComponent,
  clusters: readonly ClusterWrite[],
  scoredIds: readonly string[],
  now: Date,
): Promise<{ writes: number; outcome: DecisionOutcome }> {
  let writes = 0;
  const outcome = emptyOutcome();
  const stored = component.nodes.length === 0 ? [] : await trx
    .selectFrom('clusters')
    .select(['id', 'representative_id', 'score', 'verdict', 'reasons', 'size', 'account_count', 'thread_count', 'decided_size'])
    .where('tenant_id', '=', tenantId)
    .where('representative_id', 'in', [...component.nodes])
    .execute();
  const byRepresentative = new Map(stored.map((s) => [s.representative_id, s]));
  writes += await keepClustersWhoseStarMoved(trx, component, clusters, stored, byRepresentative);
  const target = new Map<string, string | null>(component.nodes.map((n) => [n, null]));
  const kept = new Set<string>();
  // Clusters whose figures or reasons changed (or new ones): one statement writes them all, in
  // representative order (two deciders upserting overlapping rows lock them in one order).
  const changed = clusters.filter((c) => {
    const existing = byRepresentative.get(c.representative);
    return existing === undefined || !unchanged(existing, c);
  });
  changed.sort((x, y) => compareIds(x.representative, y.representative));
  const written = new Map<string, string>();
  if (changed.length > 0) {
    const rows = await trx
      .insertInto('clusters')
      .values(
        changed.map((c) => ({
          tenant_id: tenantId,
          representative_id: c.representative,
          status: c.verdict === 'clean' ? ('watching' as const) : ('flagged' as const),
          score: c.score,
          verdict: c.verdict,
          reasons: JSON.stringify(c.reasons),
          size: c.members.length,
          account_count: c.accountCount,
          thread_count: c.threadCount,
          decided_size: c.members.length,
          updated_at: now,
        })),
      )
      .onConflict((oc) =>
        oc.column('representative_id').doUpdateSet((eb) => ({
          status: sql<ClustersTable['status']>`case when clusters.status in ('confirmed', 'dismissed') then clusters.status else ${eb.ref('excluded.status')} end`,
          score: eb.ref('excluded.score'),
          verdict: eb.ref('excluded.verdict'),
          reasons: eb.ref('excluded.reasons'),
          size: eb.ref('excluded.size'),
          account_count: eb.ref('excluded.account_count'),
          thread_count: eb.ref('excluded.thread_count'),
          decided_size: eb.ref('excluded.decided_size'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .returning(['id', 'representative_id'])
      .execute();
    for (const r of rows) written.set(r.representative_id, r.id);
    writes += rows.length;
  }
  for (const c of clusters) {
    const existing = byRepresentative.get(c.representative);
    const fresh = written.get(c.representative);
    const id = fresh ?? existing!.id;
    if (fresh !== undefined) {
      const change = clusterChange(id, existing, { verdict: c.verdict, size: c.members.length, score: c.score });
      if (change) outcome.clusters.push(change);
    }
    kept.add(id);
    for (const m of c.members) target.set(m, id);
  }
  // Members moving to another cluster (or out of every cluster): one statement for all of them.
  const moving = [...target].filter(([node, to]) => (component.clusterOf.get(node) ?? null) !== to);
  if (moving.length > 0) {
    await sql`
      update comments set cluster_id = m.cluster_id
      from unnest(${moving.map(([node]) => node)}::bigint[], ${moving.map(([, to]) => to)}::bigint[]) as m(id, cluster_id)
      where comments.id = m.id`.execute(trx);
    writes += moving.length;
  }
  const scored = scoredIds.filter((id) => component.pending.has(id));
  addOutcome(outcome, { clusters: [], scored: await markScored(trx, scored, now) });
  writes += scored.length;
  // Clusters that were centred in this component but no longer exist.
  const stale = stored.filter((s) => !kept.has(s.id)).map((s) => s.id);
  if (stale.length > 0) {
    await trx.deleteFrom('clusters').where('id', 'in', stale).execute();
    writes += stale.length;
  }
  return { writes, outcome };
}
