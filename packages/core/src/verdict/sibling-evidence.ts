import type { ClusterFacts } from '../evidence/cluster-facts.js';
import type { ClusterDecision } from './decision.js';
import { voiceOf } from '../behaviour/ring.js';
import { copyLength, copyShare } from '../evidence/voices.js';
import type { Evidence } from '../evidence/evidence.js';

// Evidence a clean cluster takes from a flagged cluster of its component posted beside it: one
// swarm's wordings often split into a large cluster and small ones, in one thread or across the
// threads it works. The reasons give the flagged cluster's size, not an id: the ids a moderator
// sees are only assigned when the service stores the clusters.

/** How close in time a small cluster must be to a flagged one in its thread to count as part of the same swarm. */
export const SIBLING_WINDOW_MS = 60 * 60 * 1000;

/**
 * A swarm whose members word one point in many ways often splits into a large cluster and a few
 * small ones (each pair of wordings is similar to a few others only). A clean cluster counts as
 * part of a flagged one when at least half of it (2 comments or more) was posted in one thread, each
 * of those within the hour of a member of a flagged cluster with at least 3 members there, and the
 * two clusters share a similarity edge. A cluster of copies (of more than 15 words, by two people
 * or more there) needs no such edge: readers do not post the same paragraph by chance beside a
 * swarm, while a swarm that posts each wording twice leaves such pairs unlike its other wordings.
 * Only clusters flagged on their own count, so this does not chain.
 */
export function swarmSibling(
  index: number,
  facts: readonly ClusterFacts[],
  scored: readonly ClusterDecision[],
  linkedClusters: ReadonlyMap<number, ReadonlySet<number>>,
  flaggedNear: FlaggedNear,
): Evidence | null {
  // The thread holding most of the cluster (at least half of it, and 2 members) is where it must sit beside the swarm.
  const all = facts[index].members;
  const counts = new Map<string, number>();
  for (const m of all) if (m.postedAt !== null) counts.set(m.threadId, (counts.get(m.threadId) ?? 0) + 1);
  const [thread, count] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0] ?? ['', 0];
  if (count < 2 || count * 2 < all.length) return null;
  const mine = all.filter((m) => m.threadId === thread && m.postedAt !== null);
  const copied = copyShare(facts[index]) >= 0.5 && copyLength(facts[index]) > 0 && new Set(mine.map(voiceOf)).size >= 2;
  const flagged = flaggedNear.get(thread) ?? new Map<number, readonly number[]>();
  let best: number | null = null;
  for (const other of copied ? flagged.keys() : (linkedClusters.get(index) ?? [])) {
    const there = flagged.get(other);
    if (there === undefined || there.length < 3) continue;
    const near = mine.every((m) => there.some((t) => Math.abs(t - m.postedAt!) <= SIBLING_WINDOW_MS));
    if (near && (best === null || scored[other].score > scored[best].score)) best = other;
  }
  if (best === null) return null;
  return {
    signal: 'swarm-sibling',
    effect: 'add',
    weight: 0.5,
    text: linkedClusters.get(index)?.has(best)
      ? `Posted in the same thread within the hour as a flagged cluster of ${scored[best].members.length} comments, and similar to it`
      : `${mine.length} copies posted in the same thread within the hour as a flagged cluster of ${scored[best].members.length} comments`,
  };
}

/**
 * A swarm that works several threads posts the same wordings in each, so one wording can end up
 * in a small cluster of its own whose copies sit in those threads at those hours. A clean cluster
 * with members in two threads or more counts as part of a flagged cluster of the component when
 * every member was posted within the hour of one of that cluster's members in the same thread:
 * one coincidence in time is common, the same one in every thread is not. Only clusters flagged
 * on their own count, so this does not chain.
 */
export function mirroredSibling(index: number, facts: readonly ClusterFacts[], scored: readonly ClusterDecision[], flaggedNear: FlaggedNear): Evidence | null {
  const mine = facts[index].members;
  if (mine.some((m) => m.postedAt === null) || new Set(mine.map((m) => m.threadId)).size < 2) return null;
  // The flagged clusters beside each member; those beside every member qualify.
  let common: readonly number[] = [];
  for (const [i, m] of mine.entries()) {
    const beside = new Set<number>();
    for (const [cluster, times] of flaggedNear.get(m.threadId) ?? []) if (times.some((t) => Math.abs(t - m.postedAt!) <= SIBLING_WINDOW_MS)) beside.add(cluster);
    common = (i === 0 ? [...beside] : common).filter((c) => beside.has(c));
    if (common.length === 0) return null;
  }
  const best = common.reduce((b, c) => (scored[c].score > scored[b].score || (scored[c].score === scored[b].score && c < b) ? c : b));
  const threads = new Set(mine.map((m) => m.threadId)).size;
  return {
    signal: 'mirrored-sibling',
    effect: 'add',
    weight: 0.5,
    text: `Posted in ${threads} threads, each time within the hour of a flagged cluster of ${scored[best].members.length} comments there`,
  };
}

/** Per thread, by cluster number, the posting times of the members of flagged clusters there. */
export type FlaggedNear = ReadonlyMap<string, ReadonlyMap<number, readonly number[]>>;

/** The timed members of the clusters flagged on their own that have 3 members or more, per thread and cluster (a stream is no thread: its members are left out). */
export function flaggedByThread(facts: readonly ClusterFacts[], scored: readonly ClusterDecision[]): FlaggedNear {
  const out = new Map<string, Map<number, number[]>>();
  facts.forEach((f, cluster) => {
    if (scored[cluster].verdict === 'clean' || f.members.length < 3) return;
    for (const m of f.members) {
      if (m.postedAt === null || m.stream) continue;
      let inThread = out.get(m.threadId);
      if (inThread === undefined) {
        inThread = new Map();
        out.set(m.threadId, inThread);
      }
      const times = inThread.get(cluster);
      if (times) times.push(m.postedAt);
      else inThread.set(cluster, [m.postedAt]);
    }
  });
  return out;
}
