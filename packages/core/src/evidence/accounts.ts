import type { ClusterFacts, MemberFacts } from './cluster-facts.js';
import type { Evidence } from './evidence.js';

// Which accounts carry the text from thread to thread, alone or together.

/** The threads each named account posted these comments in. */
export function threadsByAccount(members: readonly MemberFacts[]): Map<string, Set<string>> {
  const threadsOf = new Map<string, Set<string>>();
  for (const m of members) {
    if (m.authorId !== null) threadsOf.set(m.authorId, (threadsOf.get(m.authorId) ?? new Set<string>()).add(m.threadId));
  }
  return threadsOf;
}

/** A few accounts each carry the same point into thread after thread: the slow-drip pattern. */
export function serialPostingSignal(facts: ClusterFacts): Evidence | null {
  const threadsOf = threadsByAccount(facts.members);
  const repeaters = [...threadsOf.values()].filter((t) => t.size >= 2);
  // One account alone is the single-account case; it needs at least two accounts doing it.
  if (repeaters.length < 2) return null;
  const threads = new Set(repeaters.flatMap((t) => [...t])).size;
  const carried = facts.members.filter((m) => m.authorId !== null && (threadsOf.get(m.authorId)?.size ?? 0) >= 2).length;
  return {
    signal: 'serial-posting',
    effect: 'add',
    // A few regulars inside a large cluster of other voices is no drip: weigh by the share they posted.
    weight: Math.min(0.5, 0.2 + 0.1 * repeaters.length) * Math.min(1, (2 * carried) / facts.members.length),
    text: `${repeaters.length} accounts each posted this in more than one thread (${threads} threads between them)`,
  };
}

/** The same accounts turn up together with this text in thread after thread. */
export function coOccurrenceSignal(facts: ClusterFacts): Evidence | null {
  const threadsOf = threadsByAccount(facts.members);
  // Only accounts seen in two or more threads can co-occur repeatedly; cap the pair count.
  const movers = [...threadsOf].filter(([, t]) => t.size >= 2).slice(0, 200);
  let pairs = 0;
  let most = 0;
  const involved = new Set<string>();
  for (let i = 0; i < movers.length; i++) {
    for (let j = i + 1; j < movers.length; j++) {
      let shared = 0;
      for (const t of movers[i][1]) if (movers[j][1].has(t)) shared++;
      if (shared < 2) continue;
      pairs++;
      most = Math.max(most, shared);
      involved.add(movers[i][0]).add(movers[j][0]);
    }
  }
  if (pairs === 0) return null;
  return {
    signal: 'account-co-occurrence',
    effect: 'add',
    weight: Math.min(0.45, 0.15 + 0.05 * involved.size),
    text: `${involved.size} accounts posted this together in up to ${most} threads`,
  };
}
