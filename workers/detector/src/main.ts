// Detector worker process: `npm run worker`.
import { openMigratedDb } from '@chorus/db';
import { defaultModelDir, loadEncoder, ModelMissingError } from '@chorus/embeddings';
import { createLogger, exitOnUnreachable, exitUnreachable, loadConfig, redisReachable, withTimeout } from '@chorus/platform';
import { detectorConfigSchema } from './config.js';
import { startDetector, type SemanticOptions } from './detector.js';

const config = loadConfig(detectorConfigSchema);
const logger = createLogger('chorus-detector', config.LOG_LEVEL);

// Missing services at start-up get one line saying how to start them (before the model loads, so
// the answer is quick); later outages only delay jobs, which retry and resume by themselves.
const onConnectionError = (err: Error) => logger.warn({ err }, 'postgres connection lost; the pool reconnects');
const { db } = await openMigratedDb({ url: config.DATABASE_URL, schema: config.DATABASE_SCHEMA, onConnectionError }).catch(exitOnUnreachable('postgres', config.DATABASE_URL));
if (!(await redisReachable(config.REDIS_URL))) exitUnreachable('redis', config.REDIS_URL);

let semantic: SemanticOptions | undefined;
if (config.SEMANTIC_ENABLED && config.WORKER_QUEUES.includes('embed')) {
  const started = Date.now();
  try {
    const loaded = await loadEncoder({
      model: config.EMBEDDING_MODEL,
      modelDir: config.EMBEDDING_MODEL_DIR ?? defaultModelDir(),
      allowRemote: config.EMBEDDING_ALLOW_REMOTE,
      removeCommonComponent: config.SEMANTIC_REMOVE_COMMON_COMPONENT,
    });
    semantic = {
      embedder: loaded.embedder,
      encoder: loaded.encoder,
      batchSize: config.EMBED_BATCH_SIZE,
      batchWaitMs: config.EMBED_BATCH_WAIT_MS,
      concurrency: Math.max(config.EMBED_CONCURRENCY, config.EMBED_BATCH_SIZE),
      windowDays: config.SEMANTIC_WINDOW_DAYS,
    };
    logger.info({ model: config.EMBEDDING_MODEL, built: loaded.built, durationMs: Date.now() - started, rssMb: Math.round(process.memoryUsage().rss / 1e6) }, 'embedding model loaded');
  } catch (err) {
    if (err instanceof ModelMissingError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
}

const detector = startDetector({
  db,
  redisUrl: config.REDIS_URL,
  queuePrefix: config.QUEUE_PREFIX,
  logger,
  concurrency: config.DETECT_CONCURRENCY,
  lexicalThreshold: config.LEXICAL_THRESHOLD,
  bucketCap: config.LSH_BUCKET_CAP,
  retentionDays: config.LSH_RETENTION_DAYS,
  componentLimit: config.COMPONENT_LIMIT,
  sweepIntervalMs: config.SWEEP_INTERVAL_MS,
  sweepGraceMs: config.SWEEP_GRACE_MS,
  statisticsIntervalMs: config.STATISTICS_INTERVAL_MS,
  shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
  semantic,
  semanticEnabled: config.SEMANTIC_ENABLED,
  queues: config.WORKER_QUEUES,
  webhookRetries: { attempts: config.WEBHOOK_ATTEMPTS, backoffMs: config.WEBHOOK_BACKOFF_MS },
});
logger.info({ queues: config.WORKER_QUEUES, semantic: semantic !== undefined }, 'detector started');

// After the jobs in hand are let go: closing queues and connections, at most this long.
const CLOSING_GRACE_MS = 3000;

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, timeoutMs: config.SHUTDOWN_TIMEOUT_MS }, 'shutting down: finishing jobs in hand');
    // Whatever still waits (a job let go keeps its pg client until its query ends, so the pool's
    // end waits for it; a dead Redis never answers QUIT), the process ends on time: jobs not
    // acknowledged are handed to another worker by BullMQ's stalled-job check, or re-enqueued by
    // the sweeper, since their comments are still pending.
    setTimeout(() => {
      logger.warn({ timeoutMs: config.SHUTDOWN_TIMEOUT_MS + CLOSING_GRACE_MS }, 'shutdown took too long: exiting with work let go');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS + CLOSING_GRACE_MS).unref();
    detector
      .close()
      .then(() => withTimeout(db.destroy(), CLOSING_GRACE_MS))
      .then(() => {
        logger.info('shut down');
        process.exit(0);
      })
      .catch((err: unknown) => {
        logger.error({ err }, 'unclean shutdown');
        process.exit(1);
      });
  });
}
