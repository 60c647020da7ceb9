import { Worker } from 'bullmq';
import { QUEUES, type DetectJob } from '@chorus/contracts';
import type { Db } from '@chorus/db';
import { createDetectQueue, createRedis, type Logger } from '@chorus/platform';
import { createDetectProcessor } from './processors/detect-processor.js';
import { RedisLexicalIndex } from './redis-lexical-index.js';
import { createServicePorts } from './service-ports.js';
import { Sweeper } from './sweeper.js';

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
  readonly sweepIntervalMs: number;
  readonly sweepGraceMs: number;
  readonly shutdownTimeoutMs: number;
}

export interface Detector {
  readonly worker: Worker<DetectJob>;
  readonly sweeper: Sweeper;
  /** Stops taking jobs, finishes the ones in hand (or, after the timeout, releases them to another worker), closes connections. */
  close(): Promise<void>;
}

/** Starts a detector: the BullMQ worker on the detect queue plus the pending-comment sweeper. */
export function startDetector(options: DetectorOptions): Detector {
  const redis = createRedis(options.redisUrl);
  const workerConnection = createRedis(options.redisUrl);
  const queue = createDetectQueue(redis, options.queuePrefix);
  const index = new RedisLexicalIndex(redis, {
    prefix: options.queuePrefix,
    bucketCap: options.bucketCap,
    retentionSeconds: options.retentionDays * 24 * 3600,
  });
  const ports = createServicePorts(options.db, index, { componentLimit: options.componentLimit, exactLimit: 50, now: () => new Date() });
  const processor = createDetectProcessor({ db: options.db, ports, lexicalThreshold: options.lexicalThreshold, logger: options.logger });
  const worker = new Worker<DetectJob>(QUEUES.detect, processor, {
    connection: workerConnection,
    prefix: options.queuePrefix,
    concurrency: options.concurrency,
  });
  worker.on('failed', (job, err) => options.logger.warn({ jobId: job?.id, err, stage: 'detect', attempts: job?.attemptsMade }, 'detect job failed'));
  worker.on('error', (err) => options.logger.error({ err }, 'worker error'));
  const sweeper = new Sweeper(options.db, redis, queue, options.logger, {
    intervalMs: options.sweepIntervalMs,
    graceMs: options.sweepGraceMs,
    batch: 1000,
    lockKey: `${options.queuePrefix}:sweep-lock`,
  });
  sweeper.start();

  let closing: Promise<void> | undefined;
  const close = async (): Promise<void> => {
      await sweeper.stop();
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), options.shutdownTimeoutMs);
      });
      const outcome = await Promise.race([worker.close().then(() => 'closed' as const), timedOut]);
      clearTimeout(timer);
      // Forced close: jobs in hand are not acknowledged, so BullMQ's stalled-job check hands them to another worker.
      if (outcome === 'timeout') await worker.close(true);
      await queue.close();
      await Promise.allSettled([redis.quit(), workerConnection.quit()]);
  };
  return {
    worker,
    sweeper,
    close() {
      closing ??= close();
      return closing;
    },
  };
}
