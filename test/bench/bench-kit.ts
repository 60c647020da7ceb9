// Shared by the benchmark scripts: the corpus (generated once per process), timing and summary
// statistics, and an in-memory LSH band index with the same add-then-query contract as the Redis one.
import { performance } from 'node:perf_hooks';
import { lexicalFeatures, type LexicalFeatures } from '@chorus/core';
import { corpusOptionsForSize, generateCorpus, type LabeledComment } from '../eval/generate-corpus.js';

export const STORED_SIZE = 100_000;

/** A generated comment as a publisher sends it to POST /v1/comments (under `id`, its own by default). */
export const commentInputOf = (c: LabeledComment, id = c.id) => ({
  id,
  thread_id: c.thread_id,
  parent_id: c.parent_id,
  author_id: c.author_id,
  author_name: c.author_id,
  text: c.text,
  posted_at: c.posted_at,
});
const FRESH_EVERY = 25;

export interface BenchCorpus {
  /** 100,000 comments in posting order: what is already stored. */
  readonly stored: readonly LabeledComment[];
  /** About 4,000 comments held out of the same stream (every 25th): "new" comments to look up. */
  readonly fresh: readonly LabeledComment[];
}

let corpus: BenchCorpus | undefined;

/** The benchmark corpus: generated once (seed 1), then split into stored and fresh comments. */
export function benchCorpus(): BenchCorpus {
  if (corpus) return corpus;
  for (let size = STORED_SIZE * 1.06; ; size *= 1.05) {
    const all = generateCorpus(corpusOptionsForSize(Math.round(size)));
    const stored: LabeledComment[] = [];
    const fresh: LabeledComment[] = [];
    all.forEach((c, i) => (i % FRESH_EVERY === FRESH_EVERY - 1 ? fresh : stored).push(c));
    if (stored.length >= STORED_SIZE) {
      corpus = { stored: stored.slice(0, STORED_SIZE), fresh };
      return corpus;
    }
  }
}

const featureCache = new Map<string, readonly LexicalFeatures[]>();

/** Lexical features of a corpus part, computed once per process (untimed unless a bench remembers its own timed run). */
export function featuresOf(name: 'stored' | 'fresh', comments: readonly LabeledComment[]): readonly LexicalFeatures[] {
  let features = featureCache.get(name);
  if (!features || features.length !== comments.length) {
    features = comments.map((c) => lexicalFeatures(c.text));
    featureCache.set(name, features);
  }
  return features;
}

export function rememberFeatures(name: 'stored' | 'fresh', features: readonly LexicalFeatures[]): void {
  featureCache.set(name, features);
}

export interface Summary {
  readonly n: number;
  readonly mean: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

/** Mean and nearest-rank percentiles. */
export function summarize(values: readonly number[]): Summary {
  const sorted = Float64Array.from(values).sort();
  const at = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] : 0);
  const mean = sorted.length ? sorted.reduce((s, v) => s + v, 0) / sorted.length : 0;
  return { n: sorted.length, mean: round(mean), p50: round(at(0.5)), p95: round(at(0.95)), p99: round(at(0.99)), max: round(at(1)) };
}

/** Round-trip time of `count` sequential Redis PINGs, in microseconds: the floor under any lookup. */
export async function pingLatencyUs(redis: { ping(): Promise<unknown> }, count: number): Promise<Summary> {
  const pings: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await redis.ping();
    pings.push((performance.now() - started) * 1000);
  }
  return summarize(pings);
}

/** How per-lookup latency grows from the small to the large corpus (mean, p50, p95), against the ≤ max target on the mean. */
export function growthRatios(small: { latencyUs: Summary }, large: { latencyUs: Summary }, max: number) {
  const ratio = (f: (s: Summary) => number) => round(f(large.latencyUs) / f(small.latencyUs), 2);
  return {
    ratioMean: ratio((s) => s.mean),
    ratioP50: ratio((s) => s.p50),
    ratioP95: ratio((s) => s.p95),
    maxRatio: max,
    ratioOk: large.latencyUs.mean / small.latencyUs.mean <= max,
  };
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export interface Elapsed {
  /** Wall-clock milliseconds. */
  readonly ms: number;
  /** CPU milliseconds of this process (user + system), less sensitive to other load on the machine. */
  readonly cpuMs: number;
}

/** Runs fn and reports wall and CPU time. */
export async function timed<T>(fn: () => T | Promise<T>): Promise<{ value: T; elapsed: Elapsed }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await fn();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { value, elapsed: { ms, cpuMs: (used.user + used.system) / 1000 } };
}

/** Progress goes to stderr, so stdout holds only the results. */
export function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/**
 * LSH band buckets in a Map, with the contract of RedisBucketIndex.addAndQuery: returns the ids
 * already under any of the keys (each once), then puts the id at the head of every bucket, keeping
 * the `cap` most recent.
 */
export class MemoryBandIndex {
  private readonly buckets = new Map<string, number[]>();
  private seen = new Uint32Array(1024);
  private stamp = 0;
  /** Bucket entries read by the queries so far (before de-duplication). */
  scanned = 0;

  constructor(private readonly cap = 32) {}

  get bucketCount(): number {
    return this.buckets.size;
  }

  bucketKeys(): IterableIterator<string> {
    return this.buckets.keys();
  }

  addAndQuery(id: number, keys: readonly string[]): number[] {
    const found = this.query(keys, id);
    this.add(id, keys);
    return found;
  }

  query(keys: readonly string[], exclude = -1): number[] {
    if (++this.stamp === 0xffffffff) {
      this.seen.fill(0);
      this.stamp = 1;
    }
    const out: number[] = [];
    for (const key of keys) {
      const bucket = this.buckets.get(key);
      if (!bucket) continue;
      this.scanned += bucket.length;
      for (const m of bucket) {
        if (m === exclude) continue;
        if (m >= this.seen.length) this.grow(m);
        if (this.seen[m] === this.stamp) continue;
        this.seen[m] = this.stamp;
        out.push(m);
      }
    }
    return out;
  }

  add(id: number, keys: readonly string[]): void {
    for (const key of keys) {
      const bucket = this.buckets.get(key);
      if (!bucket) {
        this.buckets.set(key, [id]);
        continue;
      }
      const at = bucket.indexOf(id);
      if (at >= 0) bucket.splice(at, 1);
      bucket.unshift(id);
      if (bucket.length > this.cap) bucket.length = this.cap;
    }
  }

  private grow(id: number): void {
    const next = new Uint32Array(Math.max(id + 1, this.seen.length * 2));
    next.set(this.seen);
    this.seen = next;
  }
}
