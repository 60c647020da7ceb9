import { GenerationalCache } from '../support/generational-cache.js';
import { normalizeCached } from '../text/normalize.js';
import { wordCount } from '../text/tokens.js';

export interface SemanticParams {
  /** Texts shorter than this (in words) get no semantic edges: short texts are left to the lexical stage (docs/semantic-calibration.md). */
  readonly minWords: number;
  /** Cosine needed for an edge, by the word count of the shorter text: [upTo words, threshold], ascending. */
  readonly thresholds: readonly (readonly [number, number])[];
  /** Comments posted further apart than this are not compared. */
  readonly windowMs: number;
}

/**
 * Calibrated on vectors with the common component removed: 105 paraphrase pairs vs 222k
 * same-thread pairs of real organic posts (docs/semantic-calibration.md). Each value sits between
 * the 1% and 0.1% organic-pair quantiles of its length band.
 */
export const DEFAULT_SEMANTIC: SemanticParams = {
  minWords: 15,
  thresholds: [
    [40, 0.75],
    [100, 0.82],
    [Number.POSITIVE_INFINITY, 0.9],
  ],
  windowMs: 30 * 24 * 3600 * 1000,
};

// A stored comment's length is read again each time it is a close candidate of a later one.
const wordCounts = new GenerationalCache<number>(200_000);

/** wordCount of a raw comment text's normalized form, cached. */
export function wordCountOf(text: string): number {
  return wordCounts.get(text, () => wordCount(normalizeCached(text)));
}

/** The cosine two comments need for a semantic edge, or null when either is too short. */
export function semanticThreshold(wordsA: number, wordsB: number, params: SemanticParams = DEFAULT_SEMANTIC): number | null {
  const shorter = Math.min(wordsA, wordsB);
  if (shorter < params.minWords) return null;
  for (const [upTo, threshold] of params.thresholds) if (shorter <= upTo) return threshold;
  return null;
}
