// Per-comment candidate lookup through the real Redis index (RedisBucketIndex.addAndQuery, under the
// `<prefix>:lsh` prefix the detector gives its lexical bands) with 10,000 and with 100,000 comments
// already stored: the lookup must stay flat as the corpus grows (ratio 100k / 10k <= 1.5), since
// buckets are capped.
//
// The index is pre-filled in bulk by a script that writes the layout RedisBucketIndex's own script
// writes (one list per band key, newest first, capped, expiring); every measured lookup is checked
// against an in-memory model filled the same way, so a drift in the key layout shows up as
// `modelAgreement` < 1. Lookups are timed one at a time (one in flight), after a warm-up.
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import type { LexicalFeatures } from '@chorus/core';
import { RedisBucketIndex } from '../../workers/detector/src/redis-bucket-index.js';
import { testPrefix, TEST_REDIS_URL } from '../support/services.js';
import { benchCorpus, featuresOf, growthRatios, MemoryBandIndex, pingLatencyUs, progress, round, summarize, timed, type Summary } from './bench-kit.js';

const BUCKET_CAP = 32;
const RETENTION_SECONDS = 3600;
const SMALL = 10_000;
const LOOKUPS = 2_000;
const WARMUP = 100;
const BLOCK = 100;
const FILL_CHUNK = 100;
const FILL_WAVE = 16;
const MAX_RATIO = 1.5;

const FILL = `
local cap = tonumber(ARGV[1])
local ttl = tonumber(ARGV[2])
local k = 1
for j = 3, #ARGV, 2 do
  local id = ARGV[j]
  for _ = 1, tonumber(ARGV[j + 1]) do
    local len = redis.call('LPUSH', KEYS[k], id)
    if len == 1 then redis.call('EXPIRE', KEYS[k], ttl) elseif len > cap then redis.call('LTRIM', KEYS[k], 0, cap - 1) end
    k = k + 1
  end
end
return k - 1
`;

interface SizeResult {
  readonly stored: number;
  readonly lookups: number;
  readonly latencyUs: Summary;
  readonly candidatesPerLookup: number;
  /** Share of lookups whose candidates equal the in-memory model's. */
  readonly modelAgreement: number;
  /** Redis-side time per lookup script (INFO commandstats), or null when other clients ran scripts meanwhile. */
  readonly redisScriptUs: number | null;
  /** Lookups in blocks during which no other client ran a script (the base of redisScriptUs). */
  readonly redisScriptSampledLookups: number;
}

export interface CandidateLookupResult {
  readonly bucketCap: number;
  readonly at10k: SizeResult;
  readonly at100k: SizeResult;
  readonly ratioMean: number;
  readonly ratioP50: number;
  readonly ratioP95: number;
  readonly maxRatio: number;
  readonly ratioOk: boolean;
  readonly fill: { readonly comments: number; readonly seconds: number; readonly commentsPerSecond: number };
  /** Round trip of a PING on the same connection: the floor of any lookup. */
  readonly pingUs: Summary;
  readonly redisKeys: number;
  /** used_memory growth over the 100k fill, per stored comment (approximate: other clients share this Redis). */
  readonly redisBytesPerComment: number;
}

// The key RedisBucketIndex builds: `${prefix}:{${scope}}:${key}`.
const lshKey = (indexPrefix: string, scope: string, key: string) => `${indexPrefix}:{${scope}}:${key}`;

// Calls and microseconds of EVAL/EVALSHA so far, from INFO commandstats.
async function scriptStats(redis: Redis): Promise<{ calls: number; usec: number }> {
  const info = await redis.info('commandstats');
  let calls = 0;
  let usec = 0;
  for (const m of info.matchAll(/cmdstat_(?:eval|evalsha):calls=(\d+),usec=(\d+)/g)) {
    calls += Number(m[1]);
    usec += Number(m[2]);
  }
  return { calls, usec };
}

async function usedMemory(redis: Redis): Promise<number> {
  const info = await redis.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? 0);
}

interface Scope {
  readonly name: string;
  readonly stored: number;
  readonly model: MemoryBandIndex;
  readonly latencies: number[];
  candidates: number;
  agree: number;
  scriptCalls: number;
  scriptUsec: number;
}

/**
 * Runs the candidate-lookup benchmark. The two sizes live side by side in two tenant scopes (10,000
 * and 100,000 stored comments), and the same new comments are looked up in both, in alternating
 * blocks: a burst of load from other processes on this shared machine then hits both sizes alike.
 */
