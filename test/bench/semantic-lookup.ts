// Per-comment semantic lookup with 10,000 and with 100,000 vectors already stored: what linkSemantic
// does once the vector is known, through the stage's own ports: hyperplane keys (40 tables x 10
// bits), semanticCandidates (SET of the vector, then RedisBucketIndex.addAndQuery, cap 32),
// loadVectors (MGET of the candidates' vectors) and exact cosine verification. Not included:
// ports.loadComments of the candidates (PostgreSQL), which linkSemantic also waits for.
//
// Stored vectors are real model output reused: the comparable vectors of 5,000 embedded corpus texts
// (the bases), each stored vector a random base plus Gaussian noise (sigma 0.07 per dimension, about
// cos 0.82 to its base, 0.67 between two copies, so few edges), re-normalized. As in linkSemantic, a
// vector goes into the buckets only when its text has at least 15 words; shorter ones are stored only.
// The index is filled in bulk with pipelines, writing the layout the ports read (one list per bucket,
// newest first, capped); every timed lookup is checked against an in-memory model of the buckets.
import { performance } from 'node:perf_hooks';
import { cosine, DEFAULT_SEMANTIC } from '@chorus/core';
import { l2NormalizeInPlace } from '@chorus/embeddings';
import { Random } from '../eval/corpus/prng.js';
import { growthRatios, MemoryBandIndex, pingLatencyUs, progress, round, summarize, timed, type Summary } from './bench-kit.js';
import { BUCKET_CAP, gaussianSource, semanticStage, TTL_SECONDS, type SemanticSetup } from './semantic-kit.js';

const SMALL = 10_000;
const LARGE = 100_000;
const LOOKUPS = 1_000;
const WARMUP = 100;
const BLOCK = 100;
const NOISE_SIGMA = 0.07;
const MAX_RATIO = 1.5;
const FRESH_ID = 10_000_000;
const PIPELINE_COMMANDS = 2_000;
/** The lowest semantic threshold (texts of up to 40 words). */
const THRESHOLD = DEFAULT_SEMANTIC.thresholds[0][1];

export interface Base {
  readonly vector: Float32Array;
  readonly words: number;
}

export interface LookupSize {
  readonly stored: number;
  /** Stored vectors that are in the buckets (text of at least 15 words). */
  readonly indexed: number;
  readonly lookups: number;
  readonly latencyUs: Summary;
  /** Mean microseconds per lookup of each step. */
  readonly partsUs: { readonly keys: number; readonly candidates: number; readonly loadVectors: number; readonly verify: number };
  readonly candidatesPerLookup: number;
  readonly edgesPerLookup: number;
  /** Share of lookups whose candidates equal the in-memory model's. */
  readonly modelAgreement: number;
  /** Share of candidates whose vector loadVectors found. */
  readonly vectorsFound: number;
}

export interface SemanticLookupResult {
  readonly vectors: string;
  readonly bases: number;
  readonly meanCosineToBase: number;
  readonly bucketCap: number;
  /** Hyperplane tables: a lookup reads at most tables x bucketCap ids. */
  readonly tables: number;
  readonly at10k: LookupSize;
  readonly at100k: LookupSize;
  readonly ratioMean: number;
  readonly ratioP50: number;
  readonly ratioP95: number;
  readonly maxRatio: number;
  readonly ratioOk: boolean;
  readonly fill: { readonly vectors: number; readonly seconds: number; readonly keysSeconds: number };
  readonly pingUs: Summary;
}

interface Scope {
  readonly name: string;
  readonly stored: number;
  readonly model: MemoryBandIndex;
  indexed: number;
  readonly latencies: number[];
  readonly parts: { keys: number; candidates: number; loadVectors: number; verify: number };
  candidates: number;
  edges: number;
  agree: number;
  found: number;
}

const toBuffer = (v: Float32Array) => Buffer.from(v.buffer, v.byteOffset, v.byteLength);

