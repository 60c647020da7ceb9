import { normalizeCached } from './normalize.js';
import { textFingerprint } from './hash.js';
import type { HyperplaneLsh } from './hyperplane-lsh.js';
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
  private readonly buckets: MemoryBucketIndex;

  constructor(
    readonly lsh: HyperplaneLsh,
    private readonly source: VectorSource,
    bucketCap = 32,
  ) {
    this.buckets = new MemoryBucketIndex(bucketCap);
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

  async semanticCandidates(scope: string, id: string, vector: Float32Array, bucketKeys: readonly string[]): Promise<string[]> {
    this.byId.set(id, vector);
    return this.buckets.addAndQuery(scope, id, bucketKeys);
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
