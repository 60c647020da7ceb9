import { seededRandom } from './random.js';

/** Random-hyperplane LSH for cosine similarity (Charikar 2002): each table hashes a vector to the signs of its projections on `bits` random directions. */
export interface HyperplaneParams {
  readonly tables: number;
  readonly bits: number;
  /** Seed of the random directions: every process must use the same one, or buckets will not match. */
  readonly seed: number;
}

/**
 * 40 tables of 10 bits, designed for the lowest semantic threshold (cosine 0.75 on vectors without
 * the common component): a pair at cosine c shares a table with probability 1 - (1 - p^10)^40,
 * p = 1 - acos(c)/pi; that is 0.95 at c = 0.75, 0.99 at 0.82, 0.5 at 0.5 and 0.04 at 0.
 */
export const DEFAULT_HYPERPLANES: HyperplaneParams = { tables: 40, bits: 10, seed: 0x5eed };

function gaussians(seed: number, count: number): Float32Array {
  const next = seededRandom(seed);
  // Shifted off zero: Box-Muller takes the logarithm.
  const uniform = () => (next() * 4294967296 + 1) / 4294967297;
  const out = new Float32Array(count);
  for (let i = 0; i < count; i += 2) {
    const r = Math.sqrt(-2 * Math.log(uniform()));
    const theta = 2 * Math.PI * uniform();
    out[i] = r * Math.cos(theta);
    if (i + 1 < count) out[i + 1] = r * Math.sin(theta);
  }
  return out;
}

/** Probability that a pair at cosine c lands in the same bucket of at least one table. */
export function hyperplaneCandidateProbability(cosine: number, params: HyperplaneParams = DEFAULT_HYPERPLANES): number {
  const p = 1 - Math.acos(Math.max(-1, Math.min(1, cosine))) / Math.PI;
  return 1 - (1 - p ** params.bits) ** params.tables;
}

export class HyperplaneLsh {
  private readonly planes: Float32Array;

  constructor(
    readonly dimensions: number,
    readonly params: HyperplaneParams = DEFAULT_HYPERPLANES,
  ) {
    this.planes = gaussians(params.seed ^ dimensions, params.tables * params.bits * dimensions);
  }

  /** One bucket key per table ("table:code"); none for a zero vector. */
  keys(vector: Float32Array): string[] {
    const { tables, bits } = this.params;
    const d = this.dimensions;
    if (vector.every((x) => x === 0)) return [];
    const keys: string[] = [];
    let offset = 0;
    for (let t = 0; t < tables; t++) {
      let code = 0;
      for (let b = 0; b < bits; b++) {
        let dot = 0;
        for (let i = 0; i < d; i++) dot += this.planes[offset + i] * vector[i];
        offset += d;
        code = code * 2 + (dot >= 0 ? 1 : 0);
      }
      keys.push(`${t}:${code.toString(36)}`);
    }
    return keys;
  }
}

/** Cosine of two vectors (their dot product when both are unit length); 0 when either is zero. */
export function cosine(a: Float32Array, b: Float32Array): number {
  return cosineAgainst(a)(b);
}

/** cosine(a, b) when both vectors are known (a reply and its parent), else null. */
export function cosineIfBoth(a: Float32Array | undefined, b: Float32Array | undefined): number | null {
  return a && b ? cosine(a, b) : null;
}

/** cosine(a, b) for one vector against many: a's own norm is summed once. */
export function cosineAgainst(a: Float32Array): (b: Float32Array) => number {
  let na = 0;
  for (let i = 0; i < a.length; i++) na += a[i] * a[i];
  return (b) => {
    let dot = 0;
    let nb = 0;
    for (let i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      nb += b[i] * b[i];
    }
    return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
  };
}
