import { sql, type Transaction } from 'kysely';
import type { Db } from '../connection.js';
import type { Database } from '../schema.js';
import { lockingTransaction, lockRows, markScored, type LockedComponent } from './component-repo.js';
import { saveComponentDecision, type ClusterWrite } from './component-save.js';
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
  return lockingTransaction(db, async (trx) => (await attachMany(trx, [{ clusterId, ids }], now)).get(clusterId) ?? null);
}

/** Comments to put into one stored cluster. */
export interface Attachment {
  readonly clusterId: string;
  readonly ids: readonly string[];
}

/**
 * attachToCluster for several clusters at once, inside a transaction the caller holds (a
 * lockingTransaction, so its lock waits are bounded): one statement of each kind whatever their
 * number. A comment belongs to one attachment at most. The clusters are locked in id order, then
 * the comments (so two attachers never wait on each other in a circle). Returns what each cluster
 * that still exists took in.
 */
export async function attachMany(trx: Transaction<Database>, attachments: readonly Attachment[], now: Date): Promise<Map<string, Attached>> {
  const out = new Map<string, Attached>();
  if (attachments.length === 0) return out;
  const clusterIds = [...new Set(attachments.map((a) => a.clusterId))];
  const clusters = await trx
    .selectFrom('clusters')
    .select(['id', 'size', 'decided_size', 'verdict', 'score'])
    .where('id', '=', sql<string>`any(${clusterIds}::bigint[])`)
    .orderBy('id')
    .forUpdate()
    .execute();
  const cluster = new Map(clusters.map((c) => [c.id, c]));
  const wanted = new Map<string, string>();
  for (const a of attachments) if (cluster.has(a.clusterId)) for (const id of a.ids) wanted.set(id, a.clusterId);
  if (wanted.size === 0) return out;
  const rows = (
    await trx
      .selectFrom('comments')
      .select(['id', 'account_id', 'thread_id', 'cluster_id', 'status', 'received_at'])
      .where('id', '=', sql<string>`any(${[...wanted.keys()]}::bigint[])`)
      // A comment a moderator dropped joins no cluster again.
      .where('dropped_at', 'is', null)
      .orderBy('id')
      .forNoKeyUpdate()
      .execute()
  ).filter((r) => r.cluster_id === null || r.cluster_id === wanted.get(r.id));
  // Already members (a decision of the component took them in before their own turn): scored as they are.
  const scored = new Map((await markScored(trx, rows.filter((r) => r.cluster_id !== null).map((r) => r.id), now)).map((s) => [s.id, s]));
  const joining = rows.filter((r) => r.cluster_id === null);
  // Which of the joining comments' accounts and threads each cluster already has (index on cluster_id, account_id / thread_id).
  const accounts = [...new Set(joining.map((j) => j.account_id).filter((a): a is string => a !== null))];
  const threads = [...new Set(joining.map((j) => j.thread_id))];
  const [knownAccounts, knownThreads] = await Promise.all([
    accounts.length === 0 ? [] : trx.selectFrom('comments').select(['cluster_id', 'account_id']).distinct().where('cluster_id', '=', sql<string>`any(${clusterIds}::bigint[])`).where('account_id', '=', sql<string>`any(${accounts}::text[])`).execute(),
    joining.length === 0 ? [] : trx.selectFrom('comments').select(['cluster_id', 'thread_id']).distinct().where('cluster_id', '=', sql<string>`any(${clusterIds}::bigint[])`).where('thread_id', '=', sql<string>`any(${threads}::text[])`).execute(),
  ]);
  const known = new Set([...knownAccounts.map((k) => `${k.cluster_id} a ${k.account_id}`), ...knownThreads.map((k) => `${k.cluster_id} t ${k.thread_id}`)]);
  const growth = new Map<string, { size: number; accounts: Set<string>; threads: Set<string> }>();
  for (const j of joining) {
    const to = wanted.get(j.id)!;
    const g = growth.get(to) ?? { size: 0, accounts: new Set<string>(), threads: new Set<string>() };
    growth.set(to, g);
    g.size++;
    if (j.account_id !== null && !known.has(`${to} a ${j.account_id}`)) g.accounts.add(j.account_id);
    if (!known.has(`${to} t ${j.thread_id}`)) g.threads.add(j.thread_id);
  }
  const grown = new Map<string, { size: number; decided_size: number }>();
  if (joining.length > 0) {
    await sql`
      update comments set cluster_id = j.cluster_id, status = 'scored', scored_at = ${now}
      from unnest(${joining.map((j) => j.id)}::bigint[], ${joining.map((j) => wanted.get(j.id)!)}::bigint[]) as j(id, cluster_id)
      where comments.id = j.id`.execute(trx);
    const ids = [...growth.keys()];
    const { rows: counts } = await sql<{ id: string; size: number; decided_size: number }>`
      update clusters set size = clusters.size + g.size, account_count = clusters.account_count + g.accounts,
        thread_count = clusters.thread_count + g.threads, updated_at = ${now}
      from unnest(${ids}::bigint[], ${ids.map((id) => growth.get(id)!.size)}::int[], ${ids.map((id) => growth.get(id)!.accounts.size)}::int[],
        ${ids.map((id) => growth.get(id)!.threads.size)}::int[]) as g(id, size, accounts, threads)
      where clusters.id = g.id
      returning clusters.id, clusters.size, clusters.decided_size`.execute(trx);
    for (const c of counts) grown.set(String(c.id), c);
  }
  const rowsOf = new Map<string, typeof rows>();
  for (const r of rows) {
    const to = wanted.get(r.id)!;
    const list = rowsOf.get(to);
    if (list) list.push(r);
    else rowsOf.set(to, [r]);
  }
  for (const { clusterId } of attachments) {
    const before = cluster.get(clusterId);
    if (before === undefined || out.has(clusterId)) continue;
    const mine = rowsOf.get(clusterId) ?? [];
    const members = mine.filter((r) => r.cluster_id !== null);
    const joined = mine.filter((r) => r.cluster_id === null);
    const after = grown.get(clusterId) ?? before;
    const outcome: DecisionOutcome = {
      clusters: [],
      scored: [
        ...members.flatMap((m) => scored.get(m.id) ?? []),
        // A comment scored before (clean, in no cluster) that joins now is not scored again.
        ...joined.filter((j) => j.status === 'pending').map((j) => ({ id: j.id, receivedAt: j.received_at })),
      ],
    };
    const change = joined.length > 0 ? clusterChange(clusterId, before, { verdict: before.verdict, size: after.size, score: before.score }) : null;
    if (change) outcome.clusters.push(change);
    out.set(clusterId, { ids: [...members, ...joined].map((r) => r.id), size: after.size, decidedSize: after.decided_size, outcome });
  }
  return out;
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
  const placing = clusters.map((c) => ({ c, mine: c.members.filter((m) => toScore.has(m)), stored: mostMembersIn(c.members, component.clusterOf) })).filter((p) => p.mine.length > 0);
  // The neighbourhood was read without locks: the members of clusters it found in no stored
  // cluster are locked now (one statement for all) and counted again (another decision may have
  // placed some of them meanwhile).
  const unplaced = placing.filter((p) => p.stored === undefined);
  const locked = new Map((await lockRows(trx, [...new Set(unplaced.flatMap((p) => p.c.members))])).map((r) => [r.id, r]));
  const lockedOf = new Map(unplaced.map((p) => [p, p.c.members.flatMap((m) => locked.get(m) ?? [])]));
  for (const p of unplaced) p.stored = mostMembersIn(p.c.members, new Map(lockedOf.get(p)!.map((r) => [r.id, r.cluster_id])));
  const attached = await attachMany(trx, placing.flatMap((p) => (p.stored === undefined ? [] : [{ clusterId: p.stored, ids: p.mine }])), now);
  for (const a of attached.values()) {
    addOutcome(outcome, a.outcome);
    // One already in another cluster stays there, and is scored with the rest below.
    for (const m of a.ids) toScore.delete(m);
  }
  // New clusters, of members all still here and none dropped by a moderator (else they are scored
  // as they are, below), saved together: they are disjoint.
  const fresh = unplaced.filter((p) => p.stored === undefined && lockedOf.get(p)!.length === p.c.members.length && lockedOf.get(p)!.every((r) => r.dropped_at === null));
  if (fresh.length > 0) {
    const members = new Set(fresh.flatMap((p) => p.c.members));
    const rows = fresh.flatMap((p) => lockedOf.get(p)!);
    const mine = fresh.flatMap((p) => p.mine);
    const saved = await saveComponentDecision(
      trx,
      tenantId,
      {
        nodes: [...members],
        edges: component.edges.filter((e) => members.has(e.a) && members.has(e.b)),
        clusterOf: new Map(rows.map((r) => [r.id, r.cluster_id])),
        pending: new Set(rows.filter((r) => r.status === 'pending').map((r) => r.id)),
        cut: component.cut,
      },
      fresh.map((p) => p.c),
      mine,
      now,
    );
    addOutcome(outcome, saved.outcome);
    for (const m of mine) toScore.delete(m);
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
