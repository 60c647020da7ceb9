// Ingest API throughput: the real express app on an ephemeral port, a fresh migrated schema in the
// `test` database and a BullMQ queue under a unique prefix; a few concurrent clients POST batches of
// 500 generated comments until 100,000 are sent or 30 s have passed. A 202 means the batch is in
// PostgreSQL and enqueued; both are checked by counting rows and jobs afterwards.
//
// Then a short profile, one batch at a time on the same kind of batches: the request end to end, and
// its parts called directly (body parsing, validation, content hashes, lexical features,
// insertComments, enqueueDetection), so the time of a request can be split.
//
// The HTTP clients run in the same process as the server (2 cores are shared with PostgreSQL and
// Redis); request bodies are serialized before the clock starts, so the clients cost little.
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { commentBatchSchema, commentInputSchema, type CommentInput } from '@chorus/contracts';
import { lexicalFeatures, normalizeText, textFingerprint } from '@chorus/core';
import { createApiKey, insertComments, upsertTenant } from '@chorus/db';
import { createDetectQueue, enqueueDetection } from '@chorus/platform';
import type { LabeledComment } from '../eval/generate-corpus.js';
import { createApp } from '../../services/api/src/app.js';
import { contentHash, toRow } from '../../services/api/src/comment-rows.js';
import { parseOr422 } from '../../services/api/src/validation.js';
import { createTestDb, testPrefix, TEST_REDIS_URL } from '../support/services.js';
import { benchCorpus, commentInputOf, progress, round, summarize, timed, type Summary } from './bench-kit.js';

const BATCH = 500;
const CLIENTS = 4;
const MAX_SECONDS = 30;
const PROFILE_BATCHES = 8;
const TARGET_PER_SECOND = 10_000;

type Part = 'jsonParse' | 'validation' | 'contentHashes' | 'lexicalFeatures' | 'normalizeAndFingerprint' | 'insertComments' | 'enqueueDetection';

export interface IngestResult {
  readonly batchSize: number;
  readonly clients: number;
  readonly commentsAcknowledged: number;
  readonly batches: number;
  readonly seconds: number;
  readonly commentsPerSecond: number;
  readonly targetPerSecond: number;
  readonly targetMet: boolean;
  readonly batchLatencyMs: Summary;
  readonly non202: number;
  /** Answers by status (and error code), warm-up and profile included. */
  readonly statuses: Readonly<Record<string, number>>;
  /** What the app logged at warn or above (e.g. the cause of a 500), by message and error code. */
  readonly serverErrors: Readonly<Record<string, number>>;
  /** Rows in PostgreSQL and jobs waiting in the queue afterwards (warm-up included): both should equal the comments acknowledged. */
  readonly check: { readonly acknowledgedWithWarmup: number; readonly rows: number; readonly jobs: number };
  /** CPU of this Node process (server and clients) per batch during the run. */
  readonly nodeCpuMsPerBatch: number;
  /** One batch at a time: median milliseconds per batch of 500, end to end and by part (parts called directly). */
  readonly profileMsPerBatch: Readonly<Record<Part | 'httpEndToEnd', number>>;
  /** Each part alone with 4 batches in flight, in comments per second. */
  readonly partsConcurrentPerSecond: { readonly insertComments: number; readonly enqueueDetection: number };
}

const batchesOf = <T>(items: readonly T[]): T[][] => Array.from({ length: Math.ceil(items.length / BATCH) }, (_, i) => items.slice(i * BATCH, (i + 1) * BATCH));

