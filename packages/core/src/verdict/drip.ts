import { threadsByAccount } from '../evidence/accounts.js';
import type { ClusterFacts, MemberFacts } from '../evidence/cluster-facts.js';
import type { Evidence } from '../evidence/evidence.js';

// Evidence a clean cluster takes from the clusters of its component: a slow drip, whose accounts
// carry one point in variants from thread to thread, splits into small clusters that are read together.

/** Threads an account must carry a point into, across similar clusters, to count as dripping it. */
export const DRIP_MIN_THREADS = 3;

/** Accounts that posted clustered comments of the component in DRIP_MIN_THREADS threads or more. */
export function dripCarriers(clustered: readonly MemberFacts[]): Set<string> {
  return new Set([...threadsByAccount(clustered)].filter(([, t]) => t.size >= DRIP_MIN_THREADS).map(([a]) => a));
}

/**
 * A slow drip splits into small clusters (each thread gets its own variant of the template), so a
 * clean cluster is read together with the clusters it shares a similarity edge with. It is part of
 * a drip when accounts that carried the component's comments into DRIP_MIN_THREADS threads or more
 * posted at least half of this cluster and of it with its neighbours, at least two of them into
 * more than one thread there, and DRIP_MIN_THREADS threads or more between them. A regular who
 * posts in many threads is one account; readers making the same point post once each.
 */
export function dripNetwork(index: number, facts: readonly ClusterFacts[], linkedClusters: ReadonlyMap<number, ReadonlySet<number>>, carriers: ReadonlySet<string>): Evidence | null {
  const own = facts[index].members;
  const all = [...own, ...[...(linkedClusters.get(index) ?? [])].flatMap((other) => facts[other].members)];
  const carriedBy = (ms: readonly MemberFacts[]) => ms.filter((m) => m.authorId !== null && carriers.has(m.authorId));
  const carried = carriedBy(all);
  if (carried.length * 2 < all.length || carriedBy(own).length * 2 < own.length) return null;
  const movers = [...threadsByAccount(carried).values()].filter((t) => t.size >= 2).length;
  const threads = new Set(carried.map((m) => m.threadId)).size;
  if (movers < 2 || threads < DRIP_MIN_THREADS) return null;
  return {
    signal: 'drip',
    effect: 'add',
    weight: 0.5,
    // One account's repeats here are its share of a drip that other accounts carry too.
    overrules: ['single-account'],
    text: `${movers} accounts carried this point, in variants, into ${threads} threads here (each into ${DRIP_MIN_THREADS} or more in all)`,
  };
}
