import { sql, type Transaction } from 'kysely';
import type { Db } from '../connection.js';
import type { Database } from '../schema.js';
import { lockingTransaction, lockRows, markScored, saveComponentDecision, type ClusterWrite, type LockedComponent, type RowState } from './component-repo.js';
import { addOutcome, clusterChange, emptyOutcome, type DecisionOutcome } from './decision-outcome.js';

// Attaching comments to a large cluster without deciding its component again: the cluster's
// aggregates grow by what the new members add (one indexed lookup per new account and thread),
// its verdict, score and reasons stay those of its last full decision until it has grown by a
// bounded share (the caller then decides it in full).

/** One similarity edge of a requested comment, with the cluster (and its size) the other end is in. */
export interface NeighbourRow {
  readonly id: string;
  readonly other: string;
  readonly otherCluster: string | null;
  readonly otherClusterSize: number | null;
  /** The other end is still waiting for its own detection to finish. */
  readonly otherPending: boolean;
}

/** Every edge of the given comments (either end), with the other end's cluster. */
export async function neighbourClusters(db: Db, ids: readonly string[]): Promise<NeighbourRow[]> {
  if (ids.length === 0) return [];
  const all = [...ids];
  const rows = await sql<{ id: string; other: string; cluster_id: string | null; status: string; size: number | null }>`
    select e.id, e.other, c.cluster_id, c.status, cl.size
    from (select a_id as id, b_id as other from edges where a_id = any(${all}::bigint[])
          union all
          select b_id, a_id from edges where b_id = any(${all}::bigint[])) e
    join comments c on c.id = e.other
    left join clusters cl on cl.id = c.cluster_id`.execute(db);
  return rows.rows.map((r) => ({ id: r.id, other: r.other, otherCluster: r.cluster_id, otherClusterSize: r.size, otherPending: r.status === 'pending' }));
}

export interface Attached {
  /** The comments now in the cluster and scored (those in another cluster are left out). */
  readonly ids: readonly string[];
  readonly size: number;
  /** The size at the cluster's last full decision. */
  readonly decidedSize: number;
  /** The comments moved to scored, and the cluster's growth when it is flagged. */
  readonly outcome: DecisionOutcome;
}

/**
 * Puts comments into an existing cluster and marks them scored: their verdict is the cluster's.
 * The cluster row is locked meanwhile (a full decision of its component writes it too); comments
 * in no cluster join it, those already in it are only marked scored, those in another are left
 * out. Null when the cluster no longer exists.
 */
export async function attachToCluster(db: Db, clusterId: string, ids: readonly string[], now: Date): Promise<Attached | null> {
  return lockingTransaction(db, (trx) => attachWithin(trx, clusterId, ids, now));
}

/** attachToCluster inside a transaction the caller holds (and its locks; a lockingTransaction, so its lock waits are bounded). */
export async function attachWithin(trx: Transaction<Database>, clusterId: string, ids: readonly string[], now: Date): Promise<Attached | null> {
  const cluster = await trx.selectFrom('clusters').select(['size', 'decided_size', 'verdict', 'score']).where('id', '=', clusterId).forUpdate().executeTakeFirst();
  if (!cluster) return null;
  const rows = await trx
    .selectFrom('comments')
    .select(['id', 'account_id', 'thread_id', 'cluster_id', 'status', 'received_at'])
    .where('id', '=', sql<string>`any(${[...ids]}::bigint[])`)
    .where((eb) => eb.or([eb('cluster_id', 'is', null), eb('cluster_id', '=', clusterId)]))
    // A comment a moderator dropped joins no cluster again.
    .where('dropped_at', 'is', null)
    .orderBy('id')
    .forNoKeyUpdate()
    .execute();
  // Already members (a decision of the component took them in before their own turn): scored as they are.
  const members = rows.filter((r) => r.cluster_id !== null).map((r) => r.id);
  const outcome: DecisionOutcome = { clusters: [], scored: await markScored(trx, members, now) };
  const joining = rows.filter((r) => r.cluster_id === null);
  if (joining.length === 0) return { ids: members, size: cluster.size, decidedSize: cluster.decided_size, outcome };
  const accounts = [...new Set(joining.map((j) => j.account_id).filter((a): a is string => a !== null))];
  const threads = [...new Set(joining.map((j) => j.thread_id))];
  // Which of their accounts and threads the cluster already has (index on cluster_id, account_id / thread_id).
  const [knownAccounts, knownThreads] = await Promise.all([
    accounts.length === 0 ? [] : trx.selectFrom('comments').select('account_id').distinct().where('cluster_id', '=', clusterId).where('account_id', '=', sql<string>`any(${accounts}::text[])`).execute(),
    trx.selectFrom('comments').select('thread_id').distinct().where('cluster_id', '=', clusterId).where('thread_id', '=', sql<string>`any(${threads}::text[])`).execute(),
  ]);
  const joined = joining.map((j) => j.id);
  await trx.updateTable('comments').set({ cluster_id: clusterId, status: 'scored', scored_at: now }).where('id', '=', sql<string>`any(${joined}::bigint[])`).execute();
  const grown = await trx
    .updateTable('clusters')
    .set((eb) => ({
      size: eb('size', '+', joined.length),
      account_count: eb('account_count', '+', accounts.length - knownAccounts.length),
      thread_count: eb('thread_count', '+', threads.length - knownThreads.length),
      updated_at: now,
    }))
    .where('id', '=', clusterId)
    .returning(['size', 'decided_size'])
    .executeTakeFirstOrThrow();
  // A comment scored before (clean, in no cluster) that joins now is not scored again.
  outcome.scored.push(...joining.filter((j) => j.status === 'pending').map((j) => ({ id: j.id, receivedAt: j.received_at })));
  const change = clusterChange(clusterId, cluster, { verdict: cluster.verdict, size: grown.size, score: cluster.score });
  if (change) outcome.clusters.push(change);
  return { ids: [...members, ...joined], size: grown.size, decidedSize: grown.decided_size, outcome };
}

