import { seededRandom } from '../support/random.js';

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

/** A vector's hyperplane buckets: a code per table, and the same as key strings ("table:code") for stores keyed by string. */
export interface HyperplaneBuckets {
  readonly codes: Int32Array;
  readonly keys: readonly string[];
}

/** Buckets from their codes; the key strings are spelled out only when read. */
export function bucketsOfCodes(codes: Int32Array): HyperplaneBuckets {
  let keys: string[] | undefined;
  return {
    codes,
    get keys() {
      keys ??= Array.from(codes, (code, t) => `${t}:${code.toString(36)}`);
      return keys;
    },
  };
}

export class HyperplaneLsh {
  // Float64 copies of the float32 directions: the same products, without a conversion in the inner loop.
  private readonly planes: Float64Array;
  private readonly signBuffer: Uint8Array;

  constructor(
    readonly dimensions: number,
    readonly params: HyperplaneParams = DEFAULT_HYPERPLANES,
  ) {
    this.planes = Float64Array.from(gaussians(params.seed ^ dimensions, params.tables * params.bits * dimensions));
    this.signBuffer = new Uint8Array(params.tables * params.bits);
  }

  /** One bucket key per table ("table:code"); none for a zero vector. */
  keys(vector: Float32Array): string[] {
    return [...this.buckets(vector).keys];
  }

  /** The vector's bucket per table, as codes (sign bits, the first direction highest) and as keys; none for a zero vector. */
  buckets(vector: Float32Array): HyperplaneBuckets {
    const { tables, bits } = this.params;
    if (vector.every((x) => x === 0)) return bucketsOfCodes(new Int32Array(0));
    const signs = this.signs(vector);
    const codes = new Int32Array(tables);
    for (let t = 0, at = 0; t < tables; t++) {
      let code = 0;
      for (let b = 0; b < bits; b++, at++) code = code * 2 + signs[at];
      codes[t] = code;
    }
    return bucketsOfCodes(codes);
  }

  /** 1 where the vector's projection on a direction is >= 0, else 0: per table, per bit; in a buffer reused by the next call. */
  private signs(vector: Float32Array): Uint8Array {
    const d = this.dimensions;
    const planes = this.planes;
    const signs = this.signBuffer;
    const count = signs.length;
    let p = 0;
    // Four projections at a time, each summed in component order (the same bits as one at a time).
    for (; p + 4 <= count; p += 4) {
      const o0 = p * d;
      const o1 = o0 + d;
      const o2 = o1 + d;
      const o3 = o2 + d;
      let dot0 = 0;
      let dot1 = 0;
      let dot2 = 0;
      let dot3 = 0;
      for (let i = 0; i < d; i++) {
        const x = vector[i];
        dot0 += planes[o0 + i] * x;
        dot1 += planes[o1 + i] * x;
        dot2 += planes[o2 + i] * x;
        dot3 += planes[o3 + i] * x;
      }
      signs[p] = dot0 >= 0 ? 1 : 0;
      signs[p + 1] = dot1 >= 0 ? 1 : 0;
      signs[p + 2] = dot2 >= 0 ? 1 : 0;
      signs[p + 3] = dot3 >= 0 ? 1 : 0;
    }
    for (; p < count; p++) {
      let dot = 0;
      for (let i = 0, o = p * d; i < d; i++) dot += planes[o + i] * vector[i];
      signs[p] = dot >= 0 ? 1 : 0;
    }
    return signs;
  }
}

/** Set bits of a 32-bit integer. */
export function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/**
 * The sign bits behind a vector's buckets (their codes), packed 32 to a word: a sketch whose
 * Hamming distance estimates the angle between two vectors. Empty for no buckets.
 */
export function sketchOfCodes(codes: Int32Array, params: HyperplaneParams = DEFAULT_HYPERPLANES): Uint32Array {
  if (codes.length === 0) return new Uint32Array(0);
  const out = new Uint32Array(sketchWords(params));
  let bit = 0;
  for (const code of codes) {
    for (let b = 0; b < params.bits; b++, bit++) if ((code >>> b) & 1) out[bit >>> 5] |= 1 << (bit & 31);
  }
  return out;
}

/** Words of a packed sign sketch. */
export function sketchWords(params: HyperplaneParams = DEFAULT_HYPERPLANES): number {
  return Math.ceil((params.tables * params.bits) / 32);
}

/**
 * The largest sketch distance that a pair at cosine `minCosine` exceeds with probability below
 * `miss`: each of the tables x bits hyperplanes separates a pair at angle theta independently with
 * probability theta / pi, so the distance is binomial. A candidate further apart than this is
 * almost surely below `minCosine` and needs no exact cosine (1e-9 per pair: far below one pair
 * missed in a 100,000-comment corpus).
 */
export function maxSketchDistance(minCosine: number, params: HyperplaneParams = DEFAULT_HYPERPLANES, miss = 1e-9): number {
  const n = params.tables * params.bits;
  const p = Math.acos(Math.max(-1, Math.min(1, minCosine))) / Math.PI;
  if (p <= 0) return 0;
  if (p >= 1) return n;
  // Upper tail P(X > d), from the top down, in log space.
  const logPmf = (k: number) => logChoose(n, k) + k * Math.log(p) + (n - k) * Math.log(1 - p);
  let tail = 0;
  for (let d = n - 1; d >= 0; d--) {
    tail += Math.exp(logPmf(d + 1));
    if (tail >= miss) return d + 1;
  }
  return n;
}

function logChoose(n: number, k: number): number {
  let sum = 0;
  for (let i = 1; i <= k; i++) sum += Math.log((n - k + i) / i);
  return sum;
}

/** Cosine of two vectors (their dot product when both are unit length); 0 when either is zero. */
export function cosine(a: Float32Array, b: Float32Array): number {
  return cosineAgainst(a)(b);
}

/** cosine(a, b) when both vectors are known (a reply and its parent), else null. */
export function cosineIfBoth(a: Float32Array | undefined, b: Float32Array | undefined): number | null {
  return a && b ? cosine(a, b) : null;
}

/** Sum of squares of a vector's components (summed in order, so every caller gets the same bits). */
export function squaredNorm(v: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i] * v[i];
  return sum;
}

/** cosine(a, b) from the vectors and their squared norms (kept by a store that compares one vector with many). */
export function cosineWithNorms(a: Float32Array, na: number, b: Float32Array, nb: number): number {
  if (na === 0 || nb === 0) return 0;
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i] * b[i];
  return dot / Math.sqrt(na * nb);
}

/** cosine(a, b) for one vector against many: a's own norm is summed once. */
export function cosineAgainst(a: Float32Array): (b: Float32Array) => number {
  const na = squaredNorm(a);
  return (b) => cosineWithNorms(a, na, b, squaredNorm(b));
}

/** The candidates whose stored vector is at cosine `minCosine` or more from `vector`, with that cosine, in candidate order. */
export function closeByCosine(vector: Float32Array, candidates: readonly string[], vectors: Pick<ReadonlyMap<string, Float32Array>, 'get'>, minCosine: number): Map<string, number> {
  const similarityTo = cosineAgainst(vector);
  const close = new Map<string, number>();
  for (const id of candidates) {
    const theirs = vectors.get(id);
    if (theirs === undefined) continue;
    const similarity = similarityTo(theirs);
    if (similarity >= minCosine) close.set(id, similarity);
  }
  return close;
}