/** Part 3: `bases` are comparable vectors of embedded corpus texts with their word counts. Its keys lie under the setup's prefix, which the caller deletes. */
export async function benchSemanticLookup(setup: SemanticSetup, bases: readonly Base[]): Promise<SemanticLookupResult> {
  const { redis } = setup;
  const { ports, prefix } = semanticStage(setup);
  // The keys RedisVectors and RedisBucketIndex build.
  const vecKey = (scope: string, id: string) => `${prefix}:vec:{${scope}}:${id}`;
  const bucketKey = (scope: string, key: string) => `${prefix}:slsh:{${scope}}:${key}`;
  const gauss = gaussianSource(0x5e1a);
  let cosSum = 0;
  const perturbed = (base: Base): Float32Array => {
    const v = Float32Array.from(base.vector, (x) => x + NOISE_SIGMA * gauss());
    l2NormalizeInPlace(v);
    cosSum += cosine(v, base.vector);
    return v;
  };
  const r = new Random(0xba5e);
  const storedBases = Array.from({ length: LARGE }, () => r.pick(bases));
  const stored = storedBases.map(perturbed);
  const meanCosineToBase = round(cosSum / LARGE, 3);
  const long = bases.filter((b) => b.words >= DEFAULT_SEMANTIC.minWords);
  const fresh = Array.from({ length: WARMUP + LOOKUPS }, () => perturbed(r.pick(long)));

  progress(`semantic: hyperplane keys of ${LARGE} stored vectors`);
  const keysRun = await timed(() => stored.map((v, i) => (storedBases[i].words >= DEFAULT_SEMANTIC.minWords ? ports.lsh.keys(v) : [])));
  const keys = keysRun.value;
  const scope = (name: string, size: number): Scope => ({ name, stored: size, model: new MemoryBandIndex(BUCKET_CAP), indexed: 0, latencies: [], parts: { keys: 0, candidates: 0, loadVectors: 0, verify: 0 }, candidates: 0, edges: 0, agree: 0, found: 0 });
  const small = scope('bench-10k', SMALL);
  const large = scope('bench-100k', LARGE);

  const fill = async (s: Scope): Promise<void> => {
    for (let i = 0; i < s.stored; i++) {
      s.model.add(i, keys[i]);
      if (keys[i].length) s.indexed++;
    }
    let pipeline = redis.pipeline();
    let waves: Promise<unknown>[] = [];
    const send = async (force: boolean) => {
      if (pipeline.length >= PIPELINE_COMMANDS || (force && pipeline.length)) {
        waves.push(pipeline.exec().then((replies) => replies?.forEach(([err]) => { if (err) throw err; })));
        pipeline = redis.pipeline();
      }
      if (waves.length >= 8 || force) {
        await Promise.all(waves);
        waves = [];
      }
    };
    for (let i = 0; i < s.stored; i++) {
      pipeline.set(vecKey(s.name, String(i)), toBuffer(stored[i]), 'EX', TTL_SECONDS);
      await send(false);
    }
    for (const key of [...s.model.bucketKeys()]) {
      // query([key]) reads one bucket, newest first: RPUSH keeps that order, as the ports' LPUSH does.
      pipeline.rpush(bucketKey(s.name, key), ...s.model.query([key]).map(String));
      pipeline.expire(bucketKey(s.name, key), TTL_SECONDS);
      await send(false);
    }
    await send(true);
  };

  const lookup = async (s: Scope, k: number, record: boolean): Promise<void> => {
    const vector = fresh[k];
    const id = String(FRESH_ID + k);
    const t0 = performance.now();
    const bucketKeys = ports.lsh.keys(vector);
    const t1 = performance.now();
    const found = (await ports.semanticCandidates(s.name, id, vector, bucketKeys)).filter((c) => c !== id);
    const t2 = performance.now();
    const vectors = await ports.loadVectors(s.name, found);
    const t3 = performance.now();
    let edges = 0;
    for (const c of found) {
      const theirs = vectors.get(c);
      if (theirs && cosine(vector, theirs) >= THRESHOLD) edges++;
    }
    const t4 = performance.now();
    const expected = s.model.addAndQuery(FRESH_ID + k, bucketKeys);
    if (!record) return;
    s.latencies.push((t4 - t0) * 1000);
    s.parts.keys += (t1 - t0) * 1000;
    s.parts.candidates += (t2 - t1) * 1000;
    s.parts.loadVectors += (t3 - t2) * 1000;
    s.parts.verify += (t4 - t3) * 1000;
    s.candidates += found.length;
    s.found += vectors.size;
    s.edges += edges;
    const got = new Set(found.map(Number));
    if (got.size === expected.length && expected.every((e) => got.has(e))) s.agree++;
  };

  const result = (s: Scope): LookupSize => {
    const n = s.latencies.length;
    const mean = (x: number) => round(x / n, 1);
    return {
      stored: s.stored,
      indexed: s.indexed,
      lookups: n,
      latencyUs: summarize(s.latencies),
      partsUs: { keys: mean(s.parts.keys), candidates: mean(s.parts.candidates), loadVectors: mean(s.parts.loadVectors), verify: mean(s.parts.verify) },
      candidatesPerLookup: round(s.candidates / n, 1),
      edgesPerLookup: round(s.edges / n, 2),
      modelAgreement: round(s.agree / n, 4),
      vectorsFound: round(s.found / Math.max(1, s.candidates), 4),
    };
  };

  progress(`semantic: storing ${SMALL} + ${LARGE} vectors and their buckets`);
  await fill(small);
  const fillLarge = await timed(() => fill(large));
  for (let k = 0; k < WARMUP; k++) {
    await lookup(small, k, false);
    await lookup(large, k, false);
  }
  progress(`semantic: ${LOOKUPS} lookups at each size, alternating blocks of ${BLOCK}`);
  for (let b = WARMUP, n = 0; b < fresh.length; b += BLOCK, n++) {
    const [first, second] = n % 2 === 0 ? [small, large] : [large, small];
    for (let k = b; k < b + BLOCK; k++) await lookup(first, k, true);
    for (let k = b; k < b + BLOCK; k++) await lookup(second, k, true);
  }
  const pingUs = await pingLatencyUs(redis, 300);
  const at10k = result(small);
  const at100k = result(large);
  return {
    vectors: `${bases.length} embedded corpus texts (bases), each stored vector a random base + N(0, ${NOISE_SIGMA}^2) per dimension, re-normalized`,
    bases: bases.length,
    meanCosineToBase,
    bucketCap: BUCKET_CAP,
    tables: ports.lsh.params.tables,
    at10k,
    at100k,
    ...growthRatios(at10k, at100k, MAX_RATIO),
    fill: { vectors: LARGE, seconds: round(fillLarge.elapsed.ms / 1000, 1), keysSeconds: round(keysRun.elapsed.ms / 1000, 1) },
    pingUs,
  };
}
