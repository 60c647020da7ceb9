import { mix32 } from '../text/hash.js';

export interface MinHashParams {
  /** Signature length (number of bins). */
  readonly size: number;
}

export const DEFAULT_MINHASH: MinHashParams = { size: 128 };

const EMPTY = 0xffffffff;

/**
 * MinHash signature by one-permutation hashing with optimal densification (Shrivastava 2017):
 * each shingle is hashed once and lands in one bin, so the cost is O(shingles + size) instead of
 * O(shingles x size) for k independent permutations. Empty bins borrow from a filled bin chosen by a
 * data-independent sequence, which keeps the estimator unbiased for short texts.
 */
export function minhashSignature(shingles: Uint32Array, params: MinHashParams = DEFAULT_MINHASH): Uint32Array {
  const k = params.size;
  const sig = new Uint32Array(k).fill(EMPTY);
  const filled = new Uint8Array(k);
  let filledCount = 0;
  for (let i = 0; i < shingles.length; i++) {
    const h = mix32(shingles[i]);
    const bin = h % k;
    const value = mix32(h ^ 0x5bd1e995);
    if (filled[bin] === 0) {
      filled[bin] = 1;
      filledCount++;
      sig[bin] = value;
    } else if (value < sig[bin]) {
      sig[bin] = value;
    }
  }
  if (filledCount === 0 || filledCount === k) return sig;
  for (let i = 0; i < k; i++) {
    if (filled[i] === 1) continue;
    for (let attempt = 1; ; attempt++) {
      const j = mix32(Math.imul(i + 1, 0x9e3779b1) ^ attempt) % k;
      if (filled[j] === 1) {
        sig[i] = sig[j];
        break;
      }
    }
  }
  return sig;
}

/** Estimated Jaccard similarity: the share of equal signature positions. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let equal = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) equal++;
  return equal / a.length;
}
