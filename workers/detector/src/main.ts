// Detector worker process: `npm run worker`.
import { createDb, ensureDatabase, migrateToLatest } from '@chorus/db';
import { createLogger, loadConfig } from '@chorus/platform';
import { detectorConfigSchema } from './config.js';
import { startDetector } from './detector.js';

const config = loadConfig(detectorConfigSchema);
const logger = createLogger('chorus-detector', config.LOG_LEVEL);
await ensureDatabase(config.DATABASE_URL);
const db = createDb({ url: config.DATABASE_URL, schema: config.DATABASE_SCHEMA });
await migrateToLatest(db, config.DATABASE_SCHEMA);
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
  shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
});
logger.info({ concurrency: config.DETECT_CONCURRENCY }, 'detector started');

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing jobs in hand');
    detector
      .close()
      .then(() => db.destroy())
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        logger.error({ err }, 'unclean shutdown');
        process.exit(1);
      });
  });
}