/**
 * Saves what a decision of a component cut at the limit says about the comments it scores, and
 * nothing else: it saw only part of the clusters it names, so it must not shrink them. A scored
 * comment joins the stored cluster most of its decided cluster's members are in (or, when they are
 * in none, the decided cluster is stored as new); one decided into no cluster, or one already in
 * another stored cluster, is scored as it is. The component was read without locks: attachWithin
 * locks the cluster and the comments it moves, and a new cluster's members are locked and counted
 * again first. Returns what the tenant's endpoints hear of.
 */
export async function saveCutDecision(trx: Transaction<Database>, tenantId: string, component: LockedComponent, clusters: readonly ClusterWrite[], scored: readonly string[], now: Date): Promise<DecisionOutcome> {
  const outcome = emptyOutcome();
  const toScore = new Set(scored);
  for (const c of clusters) {
    const mine = c.members.filter((m) => toScore.has(m));
    if (mine.length === 0) continue;
    let stored = mostMembersIn(c.members, component.clusterOf);
    let locked: RowState[] = [];
    if (stored === undefined) {
      // The neighbourhood was read without locks: the members are locked now and counted again
      // (another decision may have placed some of them meanwhile).
      locked = await lockRows(trx, c.members);
      stored = mostMembersIn(c.members, new Map(locked.map((r) => [r.id, r.cluster_id])));
    }
    if (stored !== undefined) {
      const attached = await attachWithin(trx, stored, mine, now);
      if (attached) addOutcome(outcome, attached.outcome);
      // One already in another cluster stays there, and is scored with the rest below.
      for (const m of attached?.ids ?? []) toScore.delete(m);
    } else if (locked.length === c.members.length && locked.every((r) => r.dropped_at === null)) {
      // A new cluster, of members all still here and none dropped by a moderator (else they are scored as they are, below).
      const members = new Set(c.members);
      const saved = await saveComponentDecision(
        trx,
        tenantId,
        {
          nodes: c.members,
          edges: component.edges.filter((e) => members.has(e.a) && members.has(e.b)),
          clusterOf: new Map(locked.map((r) => [r.id, r.cluster_id])),
          pending: new Set(locked.filter((r) => r.status === 'pending').map((r) => r.id)),
          cut: component.cut,
        },
        [c],
        mine,
        now,
      );
      addOutcome(outcome, saved.outcome);
      for (const m of mine) toScore.delete(m);
    }
  }
  return addOutcome(outcome, { clusters: [], scored: await markScored(trx, [...toScore], now) });
}

/** The stored cluster most of `members` are in (ties to the smaller id); undefined when none is in any. */
function mostMembersIn(members: readonly string[], clusterOf: ReadonlyMap<string, string | null>): string | undefined {
  const votes = new Map<string, number>();
  for (const m of members) {
    const current = clusterOf.get(m);
    if (current) votes.set(current, (votes.get(current) ?? 0) + 1);
  }
  const [best] = [...votes].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  return best?.[0];
}
