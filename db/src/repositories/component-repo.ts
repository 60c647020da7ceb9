import { sql, type Transaction } from 'kysely';
import type { Db } from '../connection.js';
import type { ClustersTable, CommentStatus, Database } from '../schema.js';
import { addOutcome, clusterChange, emptyOutcome, type DecisionOutcome, type ScoredComment } from './decision-outcome.js';
import { compareIds, edgesAmong, type EdgeRow } from './graph-repo.js';

// The unit of consistency of clustering is a connected component of the similarity graph: two
// workers must never rewrite the clusters of one component at once, and nothing else needs to
// wait. So a recluster locks the component's comment rows (row locks cost no shared memory however
// many there are, and FOR NO KEY UPDATE does not block the edge inserts that reference them), not
// the tenant: workers on any number of machines recluster a tenant's disjoint components at once.

/**
 * A component as loaded under its lock: its comments, the edges among them, and each comment's
 * current cluster. A component cut at the limit is read without locks (its decision writes only
 * the comments it scores, and saveCutDecision locks those).
 */
export interface LockedComponent {
  readonly nodes: readonly string[];
  readonly edges: readonly EdgeRow[];
  /** The cluster each node is in now (null: none). */
  readonly clusterOf: ReadonlyMap<string, string | null>;
  readonly pending: ReadonlySet<string>;
  /** The component reached the walk's limit: `nodes` are only the comments nearest the start. */
  readonly cut: boolean;
}

/**
 * Comments decided around a comment whose component reached the walk's limit. Such a decision
 * only places the comments it scores (saveCutDecision), so it needs their neighbourhood, not two
 * thousand comments: in a flood those are some 400,000 edges, and deciding them took a second.
 */
export const CUT_NEIGHBOURHOOD = 1000;

/**
 * Comments a walk found in a component past the limit. Components only grow (edges are only added),
 * so they stay past it: a walk whose neighbourhood holds one of them need not walk to the limit.
 */
export interface PastLimit {
  has(id: string): boolean;
  add(ids: readonly string[]): void;
}

/** What withComponentLock may be told besides the comment to start from. */
export interface ComponentWalkOptions {
  readonly pastLimit?: PastLimit;
  /**
   * Comments known to be in a component past the limit (linked to a comment of one), decided with
   * the start when its own component is past it too: the neighbourhood is walked from all of them
   * at once, so that one decision places them all instead of one decision each.
   */
  readonly alongside?: readonly string[];
  /** The start is known to be linked into a component past the limit: its neighbourhood is walked once, with `alongside`. */
  readonly past?: boolean;
}

/** Most comments a cut neighbourhood is walked from: the nearest comments of each (their direct links) still fit in CUT_NEIGHBOURHOOD. */
const CUT_SEEDS = 16;

/** The comments of the connected component around some comments, up to `limit` (nearest first, breadth first from all of them at once): one statement walks the graph. */
export async function componentNodes(db: Db | Transaction<Database>, startIds: readonly string[], limit: number): Promise<string[]> {
  // UNION (not UNION ALL) drops comments already reached, so the walk ends; the LIMIT stops it early.
  const reached = await sql<{ id: string }>`
    with recursive walk(id) as (
      select unnest(${[...startIds]}::bigint[])
      union
      select case when e.a_id = w.id then e.b_id else e.a_id end
      from walk w join edges e on e.a_id = w.id or e.b_id = w.id
    )
    select id from walk limit ${limit}`.execute(db);
  return reached.rows.map((r) => String(r.id));
}

/** Moves those of `ids` still pending to scored (their own detection is done); returns those it moved. */
export async function markScored(db: Db | Transaction<Database>, ids: readonly string[], now: Date): Promise<ScoredComment[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .updateTable('comments')
    .set({ status: 'scored', scored_at: now })
    .where('id', '=', sql<string>`any(${[...ids]}::bigint[])`)
    .where('status', '=', 'pending')
    .returning(['id', 'received_at'])
    .execute();
  return rows.map((r) => ({ id: r.id, receivedAt: r.received_at }));
}

/** A comment row's cluster and status, as a decision reads them. */
export type RowState = { id: string; cluster_id: string | null; status: CommentStatus; dropped_at: Date | null };

/** The comment rows' cluster and status; with `lock`, locked (in id order, so two lockers of overlapping sets never deadlock among themselves). */
async function rowStates(trx: Transaction<Database>, ids: readonly string[], lock: boolean): Promise<RowState[]> {
  if (ids.length === 0) return [];
  const query = trx.selectFrom('comments').select(['id', 'cluster_id', 'status', 'dropped_at']).where('id', '=', sql<string>`any(${[...ids]}::bigint[])`).orderBy('id');
  return (lock ? query.forNoKeyUpdate() : query).execute();
}

/** Locks the comment rows (in id order); returns their cluster and status. */
export const lockRows = (trx: Transaction<Database>, ids: readonly string[]): Promise<RowState[]> => rowStates(trx, ids, true);

/**
 * The component `fn` sees: the reached comments still present and not dropped from a cluster by a
 * moderator (no decision may put those back), the edges among them, their clusters and status.
 */
async function loadComponent(trx: Transaction<Database>, tenantId: string, reached: readonly string[], states: ReadonlyMap<string, RowState>, cut: boolean): Promise<LockedComponent> {
  const nodes = reached.filter((n) => states.has(n) && states.get(n)!.dropped_at === null);
  return componentOf(nodes, states, await edgesAmong(trx, tenantId, nodes), cut);
}

