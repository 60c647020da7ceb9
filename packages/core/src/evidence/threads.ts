import type { ClusterFacts } from './cluster-facts.js';
import type { Evidence } from './evidence.js';
import { copyLength, copyShare } from './voices.js';

// Where the members were posted: the same text across threads, or a large share of one thread.

/** The same text in several threads. */
export function spreadSignal(facts: ClusterFacts): Evidence | null {
  const threads = new Set(facts.members.map((m) => m.threadId));
  if (threads.size < 2) return null;
  // A template copied across threads is a campaign's footprint; the same point made in several
  // threads in different words is what on-topic readers do, so it is no evidence by itself (the
  // voices signal counts paraphrases only when posted together, serial posting counts accounts
  // that carry them from thread to thread).
  if (copyShare(facts) < 0.5) return null;
  const weight = Math.min(0.5, 0.15 * (threads.size - 1)) * copyLength(facts);
  if (weight === 0) return null;
  return { signal: 'spread', effect: 'add', weight, text: `The same text appears in ${threads.size} threads` };
}

/** A large share of one thread belongs to this cluster (a stream is no thread: its share says nothing). */
export function takeoverSignal(facts: ClusterFacts): Evidence | null {
  const perThread = new Map<string, number>();
  for (const m of facts.members) if (!m.stream) perThread.set(m.threadId, (perThread.get(m.threadId) ?? 0) + 1);
  let best: Evidence | null = null;
  for (const [thread, count] of perThread) {
    const size = facts.threadSizes.get(thread) ?? count;
    const share = count / size;
    if (size >= 5 && count >= 3 && share >= 0.3 && (best === null || share * 0.6 > best.weight)) {
      best = { signal: 'thread-takeover', effect: 'add', weight: Math.min(0.5, share * 0.6), text: `${count} of the ${size} comments in thread "${thread}" belong to this cluster` };
    }
  }
  return best;
}
