import { normalizeCached } from '../text/normalize.js';
import { textFingerprint } from '../text/hash.js';
import { maxSketchDistance, popcount32, sketchOfCodes, sketchWords, squaredNorm, type HyperplaneBuckets, type HyperplaneLsh } from '../candidates/hyperplane-lsh.js';
import { MemoryBucketIndex } from '../candidates/memory-bucket-index.js';
import type { CommentRecord } from '../records/comment-record.js';
import type { SemanticPorts } from './detection-ports.js';

export interface VectorSource {
  /** Raw model vectors for texts, in order. */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
  /** Raw vector -> comparable vector. */
  adjust(raw: Float32Array): Float32Array;
}

/** The semantic ports in memory (offline analyzer, tests): vectors cached by normalized text, hyperplane buckets capped like the service's. */
export class MemorySemanticPorts implements SemanticPorts {
  private readonly byText = new Map<string, Float32Array | null>();
  private readonly byId = new Map<string, Float32Array>();
  private readonly store: FlatVectorStore;
  private readonly sketchLimits = new Map<number, number>();
  private readonly buckets: MemoryBucketIndex;

  constructor(
    readonly lsh: HyperplaneLsh,
    private readonly source: VectorSource,
    bucketCap = 32,
  ) {
    this.buckets = new MemoryBucketIndex(bucketCap);
    this.store = new FlatVectorStore(lsh.dimensions, sketchWords(lsh.params));
  }

  /** Embeds every distinct text of a corpus in large batches up front (the analyzer's fast path). */
  async prepare(records: readonly CommentRecord[], batchSize = 256): Promise<void> {
    const missing = new Map<string, string>();
    for (const r of records) {
      const text = normalizeCached(r.text);
      const key = textFingerprint(text);
      if (!this.byText.has(key)) missing.set(key, text);
    }
    const pending = [...missing];
    for (let i = 0; i < pending.length; i += batchSize) {
      const batch = pending.slice(i, i + batchSize);
      const raw = await this.source.embed(batch.map(([, text]) => text));
      batch.forEach(([key], j) => {
        this.byText.set(key, this.toComparable(raw[j]));
      });
    }
  }

  private toComparable(raw: Float32Array): Float32Array | null {
    return raw.every((x) => x === 0) ? null : this.source.adjust(raw);
  }

  async vectorOf(record: CommentRecord): Promise<Float32Array | null> {
    const text = normalizeCached(record.text);
    const key = textFingerprint(text);
    if (!this.byText.has(key)) this.byText.set(key, this.toComparable((await this.source.embed([text]))[0]));
    return this.byText.get(key)!;
  }

  async closeCandidates(scope: string, id: string, vector: Float32Array, buckets: HyperplaneBuckets, minCosine: number): Promise<{ candidates: number; close: Map<string, number> }> {
    this.byId.set(id, vector);
    const self = this.buckets.numberOf(id);
    this.store.set(self, vector, sketchOfCodes(buckets.codes, this.lsh.params));
    let limit = this.sketchLimits.get(minCosine);
    if (limit === undefined) {
      limit = maxSketchDistance(minCosine, this.lsh.params);
      this.sketchLimits.set(minCosine, limit);
    }
    // Keyed by number: table t's bucket is band t with the code as its first hash (no key strings).
    const hashes = new Uint32Array(2 * buckets.codes.length);
    for (let t = 0; t < buckets.codes.length; t++) hashes[2 * t] = buckets.codes[t];
    const found = this.buckets.addAndQueryHashes(scope, self, hashes);
    const similarities = this.store.cosinesAtLeast(self, found, limit);
    const close = new Map<string, number>();
    for (let k = 0; k < found.length; k++) if (similarities[k] >= minCosine) close.set(this.buckets.idOf(found[k]), similarities[k]);
    return { candidates: found.length, close };
  }

  async loadVectors(_scope: string, ids: readonly string[]): Promise<Map<string, Float32Array>> {
    const out = new Map<string, Float32Array>();
    for (const id of ids) {
      const v = this.byId.get(id);
      if (v) out.set(id, v);
    }
    return out;
  }

  /** The stored vector of a comment already linked. */
  vectorById(id: string): Float32Array | undefined {
    return this.byId.get(id);
  }
}