/** The component of `nodes` (present, not dropped) as `fn` sees it, from their row states and edges read together with others'. */
export function componentOf(nodes: readonly string[], states: ReadonlyMap<string, RowState>, edges: readonly EdgeRow[], cut: boolean): LockedComponent {
  const present = new Set(nodes);
  return {
    nodes,
    edges: edges.filter((e) => present.has(e.a) && present.has(e.b)),
    clusterOf: new Map(nodes.map((n) => [n, states.get(n)!.cluster_id])),
    pending: new Set(nodes.filter((n) => states.get(n)!.status === 'pending')),
    cut,
  };
}

const DEADLOCK = '40P01';
/** lock_timeout ran out: a lock held too long (a stalled or vanished worker's transaction) is waited for again, not forever. */
const LOCK_TIMEOUT = '55P03';
/** How long a decision waits for another's locks before it starts over. */
export const LOCK_WAIT = '10s';
/** Rounds of growing the locked set before giving up and starting over in a new transaction. */
export const MAX_GROWTH_ROUNDS = 8;

/**
 * Runs a transaction again when PostgreSQL picked it as a deadlock's victim (workers that lock a
 * component's rows and clusters' rows in different orders at once may wait on each other in a
 * circle), or when it waited LOCK_WAIT for a lock in vain.
 */
export async function retryOnDeadlock<T>(run: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      const code = (err as { code?: string }).code;
      if ((code !== DEADLOCK && code !== LOCK_TIMEOUT) || attempt >= attempts) throw err;
      await new Promise((r) => setTimeout(r, 10 * attempt + Math.random() * 20));
    }
  }
}

/**
 * Runs `fn` in a transaction whose lock waits end after LOCK_WAIT, started over when it waited in
 * vain or was chosen as a deadlock's victim (retryOnDeadlock).
 */
export function lockingTransaction<T>(db: Db, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return retryOnDeadlock(() =>
    db.transaction().execute(async (trx) => {
      await sql`select set_config('lock_timeout', ${LOCK_WAIT}, true)`.execute(trx);
      return fn(trx);
    }),
  );
}

/**
 * Runs `fn` in a transaction holding locks on every comment of the component around `startId`
 * (up to `limit` comments). The component is loaded, its rows locked, and loaded again under the
 * lock until no new comment appears (edges are stored outside the lock, so it may have grown);
 * `fn` sees the component as it is while the lock is held. A deadlock with another worker that
 * grew its set in another order (PostgreSQL picks a victim) starts over. A component past the
 * limit is cut to the neighbourhood of `startId` (and of `options.alongside`) and read without
 * locks (`cut`: its decision is saved with saveCutDecision, which locks what it writes).
 */
export async function withComponentLock<T>(
  db: Db,
  tenantId: string,
  startId: string,
  limit: number,
  fn: (trx: Transaction<Database>, component: LockedComponent) => Promise<T>,
  options: ComponentWalkOptions = {},
): Promise<T> {
  const { pastLimit } = options;
  // The walks find the comments to lock; the edges (a flood component has some hundred thousand)
  // are read once, when the locked set holds the whole component. Past the limit, the comments
  // nearest the start are decided (the walk is breadth first).
  const near = Math.min(limit, CUT_NEIGHBOURHOOD);
  const walk = async (on: Db | Transaction<Database>): Promise<{ cut: boolean; reached: string[] }> => {
    // The neighbourhood first: a component smaller than it is whole, and one that holds a comment
    // known to be past the limit is cut without walking two thousand comments again (nor is one
    // walked twice when the limit is no larger than the neighbourhood).
    const nearest = await componentNodes(on, [startId], near);
    if (nearest.length < near) return { cut: false, reached: nearest };
    if (pastLimit && nearest.some((n) => pastLimit.has(n))) return { cut: true, reached: nearest };
    const reached = near === limit ? nearest : await componentNodes(on, [startId], limit);
    if (reached.length < limit) return { cut: false, reached };
    pastLimit?.add(reached);
    return { cut: true, reached: reached.slice(0, near) };
  };
  const first = options.past ? { cut: true, reached: [] } : await walk(db);
  if (first.cut) {
    const alongside = (options.alongside ?? []).filter((id) => id !== startId).slice(0, CUT_SEEDS - 1);
    const reached = alongside.length === 0 && !options.past ? first.reached : await componentNodes(db, [startId, ...alongside], near);
    // Every comment of a cut neighbourhood is in a component past the limit: later walks that reach one stop early.
    pastLimit?.add(reached);
    // Past the limit nothing is locked while the neighbourhood is read and decided: the decision
    // writes only the comments it scores (saveCutDecision locks them), so deciders of one large
    // component, in any number of workers, do not take turns.
    return lockingTransaction(db, async (trx) => {
      const states = new Map((await rowStates(trx, reached, false)).map((r) => [r.id, r]));
      return fn(trx, await loadComponent(trx, tenantId, reached, states, true));
    });
  }
  let guess = first.reached;
  return lockingTransaction(db, async (trx) => {
    const locked = new Map<string, RowState>();
    let toLock = guess;
    for (let round = 0; ; round++) {
      for (const r of await lockRows(trx, toLock)) locked.set(r.id, r);
      const { cut, reached } = await walk(trx);
      toLock = reached.filter((n) => !locked.has(n));
      if (toLock.length === 0 || round >= MAX_GROWTH_ROUNDS) {
        // Rows deleted since (their comments are gone) are left out with their edges.
        guess = reached.filter((n) => locked.has(n));
        return fn(trx, await loadComponent(trx, tenantId, reached, locked, cut));
      }
    }
  });
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
