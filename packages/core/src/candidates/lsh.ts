import { mix32 } from '../text/hash.js';

export interface LshParams {
  readonly bands: number;
  readonly rows: number;
}

/**
 * 32 bands of 4 rows over a 128-position signature: a pair with Jaccard J becomes a candidate with
 * probability 1 - (1 - J^4)^32, which is 0.95 at J = 0.55 (the design threshold) and 0.04 at J = 0.2.
 */
export const DEFAULT_LSH: LshParams = { bands: 32, rows: 4 };

/** Probability that a pair with Jaccard similarity j shares at least one band. */
export function candidateProbability(j: number, params: LshParams = DEFAULT_LSH): number {
  return 1 - (1 - j ** params.rows) ** params.bands;
}

/**
 * Two 32-bit hashes per band of a signature, flat: [h0, g0, h1, g1, ...]. Two signatures share a
 * band when both hashes of that band are equal (bandKeys spells the same pairs as strings).
 */
export function bandHashes(signature: Uint32Array, params: LshParams = DEFAULT_LSH): Uint32Array {
  const out = new Uint32Array(2 * params.bands);
  for (let b = 0; b < params.bands; b++) {
    let h = 0x811c9dc5 ^ b;
    let g = 0x2545f491 ^ b;
    for (let r = 0; r < params.rows; r++) {
      const v = signature[b * params.rows + r];
      h = mix32(h ^ v);
      g = mix32(Math.imul(g, 31) + v);
    }
    out[2 * b] = h;
    out[2 * b + 1] = g;
  }
  return out;
}

/** The band keys ("band:hash") of band hashes, as stores keyed by string (Redis) use them. */
export function keysOfBandHashes(hashes: Uint32Array): string[] {
  const keys: string[] = [];
  for (let b = 0; 2 * b < hashes.length; b++) keys.push(`${b}:${hashes[2 * b].toString(36)}${hashes[2 * b + 1].toString(36)}`);
  return keys;
}

/** One key per band ("band:hash"); two signatures that share a key are candidates. */
export function bandKeys(signature: Uint32Array, params: LshParams = DEFAULT_LSH): string[] {
  return keysOfBandHashes(bandHashes(signature, params));
}
