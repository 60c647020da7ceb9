// Coarse times (issue 13, shape 2): generator corpora where some threads carry dates only or whole
// hours, as exports often do, and the same threads with no times at all to compare against.
import { Random } from '../corpus/prng.js';
import type { ShapeComment } from './shape-comment.js';

export type Precision = 'date' | 'hour';

export interface CoarseCorpus {
  readonly comments: readonly ShapeComment[];
  /** The threads whose times were coarsened, by precision. */
  readonly threads: Readonly<Record<Precision, readonly string[]>>;
}

/**
 * Gives `share` of the threads coarse times: half of them the day only (as "2024-03-04" or as
 * midnight UTC, "2024-03-04T00:00:00Z", alternately), half the time rounded down to the hour.
 */
export function coarsenTimes(comments: readonly ShapeComment[], seed: number, share = 0.3): CoarseCorpus {
  const rng = new Random(seed ^ 0xc0a45e);
  const all = [...new Set(comments.map((c) => c.thread_id))];
  const chosen = rng.shuffle(all).slice(0, Math.max(2, Math.round(all.length * share)));
  const half = Math.ceil(chosen.length / 2);
  const date = new Set(chosen.slice(0, half));
  const hour = new Set(chosen.slice(half));
  const bare = new Set(chosen.slice(0, half).filter((_, i) => i % 2 === 0));
  const out = comments.map((c) => {
    if (c.posted_at === null) return c;
    if (date.has(c.thread_id)) return { ...c, posted_at: bare.has(c.thread_id) ? c.posted_at.slice(0, 10) : `${c.posted_at.slice(0, 10)}T00:00:00Z` };
    if (hour.has(c.thread_id)) return { ...c, posted_at: `${c.posted_at.slice(0, 13)}:00:00Z` };
    return c;
  });
  return { comments: out, threads: { date: [...date], hour: [...hour] } };
}

/** The same comments with no time in `threads`. */
export function withoutTimes(comments: readonly ShapeComment[], threads: ReadonlySet<string>): ShapeComment[] {
  return comments.map((c) => (threads.has(c.thread_id) ? { ...c, posted_at: null } : c));
}
