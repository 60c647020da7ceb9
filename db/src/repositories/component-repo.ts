import { sql, type Transaction } from 'kysely';
import type { Db } from '../connection.js';
import type { CommentStatus, Database } from '../schema.js';
import type { ScoredComment } from './decision-outcome.js';
import { edgesAmong, type EdgeRow } from './graph-repo.js';

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
const MAX_GROWTH_ROUNDS = 8;

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
    const { locked, last } = (await lockWhileGrowing(trx, guess, () => walk(trx)))!;
    // Rows deleted since (their comments are gone) are left out with their edges.
    guess = last.reached.filter((n) => locked.has(n));
    return fn(trx, await loadComponent(trx, tenantId, last.reached, locked, last.cut));
  });
}

/**
 * Locks the comments of `guess`, walks the graph again under the lock (edges are stored outside
 * it, so the set may have grown), and locks what the walk added, until it adds nothing or
 * MAX_GROWTH_ROUNDS have passed. Returns the rows locked (their state) and the last walk; null as
 * soon as a walk returns null (the caller gives up, having written nothing).
 */
export async function lockWhileGrowing<W extends { readonly reached: readonly string[] }>(
  trx: Transaction<Database>,
  guess: readonly string[],
  walk: () => Promise<W | null>,
): Promise<{ locked: Map<string, RowState>; last: W } | null> {
  const locked = new Map<string, RowState>();
  let toLock = guess;
  for (let round = 0; ; round++) {
    for (const r of await lockRows(trx, toLock)) locked.set(r.id, r);
    const last = await walk();
    if (last === null) return null;
    toLock = last.reached.filter((n) => !locked.has(n));
    if (toLock.length === 0 || round >= MAX_GROWTH_ROUNDS) return { locked, last };
  }
}
