import type { Transaction } from 'kysely';
import type { Db } from '../connection.js';
import type { Database } from '../schema.js';
import { componentNodes, componentOf, type LockedComponent, lockingTransaction, lockWhileGrowing, type PastLimit } from './component-repo.js';
import { type EdgeRow, edgesAmong } from './graph-repo.js';

// Most components a round decides are small: a comment and the few it repeats or answers, some
// forty comments. Decided one by one, each took its own transaction of some fifteen statements
// (walk, lock, walk again, edges, rows, parents, thread sizes, stored clusters, writes, commit):
// 15 ms, of which the decision itself was 1 ms. Decided together, a round's small components
// cost one statement of each kind.

/** The connected parts of `nodes` (each in their order) under `edges` (all among `nodes`), each with its own edges. */
function connectedParts(nodes: readonly string[], edges: readonly EdgeRow[]): { nodes: string[]; edges: EdgeRow[] }[] {
  const parent = new Map(nodes.map((n) => [n, n]));
  const root = (n: string): string => {
    let r = n;
    while (parent.get(r) !== r) r = parent.get(r)!;
    // Path halving keeps later lookups short.
    for (let x = n; x !== r; ) {
      const next = parent.get(x)!;
      parent.set(x, r);
      x = next;
    }
    return r;
  };
  for (const e of edges) {
    const [ra, rb] = [root(e.a), root(e.b)];
    if (ra !== rb) parent.set(ra, rb);
  }
  const parts = new Map<string, { nodes: string[]; edges: EdgeRow[] }>();
  for (const n of nodes) {
    const r = root(n);
    const part = parts.get(r);
    if (part) part.nodes.push(n);
    else parts.set(r, { nodes: [n], edges: [] });
  }
  for (const e of edges) parts.get(root(e.a))!.edges.push(e);
  return [...parts.values()];
}

/**
 * Runs `fn` in one transaction holding locks on every comment of the components around `seeds`,
 * each component whole and apart, as withComponentLock gives them one at a time (a component is
 * what the graph connects, moderators' drops included; `fn` sees it without the dropped comments).
 * Returns null, having written nothing, when together they reach `budget` comments: one of them may
 * be past the component limit, and the caller decides those seeds one at a time. When one seed
 * alone reaches it, the comments walked are told to `pastLimit` (the budget is the limit then).
 */
export async function withSmallComponentsLock<T>(
  db: Db,
  tenantId: string,
  seeds: readonly string[],
  budget: number,
  fn: (trx: Transaction<Database>, components: readonly LockedComponent[]) => Promise<T>,
  pastLimit?: PastLimit,
): Promise<T | null> {
  const guess = await componentNodes(db, seeds, budget);
  if (guess.length >= budget) {
    if (seeds.length === 1) pastLimit?.add(guess);
    return null;
  }
  return lockingTransaction(db, async (trx) => {
    const grown = await lockWhileGrowing(trx, guess, async () => {
      const reached = await componentNodes(trx, seeds, budget);
      return reached.length >= budget ? null : { reached };
    });
    if (grown === null) return null;
    const { locked, last } = grown;
    // Rows deleted since (their comments are gone) are left out with their edges.
    const present = last.reached.filter((n) => locked.has(n));
    const components = connectedParts(present, await edgesAmong(trx, tenantId, present))
      .map((part) => componentOf(part.nodes.filter((n) => locked.get(n)!.dropped_at === null), locked, part.edges, false))
      .filter((c) => c.nodes.length > 0);
    return fn(trx, components);
  });
}
