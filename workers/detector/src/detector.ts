import { Worker, type Job } from 'bullmq';
import { QUEUES, type StageJob } from '@chorus/contracts';
import type { Db } from '@chorus/db';
import type { Embedder, SentenceEncoder } from '@chorus/embeddings';
import { createDetectQueue, createEmbedQueue, createRedis, SHARED_METRICS, SharedMetricsRecorder, TimeoutError, withTimeout, type Logger } from '@chorus/platform';
import { createWebhookQueue, type DeliveryRetries } from '@chorus/webhooks';
import { createDecisionEvents } from './decision-events.js';
import { createDetectProcessor, createEmbedProcessor } from './processors/detect-processor.js';
import { RedisBucketIndex } from './redis-bucket-index.js';
import { RedisVectors } from './redis-vectors.js';
import { createSemanticPorts } from './service-semantic-ports.js';
import { createServicePorts } from './service-ports.js';
import { markingFinalFailures } from './job-failures.js';
import { StatisticsKeeper } from './statistics-keeper.js';
import { Sweeper } from './sweeper.js';

/** How long closing a queue or a Redis connection may take before it is dropped. */
const CLOSE_WAIT_MS = 2000;

/** Default of DetectorOptions.statisticsIntervalMs. */
export const STATISTICS_INTERVAL_MS = 10_000;

export interface SemanticOptions {
  readonly embedder: Embedder;
  readonly encoder: SentenceEncoder;
  /** Texts per model call, at most. */
  readonly batchSize: number;
  /** How long the first text of a batch waits for company. */
  readonly batchWaitMs: number;
  /** Jobs of the embed queue in hand at once (at least batchSize, so batches can fill). */
  readonly concurrency: number;
  readonly windowDays: number;
}

export interface DetectorOptions {
  readonly db: Db;
  readonly redisUrl: string;
  readonly queuePrefix: string;
  readonly logger: Logger;
  readonly concurrency: number;
  readonly lexicalThreshold: number;
  readonly bucketCap: number;
  readonly retentionDays: number;
  readonly componentLimit: number;
  /** A cluster that members joined without a full decision is decided in full once none has joined for this long (default SETTLE_AFTER_MS). */
  readonly settleAfterMs?: number;
  readonly sweepIntervalMs: number;
  readonly sweepGraceMs: number;
  /** How often a worker checks whether the detection tables need analyzing (0: never; default STATISTICS_INTERVAL_MS). */
  readonly statisticsIntervalMs?: number;
  readonly shutdownTimeoutMs: number;
  /** The semantic stage; without it comments are clustered on lexical evidence alone. */
  readonly semantic?: SemanticOptions;
  /**
   * The semantic stage runs somewhere (default: when `semantic` is given here). A detect-only
   * process of a deployment with the semantic stage loads no model, yet must hand its comments on
   * to the embed queue instead of scoring them on lexical evidence alone.
   */
  readonly semanticEnabled?: boolean;
  /** Which queues this process works (default both): run embed-only processes to scale inference alone. */
  readonly queues?: readonly ('detect' | 'embed')[];
  /** Attempts and backoff of the webhook deliveries this process queues (default DEFAULT_RETRIES, as the API's). */
  readonly webhookRetries?: DeliveryRetries;
  /** How often this process adds its stage timings and verdict latencies to the figures /metrics shows (default 1 s). */
  readonly metricsFlushMs?: number;
}

export interface Detector {
  readonly workers: readonly Worker<StageJob>[];
  /** Stops taking jobs, finishes the ones in hand (or, after the timeout, releases them to another worker), closes connections. */
  close(): Promise<void>;
}

