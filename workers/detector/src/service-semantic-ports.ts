import { closeByCosine, HyperplaneLsh, normalizeCached, textFingerprint, type CommentRecord, type SemanticPorts } from '@chorus/core';
import { isZeroVector, type Embedder, type SentenceEncoder } from '@chorus/embeddings';
import { MicroBatcher } from './micro-batcher.js';
import type { RedisBucketIndex } from './redis-bucket-index.js';
import type { RedisVectors } from './redis-vectors.js';

export interface SemanticServiceOptions {
  readonly batchSize: number;
  readonly batchWaitMs: number;
  /** How long vectors and buckets live: the semantic candidate window. */
  readonly windowSeconds: number;
  readonly cacheTtlSeconds: number;
}

/** Counters for /metrics and tests: how many vectors came from the cache vs the model. */
export interface EmbeddingStats {
  cacheHits: number;
  cacheMisses: number;
}

/** The semantic stage's ports on Redis: embedding cache, per-comment vectors, hyperplane buckets; inference batched across concurrent jobs. */
export function createSemanticPorts(
  embedder: Embedder,
  encoder: SentenceEncoder,
  vectors: RedisVectors,
  index: RedisBucketIndex,
  options: SemanticServiceOptions,
): SemanticPorts & { readonly stats: EmbeddingStats; semanticCandidates(scope: string, id: string, vector: Float32Array, bucketKeys: readonly string[]): Promise<string[]> } {
  const stats: EmbeddingStats = { cacheHits: 0, cacheMisses: 0 };
  const batcher = new MicroBatcher<string, Float32Array>((texts) => embedder.embed(texts), { maxItems: options.batchSize, maxWaitMs: options.batchWaitMs });

  const rawVector = async (text: string): Promise<Float32Array> => {
    const hash = textFingerprint(text);
    const cached = await vectors.getCached(encoder.modelId, hash);
    if (cached) {
      stats.cacheHits++;
      return cached;
    }
    stats.cacheMisses++;
    const raw = await batcher.submit(text);
    await vectors.setCached(encoder.modelId, hash, raw, options.cacheTtlSeconds);
    return raw;
  };

  /** Stores the vector, adds the id under its bucket keys, and returns the other ids already there. */
  const semanticCandidates = async (scope: string, id: string, vector: Float32Array, bucketKeys: readonly string[]): Promise<string[]> => {
    await vectors.setComment(scope, id, vector, options.windowSeconds);
    return (await index.addAndQuery(scope, id, bucketKeys)).filter((c) => c !== id);
  };

  return {
    stats,
    lsh: new HyperplaneLsh(encoder.dimensions),
    async vectorOf(record: CommentRecord) {
      const raw = await rawVector(normalizeCached(record.text));
      return isZeroVector(raw) ? null : encoder.adjust(raw);
    },
    semanticCandidates,
    async closeCandidates(scope, id, vector, buckets, minCosine) {
      const found = await semanticCandidates(scope, id, vector, buckets.keys);
      return { candidates: found.length, close: closeByCosine(vector, found, await vectors.lookup(scope, found), minCosine) };
    },
    loadVectors: (scope, ids) => vectors.getComments(scope, ids),
  };
}
