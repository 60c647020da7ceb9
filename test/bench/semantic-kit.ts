// Shared by the semantic benchmark's parts: the texts it embeds, the stage wired as the detector
// wires it (one Redis connection, batch 32, wait 10 ms), a counting embedder, a bounded-concurrency
// runner standing in for BullMQ's jobs in hand, and seeded Gaussian noise.
import { performance } from 'node:perf_hooks';
import type { Redis } from 'ioredis';
import { normalizeText, type CommentRecord } from '@chorus/core';
import type { Embedder, SentenceEncoder } from '@chorus/embeddings';
import { RedisBucketIndex } from '../../workers/detector/src/redis-bucket-index.js';
import { RedisVectors } from '../../workers/detector/src/redis-vectors.js';
import { createSemanticPorts } from '../../workers/detector/src/service-semantic-ports.js';
import { Random } from '../eval/corpus/prng.js';
import type { LabeledComment } from '../eval/generate-corpus.js';

/** The detector's defaults (EMBED_BATCH_SIZE, EMBED_BATCH_WAIT_MS, LSH_BUCKET_CAP, max(EMBED_CONCURRENCY, batch)). */
export const BATCH_SIZE = 32;
export const BATCH_WAIT_MS = 10;
export const BUCKET_CAP = 32;
export const JOBS_IN_HAND = 64;
export const TTL_SECONDS = 3600;

export interface SemanticSetup {
  readonly redis: Redis;
  /** Unique per benchmark run; every key written lives under it. */
  readonly prefix: string;
  readonly embedder: Embedder;
  readonly encoder: SentenceEncoder;
}

let stages = 0;

/** createSemanticPorts as startDetector calls it, under a fresh key prefix (so an empty embedding cache), and that prefix. */
export function semanticStage(setup: SemanticSetup, embedder: Embedder = setup.embedder, encoder: SentenceEncoder = setup.encoder) {
  // The detector's layout: RedisVectors under the queue prefix, semantic buckets under `<prefix>:slsh`.
  const prefix = `${setup.prefix}:stage${stages++}`;
  const vectors = new RedisVectors(setup.redis, prefix);
  const index = new RedisBucketIndex(setup.redis, { prefix: `${prefix}:slsh`, bucketCap: BUCKET_CAP, retentionSeconds: TTL_SECONDS });
  const ports = createSemanticPorts(embedder, encoder, vectors, index, { batchSize: BATCH_SIZE, batchWaitMs: BATCH_WAIT_MS, windowSeconds: TTL_SECONDS, cacheTtlSeconds: TTL_SECONDS });
  return { ports, prefix };
}

export function record(text: string, id: number, scope = 'bench'): CommentRecord {
  return { id: String(id), externalId: `e${id}`, scope, threadId: 't', parentId: null, authorId: null, postedAt: null, text };
}

export interface Meter {
  /** Model calls (MicroBatcher flushes) and the texts in them. */
  batches: number;
  texts: number;
  /** Wall time during which at least one model call was running. */
  busyMs: number;
  /** Most model calls running at once. */
  maxConcurrent: number;
}

/** Wraps an embedder to count its calls and the wall time they cover. */
export function metered(inner: Embedder): { embedder: Embedder; meter: Meter } {
  const meter: Meter = { batches: 0, texts: 0, busyMs: 0, maxConcurrent: 0 };
  let active = 0;
  let since = 0;
  const embedder: Embedder = {
    modelId: inner.modelId,
    dimensions: inner.dimensions,
    get inferenceCalls() {
      return inner.inferenceCalls;
    },
    async embed(texts) {
      if (active++ === 0) since = performance.now();
      meter.maxConcurrent = Math.max(meter.maxConcurrent, active);
      try {
        return await inner.embed(texts);
      } finally {
        meter.batches++;
        meter.texts += texts.length;
        if (--active === 0) meter.busyMs += performance.now() - since;
      }
    },
  };
  return { embedder, meter };
}

/** Runs fn over items with at most `concurrency` in flight, in order of start. */
export async function inFlight<T>(items: readonly T[], concurrency: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export interface SemanticTexts {
  /** Texts whose normalized forms all differ, in posting order, organic and campaign alike. */
  readonly distinct: readonly string[];
  /** Distinct organic texts not in `distinct`. */
  readonly organic: readonly string[];
}

/** Splits the corpus into disjoint sets of texts whose normalized forms are all different. */
export function semanticTexts(comments: readonly LabeledComment[], distinctCount: number, organicCount: number): SemanticTexts {
  const seen = new Set<string>();
  const distinct: string[] = [];
  const organic: string[] = [];
  for (const c of comments) {
    if (distinct.length >= distinctCount && organic.length >= organicCount) break;
    const normalized = normalizeText(c.text);
    if (seen.has(normalized)) continue;
    seen.add(normalized);
    if (distinct.length < distinctCount) distinct.push(c.text);
    else if (c.label === 'organic' && organic.length < organicCount) organic.push(c.text);
  }
  if (distinct.length < distinctCount || organic.length < organicCount) throw new Error('the corpus has too few distinct texts');
  return { distinct, organic };
}

/** Standard normal samples from a seeded generator (Box-Muller). */
export function gaussianSource(seed: number): () => number {
  const r = new Random(seed);
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    const radius = Math.sqrt(-2 * Math.log(1 - r.next()));
    const theta = 2 * Math.PI * r.next();
    spare = radius * Math.sin(theta);
    return radius * Math.cos(theta);
  };
}