/** Starts a detector: BullMQ workers on the detect and embed queues plus the pending-comment sweeper. */
export function startDetector(options: DetectorOptions): Detector {
  const redis = createRedis(options.redisUrl, options.logger);
  const queues = options.queues ?? ['detect', 'embed'];
  const detectQueue = createDetectQueue(redis, options.queuePrefix, options.logger);
  const embedQueue = (options.semanticEnabled ?? options.semantic !== undefined) ? createEmbedQueue(redis, options.queuePrefix, options.logger) : undefined;
  const days = (n: number) => n * 24 * 3600;
  // Deliveries of the events its decisions emit; the API processes send them.
  const webhookQueue = createWebhookQueue(redis, options.queuePrefix, options.webhookRetries);
  webhookQueue.on('error', (err) => options.logger.warn({ err, stage: 'webhooks' }, 'webhook queue error'));
  const metrics = new SharedMetricsRecorder(redis, options.queuePrefix, options.metricsFlushMs);
  const emitEvents = createDecisionEvents(options.db, webhookQueue, options.logger);
  const vectors = new RedisVectors(redis, options.queuePrefix);
  const lexicalIndex = new RedisBucketIndex(redis, { prefix: `${options.queuePrefix}:lsh`, bucketCap: options.bucketCap, retentionSeconds: days(options.retentionDays) });
  const ports = createServicePorts(options.db, lexicalIndex, {
    componentLimit: options.componentLimit,
    settleAfterMs: options.settleAfterMs,
    exactLimit: 50,
    now: () => new Date(),
    loadVectors: options.semantic ? (scope, ids) => vectors.getComments(scope, ids) : undefined,
    onDecided: (tenantId, outcome) => {
      const now = Date.now();
      for (const s of outcome.scored) metrics.observe(SHARED_METRICS.verdictLatency, {}, Math.max(0, now - s.receivedAt.getTime()) / 1000);
      return emitEvents(tenantId, outcome);
    },
  });
  const stage = { db: options.db, ports, lexicalThreshold: options.lexicalThreshold, logger: options.logger, metrics };
  const workers: Worker<StageJob>[] = [];
  const connections = [redis];
  const startWorker = (name: string, processor: (job: Job<StageJob>) => Promise<void>, concurrency: number) => {
    const connection = createRedis(options.redisUrl, options.logger);
    connections.push(connection);
    const worker = new Worker<StageJob>(name, markingFinalFailures(processor, options.db, options.logger, name), { connection, prefix: options.queuePrefix, concurrency });
    worker.on('failed', (job, err) => options.logger.warn({ jobId: job?.id, err, queue: name, attempts: job?.attemptsMade }, 'job failed'));
    worker.on('error', (err) => options.logger.error({ err, queue: name }, 'worker error'));
    workers.push(worker);
  };

  if (queues.includes('detect')) startWorker(QUEUES.detect, createDetectProcessor({ ...stage, embedQueue, detectQueue }), options.concurrency);
  if (options.semantic && queues.includes('embed')) {
    const s = options.semantic;
    const semanticIndex = new RedisBucketIndex(redis, { prefix: `${options.queuePrefix}:slsh`, bucketCap: options.bucketCap, retentionSeconds: days(s.windowDays) });
    const semantic = createSemanticPorts(s.embedder, s.encoder, vectors, semanticIndex, {
      batchSize: s.batchSize,
      batchWaitMs: s.batchWaitMs,
      windowSeconds: days(s.windowDays),
      cacheTtlSeconds: days(Math.max(s.windowDays, options.retentionDays)),
    });
    startWorker(QUEUES.embed, createEmbedProcessor({ ...stage, semantic, embedQueue }), s.concurrency);
  }

  const sweeper = new Sweeper(options.db, redis, detectQueue, options.logger, {
    intervalMs: options.sweepIntervalMs,
    graceMs: options.sweepGraceMs,
    batch: 1000,
    lockKey: `${options.queuePrefix}:sweep-lock`,
  });
  sweeper.start();
  const statistics = new StatisticsKeeper(options.db, redis, options.logger, {
    intervalMs: options.statisticsIntervalMs ?? STATISTICS_INTERVAL_MS,
    lockKey: `${options.queuePrefix}:statistics-lock`,
  });
  statistics.start();

  let closing: Promise<void> | undefined;
  const close = async (): Promise<void> => {
    // The sweeper stops alongside the workers: waited for first, a pass stuck on a slow PostgreSQL
    // or Redis added its wait to the workers' timeout.
    const sweeperStopped = sweeper.stop(Math.min(5000, options.shutdownTimeoutMs)).catch((err: unknown) => options.logger.warn({ err, stage: 'sweep' }, 'sweeper did not stop cleanly'));
    const statisticsStopped = statistics.stop(Math.min(5000, options.shutdownTimeoutMs)).catch(() => undefined);
    try {
      await withTimeout(Promise.all(workers.map((w) => w.close())), options.shutdownTimeoutMs);
    } catch (err) {
      if (!(err instanceof TimeoutError)) throw err;
      // Forced close: jobs in hand are not acknowledged, so BullMQ's stalled-job check hands them to another worker.
      await Promise.all(workers.map((w) => w.close(true)));
    }
    // Decisions the process asked for itself (a flood's cluster once quiet) must not outlive it.
    await withTimeout(ports.close(), options.shutdownTimeoutMs).catch((err: unknown) => options.logger.warn({ err, stage: 'recluster' }, 'a decision was still running at shutdown'));
    await Promise.all([sweeperStopped, statisticsStopped]);
    await withTimeout(metrics.close(), CLOSE_WAIT_MS).catch(() => undefined);
    await Promise.allSettled([detectQueue.close(), embedQueue?.close(), webhookQueue.close()].map((p) => p && withTimeout(p, CLOSE_WAIT_MS)));
    // QUIT waits for Redis to answer, for ever while it is down: past CLOSE_WAIT_MS the socket is dropped.
    await Promise.allSettled(connections.map((c) => withTimeout(c.quit(), CLOSE_WAIT_MS).catch(() => c.disconnect())));
  };
  return {
    workers,
    close() {
      closing ??= close();
      return closing;
    },
  };
}
