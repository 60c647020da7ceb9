import { normalizeCached } from './normalize.js';
import { textFingerprint } from './hash.js';
import { maxSketchDistance, popcount32, signSketch, sketchWords, squaredNorm, type HyperplaneLsh } from './hyperplane-lsh.js';
import { MemoryBucketIndex } from './memory-bucket-index.js';
import type { CommentRecord, SemanticPorts } from './pipeline.js';

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
      batch.forEach(([key], j) => this.byText.set(key, this.toComparable(raw[j])));
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

  async closeCandidates(scope: string, id: string, vector: Float32Array, bucketKeys: readonly string[], minCosine: number): Promise<{ candidates: number; close: Map<string, number> }> {
    this.byId.set(id, vector);
    const self = this.buckets.numberOf(id);
    this.store.set(self, vector, signSketch(bucketKeys, this.lsh.params));
    let limit = this.sketchLimits.get(minCosine);
    if (limit === undefined) {
      limit = maxSketchDistance(minCosine, this.lsh.params);
      this.sketchLimits.set(minCosine, limit);
    }
    const found = this.buckets.addAndQueryNumbers(scope, self, bucketKeys);
    const close = new Map<string, number>();
    for (const n of found) {
      const similarity = this.store.cosineAtLeast(self, n, limit);
      if (similarity >= minCosine) close.set(this.buckets.idOf(n), similarity);
    }
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

  /** cosine of stored vectors a and b (as cosine() computes it), or -1 when their sketches differ in more than `maxDistance` bits. */
  cosineAtLeast(a: number, b: number, maxDistance: number): number {
    const t = this.words;
    const sketches = this.sketches;
    let distance = 0;
    for (let i = 0, ia = a * t, ib = b * t; i < t; i++) distance += popcount32(sketches[ia + i] ^ sketches[ib + i]);
    if (distance > maxDistance) return -1;
    const na = this.norms[a];
    const nb = this.norms[b];
    if (na === 0 || nb === 0) return 0;
    const d = this.dims;
    const v = this.vectors;
    let dot = 0;
    for (let i = 0, ia = a * d, ib = b * d; i < d; i++) dot += v[ia + i] * v[ib + i];
    return dot / Math.sqrt(na * nb);
  }
}
