// The detector service end to end: a generated corpus of about 3,000 labeled comments is stored
// in a fresh schema and queued, as the ingest API does, and a real detector (the worker process's
// startDetector: BullMQ, Redis buckets, PostgreSQL graph and clusters) scores them all, once on
// lexical evidence alone and once with the default model. Timed from the detector's start until
// every comment is scored; the verdicts are then held against the labels, so a faster detector
// that finds less shows it. One worker process, 4 detect jobs at a time (the default).
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { insertComments, upsertTenant } from '@chorus/db';
import { createDetectQueue, enqueueDetection } from '@chorus/platform';
import { contentHash, toRow } from '../../services/api/src/comment-rows.js';
import { startDetector } from '../../workers/detector/src/detector.js';
import { corpusOptionsForSize, generateCorpus, type LabeledComment } from '../eval/generate-corpus.js';
import { testEncoder } from '../support/encoder.js';
import { testDetectorOptions } from '../support/harness.js';
import { createTestDb, testPrefix, TEST_REDIS_URL } from '../support/services.js';
import { commentInputOf, progress, round } from './bench-kit.js';

const SIZE = 3000;
const SEED = 11;
const CONCURRENCY = 4;
const BATCH = 500;
const POLL_MS = 250;
const GIVE_UP_SECONDS = 900;

export interface DetectorRun {
  readonly comments: number;
  readonly seconds: number;
  readonly commentsPerSecond: number;
  readonly flagged: number;
  /** Against the corpus labels: share of flagged comments that are campaign comments, and of campaign comments flagged. */
  readonly precision: number;
  readonly recall: number;
  readonly organicFalsePositiveRate: number;
}

export interface DetectorResult {
  readonly corpus: { readonly seed: number; readonly comments: number; readonly threads: number };
  readonly concurrency: number;
  readonly lexical: DetectorRun;
  readonly withModel: DetectorRun & { readonly model: string };
}

async function runOnce(label: string, corpus: readonly LabeledComment[], semantic: boolean): Promise<DetectorRun> {
  const testDb = await createTestDb(`bench_detector_${label}`);
  const keys = testPrefix(`bench-detector-${label}`);
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
  const queue = createDetectQueue(redis, keys.prefix);
  const loaded = semantic ? await testEncoder() : undefined;
  let detector: ReturnType<typeof startDetector> | undefined;
  try {
    const tenant = await upsertTenant(testDb.db, 'bench');
    progress(`detector (${label}): storing and queueing ${corpus.length} comments`);
    const receivedAt = new Date();
    for (let i = 0; i < corpus.length; i += BATCH) {
      const inputs = corpus.slice(i, i + BATCH).map((c) => commentInputOf(c));
      const outcome = await insertComments(testDb.db, tenant.id, inputs.map((c) => toRow(c, contentHash(c), receivedAt)));
      if (outcome.kind !== 'stored') throw new Error('detector bench: the corpus has conflicting ids');
      await enqueueDetection(queue, outcome.created.map((r) => ({ tenantId: tenant.id, commentId: r.id })));
    }
    progress(`detector (${label}): scoring`);
    const started = performance.now();
    const defaults = testDetectorOptions(testDb.db, keys.prefix, loaded);
    // As a deployment runs it: a year of bucket retention, the embed worker's default batching.
    detector = startDetector({
      ...defaults,
      concurrency: CONCURRENCY,
      retentionDays: 365,
      semantic: defaults.semantic && { ...defaults.semantic, batchSize: 32, concurrency: 64 },
    });
    for (;;) {
      const { n } = await testDb.db.selectFrom('comments').select((eb) => eb.fn.countAll<string>().as('n')).where('status', '=', 'pending').executeTakeFirstOrThrow();
      if (Number(n) === 0) break;
      if ((performance.now() - started) / 1000 > GIVE_UP_SECONDS) throw new Error(`detector bench: ${n} comments still pending after ${GIVE_UP_SECONDS} s`);
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    const seconds = (performance.now() - started) / 1000;
    const rows = await testDb.db.selectFrom('comments').leftJoin('clusters', 'clusters.id', 'comments.cluster_id').select(['comments.external_id', 'clusters.verdict']).execute();
    const labelOf = new Map(corpus.map((c) => [c.id, c.label]));
    const flaggedIds = rows.filter((r) => r.verdict !== null && r.verdict !== 'clean').map((r) => r.external_id);
    const campaign = corpus.filter((c) => c.label !== 'organic').length;
    const truePositives = flaggedIds.filter((id) => labelOf.get(id) !== 'organic').length;
    const organicFlagged = flaggedIds.length - truePositives;
    return {
      comments: corpus.length,
      seconds: round(seconds, 1),
      commentsPerSecond: Math.round(corpus.length / seconds),
      flagged: flaggedIds.length,
      precision: round(truePositives / Math.max(flaggedIds.length, 1), 3),
      recall: round(truePositives / Math.max(campaign, 1), 3),
      organicFalsePositiveRate: round(organicFlagged / Math.max(corpus.length - campaign, 1), 4),
    };
  } finally {
    await detector?.close();
    await queue.close();
    redis.disconnect();
    await keys.cleanup();
    await testDb.cleanup();
  }
}

/** Runs the detector benchmark: lexical evidence alone, then with the default model. */
export async function benchDetector(): Promise<DetectorResult> {
  const corpus = generateCorpus(corpusOptionsForSize(SIZE, SEED));
  const lexical = await runOnce('lexical', corpus, false);
  const withModel = await runOnce('model', corpus, true);
  return {
    corpus: { seed: SEED, comments: corpus.length, threads: new Set(corpus.map((c) => c.thread_id)).size },
    concurrency: CONCURRENCY,
    lexical,
    withModel: { ...withModel, model: (await testEncoder()).encoder.modelId },
  };
}