export async function benchCandidateLookup(): Promise<CandidateLookupResult> {
  const { stored, fresh } = benchCorpus();
  const storedFeats = featuresOf('stored', stored);
  const freshFeats = featuresOf('fresh', fresh);
  const keys = testPrefix('bench-lookup');
  const redis = new Redis(TEST_REDIS_URL);
  redis.defineCommand('benchLshFill', { lua: FILL });
  const indexPrefix = `${keys.prefix}:lsh`;
  const index = new RedisBucketIndex(redis, { prefix: indexPrefix, bucketCap: BUCKET_CAP, retentionSeconds: RETENTION_SECONDS });
  const fillCall = (redis as unknown as Record<string, (...args: (string | number)[]) => Promise<number>>).benchLshFill;
  const scope = (name: string, size: number): Scope => ({ name, stored: size, model: new MemoryBandIndex(BUCKET_CAP), latencies: [], candidates: 0, agree: 0, scriptCalls: 0, scriptUsec: 0 });
  const small = scope('bench-10k', SMALL);
  const large = scope('bench-100k', stored.length);

  const fill = async (s: Scope): Promise<void> => {
    let wave: Promise<number>[] = [];
    for (let start = 0; start < s.stored; start += FILL_CHUNK) {
      const ids: (string | number)[] = [];
      const chunkKeys: string[] = [];
      for (let i = start; i < Math.min(s.stored, start + FILL_CHUNK); i++) {
        const bands = storedFeats[i].bandKeys;
        s.model.add(i, bands);
        for (const b of bands) chunkKeys.push(lshKey(indexPrefix, s.name, b));
        ids.push(String(i), bands.length);
      }
      // One connection runs the chunks in the order sent, so bucket order matches the model's.
      wave.push(fillCall.call(redis, chunkKeys.length, ...chunkKeys, BUCKET_CAP, RETENTION_SECONDS, ...ids));
      if (wave.length >= FILL_WAVE) {
        await Promise.all(wave);
        wave = [];
      }
    }
    await Promise.all(wave);
  };

  const idOf = (k: number) => stored.length + k;
  const lookup = async (s: Scope, k: number, record: boolean): Promise<void> => {
    const f: LexicalFeatures = freshFeats[k];
    const started = performance.now();
    const found = await index.addAndQuery(s.name, String(idOf(k)), f.bandKeys);
    const us = (performance.now() - started) * 1000;
    const expected = s.model.addAndQuery(idOf(k), f.bandKeys);
    if (!record) return;
    s.latencies.push(us);
    s.candidates += found.length;
    const got = new Set(found.map(Number));
    if (got.size === expected.length && expected.every((id) => got.has(id))) s.agree++;
  };
  const block = async (s: Scope, ks: readonly number[]): Promise<void> => {
    const before = await scriptStats(redis);
    for (const k of ks) await lookup(s, k, true);
    const after = await scriptStats(redis);
    // INFO is not a script: any other script call in between means another client ran one.
    if (after.calls - before.calls === ks.length) {
      s.scriptCalls += ks.length;
      s.scriptUsec += after.usec - before.usec;
    }
  };
  const result = (s: Scope): SizeResult => ({
    stored: s.stored,
    lookups: s.latencies.length,
    latencyUs: summarize(s.latencies),
    candidatesPerLookup: round(s.candidates / s.latencies.length),
    modelAgreement: round(s.agree / s.latencies.length, 4),
    redisScriptUs: s.scriptCalls >= s.latencies.length / 4 ? round(s.scriptUsec / s.scriptCalls) : null,
    redisScriptSampledLookups: s.scriptCalls,
  });

  try {
    progress(`candidate-lookup: filling Redis with ${SMALL} comments (scope 1)`);
    await fill(small);
    const memoryBefore = await usedMemory(redis);
    progress(`candidate-lookup: filling Redis with ${stored.length} comments (scope 2)`);
    const fillLarge = await timed(() => fill(large));
    const memoryAfter = await usedMemory(redis);
    const ks = fresh.map((_, k) => k).slice(0, WARMUP + LOOKUPS);
    for (const k of ks.slice(0, WARMUP)) {
      await lookup(small, k, false);
      await lookup(large, k, false);
    }
    progress(`candidate-lookup: ${ks.length - WARMUP} lookups at each size, alternating blocks of ${BLOCK}`);
    for (let b = WARMUP, n = 0; b < ks.length; b += BLOCK, n++) {
      const part = ks.slice(b, b + BLOCK);
      const [first, second] = n % 2 === 0 ? [small, large] : [large, small];
      await block(first, part);
      await block(second, part);
    }
    const pingUs = await pingLatencyUs(redis, 500);
    const at10k = result(small);
    const at100k = result(large);
    return {
      bucketCap: BUCKET_CAP,
      at10k,
      at100k,
      ...growthRatios(at10k, at100k, MAX_RATIO),
      fill: { comments: stored.length, seconds: round(fillLarge.elapsed.ms / 1000, 1), commentsPerSecond: Math.round(stored.length / (fillLarge.elapsed.ms / 1000)) },
      pingUs,
      redisKeys: large.model.bucketCount,
      redisBytesPerComment: Math.round((memoryAfter - memoryBefore) / stored.length),
    };
  } finally {
    progress('candidate-lookup: deleting the bench keys');
    await redis.quit();
    await keys.cleanup();
  }
}
