import type { ClusterFacts } from './cluster-facts.js';
import type { Evidence } from './evidence.js';

// When the members were posted: a burst, or a machine-like cadence.

/** Members posted within minutes of each other, or at a machine-like regular interval. */
export function timingSignal(facts: ClusterFacts): Evidence | null {
  const times = facts.members
    .map((m) => m.postedAt)
    .filter((t): t is number => t !== null)
    .sort((a, b) => a - b);
  if (times.length < 3) return null;
  const spanMin = (times[times.length - 1] - times[0]) / 60000;
  if (spanMin <= 15) {
    return { signal: 'burst', effect: 'add', weight: 0.3, text: `${times.length} comments posted within ${Math.max(1, Math.round(spanMin))} minutes` };
  }
  if (times.length >= 4) {
    const gaps = times.slice(1).map((t, i) => t - times[i]);
    const mean = gaps.reduce((s, g) => s + g, 0) / gaps.length;
    const sd = Math.sqrt(gaps.reduce((s, g) => s + (g - mean) ** 2, 0) / gaps.length);
    if (mean > 0 && sd / mean < 0.15) {
      return { signal: 'cadence', effect: 'add', weight: 0.3, text: `${times.length} comments posted at a regular interval of about ${Math.round(mean / 60000)} minutes` };
    }
  }
  return null;
}
