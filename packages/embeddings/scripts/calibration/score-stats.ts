/** Length buckets by the word count of the shorter text of a pair. */
export const LENGTH_BUCKETS = ['<15', '15-40', '40-100', '>100'] as const;
export type LengthBucket = (typeof LENGTH_BUCKETS)[number];

export const CANDIDATE_THRESHOLDS = [0.85, 0.9, 0.92, 0.94, 0.96] as const;

export function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => word.length > 0).length;
}

export function lengthBucket(words: number): LengthBucket {
  if (words < 15) return '<15';
  if (words <= 40) return '15-40';
  if (words <= 100) return '40-100';
  return '>100';
}

export interface Distribution {
  readonly n: number;
  readonly min: number;
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly p999: number;
  readonly max: number;
  /** Share of pairs at or above each candidate threshold. */
  readonly above: Readonly<Record<string, number>>;
}

function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** Index of the first value >= threshold (or > threshold when `strict`) in an ascending array. */
function lowerBound(sorted: Float64Array, threshold: number, strict = false): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] < threshold || (strict && sorted[middle] === threshold)) low = middle + 1;
    else high = middle;
  }
  return low;
}

export function sortScores(scores: readonly number[]): Float64Array {
  return Float64Array.from(scores).sort();
}

export function shareAtOrAbove(sorted: Float64Array, threshold: number): number {
  return sorted.length === 0 ? Number.NaN : (sorted.length - lowerBound(sorted, threshold)) / sorted.length;
}

export function describe(sorted: Float64Array, thresholds: readonly number[] = CANDIDATE_THRESHOLDS): Distribution {
  return {
    n: sorted.length,
    min: sorted.length === 0 ? Number.NaN : sorted[0],
    p10: quantile(sorted, 0.1),
    p50: quantile(sorted, 0.5),
    p90: quantile(sorted, 0.9),
    p99: quantile(sorted, 0.99),
    p999: quantile(sorted, 0.999),
    max: sorted.length === 0 ? Number.NaN : sorted[sorted.length - 1],
    above: Object.fromEntries(thresholds.map((t) => [t.toFixed(2), shareAtOrAbove(sorted, t)])),
  };
}

/** P(random paraphrase pair scores above random organic pair), ties counting half. */
export function separationAuc(positives: Float64Array, negatives: Float64Array): number {
  if (positives.length === 0 || negatives.length === 0) return Number.NaN;
  let wins = 0;
  for (const score of positives) {
    const below = lowerBound(negatives, score);
    const notAbove = lowerBound(negatives, score, true);
    wins += below + (notAbove - below) / 2;
  }
  return wins / (positives.length * negatives.length);
}