/** Runs the ingest benchmark. */
export async function benchIngest(): Promise<IngestResult> {
  const { stored, fresh } = benchCorpus();
  const testDb = await createTestDb('bench_ingest');
  const keys = testPrefix('bench-ingest');
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
  const queue = createDetectQueue(redis, keys.prefix);
  // Errors the app logs (a 500's cause) are tallied by their code, without the comment text.
  const serverErrors: Record<string, number> = {};
  const errorLog = {
    write(line: string) {
      const entry = JSON.parse(line) as { msg?: string; err?: { code?: string; message?: string } };
      const what = `${entry.msg ?? 'error'}: ${entry.err?.code ?? ''} ${(entry.err?.message ?? '').slice(0, 80)}`.trim();
      serverErrors[what] = (serverErrors[what] ?? 0) + 1;
    },
  };
  const app = createApp({ db: testDb.db, queue, redis, logger: pino({ level: 'warn' }, errorLog) });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/comments`;
  try {
    const tenant = await upsertTenant(testDb.db, 'bench');
    const { key } = await createApiKey(testDb.db, tenant.id);
    const statuses: Record<string, number> = {};
    const post = async (body: string): Promise<{ status: number; created: number; ms: number }> => {
      const started = performance.now();
      const res = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body });
      const answer = (await res.json()) as { created?: number; error?: { code?: string } };
      const status = `${res.status}${answer.error?.code ? ` ${answer.error.code}` : ''}`;
      statuses[status] = (statuses[status] ?? 0) + 1;
      return { status: res.status, created: answer.created ?? 0, ms: performance.now() - started };
    };
    const bodies = batchesOf(stored).map((batch) => JSON.stringify({ comments: batch.map((c) => commentInputOf(c)) }));
    // Fresh comments under new ids feed the warm-up and the profile, so every batch inserts new rows.
    // The route's lexicalFeatures caches normalized texts by raw text; `variant` invisible characters
    // (removed by normalization) make each use of the texts new to that cache, as new comments are.
    const freshBatches = (tag: string, variant: number) => batchesOf(fresh.map((c) => ({ ...commentInputOf(c, `${tag}-${c.id}`), text: c.text + '\u200b'.repeat(variant) })));

    progress('ingest: warm-up');
    let warmupAcknowledged = 0;
    for (const batch of freshBatches('warm', 1).slice(0, 2)) warmupAcknowledged += (await post(JSON.stringify({ comments: batch }))).created;

    progress(`ingest: ${CLIENTS} clients posting batches of ${BATCH} (up to ${stored.length} comments or ${MAX_SECONDS} s)`);
    const latencies: number[] = [];
    let acknowledged = 0;
    let non202 = 0;
    let next = 0;
    const run = await timed(async () => {
      const until = performance.now() + MAX_SECONDS * 1000;
      const client = async () => {
        while (next < bodies.length && performance.now() < until) {
          const answer = await post(bodies[next++]);
          latencies.push(answer.ms);
          if (answer.status === 202) acknowledged += answer.created;
          else non202++;
        }
      };
      await Promise.all(Array.from({ length: CLIENTS }, client));
    });

    const rows = await testDb.db.selectFrom('comments').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const jobs = await queue.getJobCountByTypes('waiting', 'delayed', 'prioritized');

    progress('ingest: profile, one batch at a time');
    const profile = await profileParts(post, freshBatches, testDb.db, queue, tenant.id);

    return {
      batchSize: BATCH,
      clients: CLIENTS,
      commentsAcknowledged: acknowledged,
      batches: latencies.length,
      seconds: round(run.elapsed.ms / 1000, 1),
      commentsPerSecond: Math.round(acknowledged / (run.elapsed.ms / 1000)),
      targetPerSecond: TARGET_PER_SECOND,
      targetMet: acknowledged / (run.elapsed.ms / 1000) >= TARGET_PER_SECOND,
      batchLatencyMs: summarize(latencies),
      non202,
      statuses,
      serverErrors,
      check: { acknowledgedWithWarmup: acknowledged + warmupAcknowledged, rows: Number(rows.n), jobs },
      nodeCpuMsPerBatch: round(run.elapsed.cpuMs / Math.max(1, latencies.length), 1),
      ...profile,
    };
  } finally {
    progress('ingest: cleaning up');
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await queue.close();
    await redis.quit();
    await keys.cleanup();
    await testDb.cleanup();
  }
}

type Poster = (body: string) => Promise<{ status: number; created: number; ms: number }>;

async function profileParts(
  post: Poster,
  freshBatches: (tag: string, variant: number) => ReturnType<typeof commentInputOf>[][],
  db: Parameters<typeof insertComments>[0],
  queue: ReturnType<typeof createDetectQueue>,
  tenantId: string,
): Promise<Pick<IngestResult, 'profileMsPerBatch' | 'partsConcurrentPerSecond'>> {
  const httpBatches = freshBatches('http', 2).slice(0, PROFILE_BATCHES);
  const batches = freshBatches('prof', 3).slice(0, PROFILE_BATCHES);
  const samples: Record<Part | 'httpEndToEnd', number[]> = {
    httpEndToEnd: [], jsonParse: [], validation: [], contentHashes: [], lexicalFeatures: [], normalizeAndFingerprint: [], insertComments: [], enqueueDetection: [],
  };
  const time = async <T>(part: keyof typeof samples, fn: () => T | Promise<T>): Promise<T> => {
    const started = performance.now();
    const value = await fn();
    samples[part].push(performance.now() - started);
    return value;
  };
  const inputs: CommentInput[][] = [];
  // Batch by batch, every part in turn, so a burst of load on the machine hits all parts alike.
  for (let k = 0; k < batches.length; k++) {
    const body = JSON.stringify({ comments: batches[k] });
    const httpBody = JSON.stringify({ comments: httpBatches[k] });
    const answer = await time('httpEndToEnd', () => post(httpBody));
    if (answer.status !== 202) throw new Error(`profile batch answered ${answer.status}`);
    const parsed = await time('jsonParse', () => JSON.parse(body) as unknown);
    // As the route's parseBody: the batch shape, then each comment.
    const valid = await time('validation', () => parseOr422(commentBatchSchema, parsed).comments.map((c, i) => parseOr422(commentInputSchema, c, `comments[${i}]`)));
    // The route hashes each comment twice: in parseBody (duplicate ids) and in toRow.
    await time('contentHashes', () => valid.forEach((c) => contentHash(c)));
    // The route computes all lexical features for norm_hash; the fingerprint needs only normalize + hash.
    await time('lexicalFeatures', () => valid.forEach((c) => lexicalFeatures(c.text).hash));
    await time('normalizeAndFingerprint', () => valid.forEach((c) => textFingerprint(normalizeText(c.text))));
    const outcome = await time('insertComments', () => insertComments(db, tenantId, valid.map((c) => toRow(c, contentHash(c), new Date()))));
    if (outcome.kind !== 'stored') throw new Error('profile insert conflicted');
    await time('enqueueDetection', () => enqueueDetection(queue, outcome.refs.map((r) => ({ tenantId, commentId: r.id }))));
    inputs.push(valid);
  }

  // Each part alone with 4 batches in flight: the capacity it would allow.
  const refs: string[][] = [];
  const insertConcurrent = await timed(() =>
    Promise.all(inputs.map(async (batch) => {
      const outcome = await insertComments(db, tenantId, batch.map((c) => toRow({ ...c, id: `inc-${c.id}` }, contentHash(c), new Date())));
      if (outcome.kind === 'stored') refs.push(outcome.refs.map((r) => r.id));
    })),
  );
  const enqueueConcurrent = await timed(() => Promise.all(refs.map((ids) => enqueueDetection(queue, ids.map((commentId) => ({ tenantId, commentId }))))));
  const comments = inputs.reduce((s, b) => s + b.length, 0);
  const median = (part: keyof typeof samples) => round(summarize(samples[part]).p50, 1);
  return {
    profileMsPerBatch: {
      httpEndToEnd: median('httpEndToEnd'),
      jsonParse: median('jsonParse'),
      validation: median('validation'),
      contentHashes: median('contentHashes'),
      lexicalFeatures: median('lexicalFeatures'),
      normalizeAndFingerprint: median('normalizeAndFingerprint'),
      insertComments: median('insertComments'),
      enqueueDetection: median('enqueueDetection'),
    },
    partsConcurrentPerSecond: {
      insertComments: Math.round(comments / (insertConcurrent.elapsed.ms / 1000)),
      enqueueDetection: Math.round(comments / (enqueueConcurrent.elapsed.ms / 1000)),
    },
  };
}
