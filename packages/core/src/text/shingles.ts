import { fnv1a32 } from './hash.js';

/** Hashes of the character k-grams of a compact text (see compactText); texts shorter than k give one shingle of the whole text. */
export function charShingles(compact: string, k = 5): Uint32Array {
  if (compact.length === 0) return new Uint32Array(0);
  if (compact.length <= k) return Uint32Array.of(fnv1a32(compact));
  const count = compact.length - k + 1;
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let h = 0x811c9dc5;
    for (let j = i; j < i + k; j++) {
      h ^= compact.charCodeAt(j);
      h = Math.imul(h, 0x01000193);
    }
    out[i] = h >>> 0;
  }
  return out;
}

/** Exact Jaccard similarity of two shingle sets (for tests and calibration, not the hot path). */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  const sa = new Set(a);
  const sb = new Set(b);
  if (sa.size === 0 && sb.size === 0) return 1;
  let inter = 0;
  for (const x of sa) if (sb.has(x)) inter++;
  return inter / (sa.size + sb.size - inter);
}