/**
 * Vectors, their squared norms and sign sketches in flat typed arrays indexed by number: a lookup
 * compares one vector with hundreds of stored ones, and reading them from one block of memory (each
 * norm summed once) is several times faster than from separate arrays.
 */
class FlatVectorStore {
  private vectors = new Float32Array(0);
  private norms = new Float64Array(0);
  private sketches = new Uint32Array(0);
  // Per lookup: the results, and the positions of the candidates that need an exact cosine.
  private results = new Float64Array(0);
  private pending = new Int32Array(0);

  constructor(
    private readonly dims: number,
    private readonly words: number,
  ) {}

  set(n: number, vector: Float32Array, sketch: Uint32Array): void {
    if (n >= this.norms.length) this.grow(n + 1);
    this.vectors.set(vector, n * this.dims);
    this.norms[n] = squaredNorm(vector);
    // Only comments with bucket keys are ever candidates; the others keep an all-zero sketch.
    if (sketch.length > 0) this.sketches.set(sketch, n * this.words);
  }

  private grow(minimum: number): void {
    const capacity = Math.max(minimum, this.norms.length * 2, 1024);
    const vectors = new Float32Array(capacity * this.dims);
    vectors.set(this.vectors);
    const norms = new Float64Array(capacity);
    norms.set(this.norms);
    const sketches = new Uint32Array(capacity * this.words);
    sketches.set(this.sketches);
    this.vectors = vectors;
    this.norms = norms;
    this.sketches = sketches;
  }

  /**
   * cosine of stored vector a with each stored vector in `others` (as cosine() computes it), or -1
   * where their sketches differ in more than `maxDistance` bits; in a buffer reused by the next call.
   */
  cosinesAtLeast(a: number, others: readonly number[], maxDistance: number): Float64Array {
    if (this.results.length < others.length) {
      this.results = new Float64Array(others.length * 2);
      this.pending = new Int32Array(others.length * 2);
    }
    const { results, pending, norms } = this;
    const na = norms[a];
    let count = 0;
    for (let k = 0; k < others.length; k++) {
      const b = others[k];
      if (this.sketchDistance(a, b) > maxDistance) results[k] = -1;
      else if (na === 0 || norms[b] === 0) results[k] = 0;
      else pending[count++] = k;
    }
    // Four dot products at a time: each is still summed in component order (the same bits as one at
    // a time), but the four sums run side by side instead of waiting on each other's additions.
    const d = this.dims;
    const v = this.vectors;
    const ia = a * d;
    let p = 0;
    for (; p + 4 <= count; p += 4) {
      const k0 = pending[p];
      const k1 = pending[p + 1];
      const k2 = pending[p + 2];
      const k3 = pending[p + 3];
      const i0 = others[k0] * d;
      const i1 = others[k1] * d;
      const i2 = others[k2] * d;
      const i3 = others[k3] * d;
      let dot0 = 0;
      let dot1 = 0;
      let dot2 = 0;
      let dot3 = 0;
      for (let i = 0; i < d; i++) {
        const x = v[ia + i];
        dot0 += x * v[i0 + i];
        dot1 += x * v[i1 + i];
        dot2 += x * v[i2 + i];
        dot3 += x * v[i3 + i];
      }
      results[k0] = dot0 / Math.sqrt(na * norms[others[k0]]);
      results[k1] = dot1 / Math.sqrt(na * norms[others[k1]]);
      results[k2] = dot2 / Math.sqrt(na * norms[others[k2]]);
      results[k3] = dot3 / Math.sqrt(na * norms[others[k3]]);
    }
    for (; p < count; p++) {
      const k = pending[p];
      const ib = others[k] * d;
      let dot = 0;
      for (let i = 0; i < d; i++) dot += v[ia + i] * v[ib + i];
      results[k] = dot / Math.sqrt(na * norms[others[k]]);
    }
    return results;
  }

  private sketchDistance(a: number, b: number): number {
    const t = this.words;
    const sketches = this.sketches;
    let distance = 0;
    for (let i = 0, ia = a * t, ib = b * t; i < t; i++) distance += popcount32(sketches[ia + i] ^ sketches[ib + i]);
    return distance;
  }
}
