// The semantic stage's costs: embeddings per second through createSemanticPorts against the model
// alone, what the embedding cache saves when most comments are campaign copies, the per-comment
// candidate lookup at 10,000 and 100,000 stored vectors, and a worker's memory after loading the
// model. Texts come from the benchmark corpus; Redis keys live under one unique prefix, deleted after.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { normalizeText, wordCount } from '@chorus/core';
import { isZeroVector } from '@chorus/embeddings';
import { testEncoder } from '../support/encoder.js';
import { testPrefix, TEST_REDIS_URL } from '../support/services.js';
import { benchCorpus, progress, round, timed } from './bench-kit.js';
import { benchSemanticLookup, type SemanticLookupResult } from './semantic-lookup.js';
import type { ChildReport } from './semantic-memory-child.js';
import { semanticTexts, type SemanticSetup } from './semantic-kit.js';
import { benchCacheEffect, benchStageThroughput, CACHE_ORGANIC, STAGE_TEXTS, TEMPLATES, type CacheEffect, type StageThroughput } from './semantic-throughput.js';

const SETS = 4;

export interface WorkerMemory extends ChildReport {
  /** Wall time of the whole child process, start to exit. */
  readonly processMs: number;
  readonly rssGrowthMb: number;
  readonly heapGrowthMb: number;
}

export interface SemanticResult {
  readonly model: string;
  readonly dimensions: number;
  readonly throughput: StageThroughput;
  readonly cache: CacheEffect;
  readonly lookup: SemanticLookupResult;
  readonly workerMemory: WorkerMemory;
  /** Wall seconds of each part of this benchmark. */
  readonly secondsByPart: Readonly<Record<string, number>>;
}

async function workerMemory(): Promise<WorkerMemory> {
  const child = fileURLToPath(new URL('./semantic-memory-child.ts', import.meta.url));
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const run = await timed(() => promisify(execFile)(process.execPath, ['--expose-gc', '--import', 'tsx', child], { cwd: root, timeout: 60_000 }));
  const report = JSON.parse(run.value.stdout) as ChildReport;
  return {
    ...report,
    processMs: Math.round(run.elapsed.ms),
    rssGrowthMb: round(report.afterLoad.rssMb - report.beforeLoad.rssMb, 1),
    heapGrowthMb: round(report.afterLoad.heapUsedMb - report.beforeLoad.heapUsedMb, 1),
  };
}

/** Runs the semantic benchmark. */
export async function benchSemantic(): Promise<SemanticResult> {
  const texts = semanticTexts(benchCorpus().stored, SETS * STAGE_TEXTS + TEMPLATES, CACHE_ORGANIC);
  const sets = Array.from({ length: SETS }, (_, r) => texts.distinct.slice(r * STAGE_TEXTS, (r + 1) * STAGE_TEXTS));
  const templates = texts.distinct.slice(SETS * STAGE_TEXTS);
  const secondsByPart: Record<string, number> = {};
  const part = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const { value, elapsed } = await timed(fn);
    secondsByPart[name] = round(elapsed.ms / 1000, 1);
    return value;
  };
  progress('semantic: loading the embedding model');
  const { embedder, encoder } = await part('loadModel', testEncoder);
  const keys = testPrefix('bench-semantic');
  const redis = new Redis(TEST_REDIS_URL);
  const setup: SemanticSetup = { redis, prefix: keys.prefix, embedder, encoder };
  try {
    // Warm-up on texts the timed runs embed only later and through the stage (no cache is involved).
    await embedder.embed(texts.organic.slice(0, 500).map((t) => normalizeText(t)));
    progress(`semantic: ${STAGE_TEXTS} distinct texts through the stage and through the model alone`);
    const throughput = await part('throughput', () => benchStageThroughput(setup, sets));
    progress('semantic: the embedding cache on a stream of 60% campaign copies');
    const cache = await part('cache', () => benchCacheEffect(setup, texts.organic, templates));
    const lookup = await part('lookup', async () => {
      const normalized = sets[0].map((t) => normalizeText(t));
      const raw = await embedder.embed(normalized);
      const bases = raw.flatMap((v, i) => (isZeroVector(v) ? [] : [{ vector: encoder.adjust(v), words: wordCount(normalized[i]) }]));
      return benchSemanticLookup(setup, bases);
    });
    progress('semantic: a fresh process loading the model');
    const memory = await part('workerMemory', workerMemory);
    return { model: embedder.modelId, dimensions: embedder.dimensions, throughput, cache, lookup, workerMemory: memory, secondsByPart };
  } finally {
    await redis.quit();
    await keys.cleanup();
  }
}
