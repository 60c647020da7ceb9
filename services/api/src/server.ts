// API process: `npm run api`. Wires config and listens; everything else is in app.ts.
import { openMigratedDb } from '@chorus/db';
import { createDetectQueue, createLogger, loadConfig } from '@chorus/platform';
import { Redis } from 'ioredis';
import { createApp } from './app.js';
import { apiConfigSchema } from './config.js';
import { createHttpServer } from './http-server.js';

const config = loadConfig(apiConfigSchema);
const logger = createLogger('chorus-api', config.LOG_LEVEL);
const { db } = await openMigratedDb({ url: config.DATABASE_URL, schema: config.DATABASE_SCHEMA });
// Fail fast when Redis is down: comments are already stored, and the sweeper enqueues them later.
const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
redis.on('error', (err) => logger.warn({ err }, 'redis connection error'));
const queue = createDetectQueue(redis, config.QUEUE_PREFIX);
queue.on('error', (err) => logger.warn({ err }, 'queue error'));
const app = createApp({
  db,
  queue,
  redis,
  logger,
  enqueueTimeoutMs: config.ENQUEUE_TIMEOUT_MS,
  keyCacheMs: config.KEY_CACHE_MS,
  bodyIdleTimeoutMs: config.HTTP_BODY_IDLE_TIMEOUT_MS,
});
const server = createHttpServer(app, {
  headersTimeoutMs: config.HTTP_HEADERS_TIMEOUT_MS,
  requestTimeoutMs: config.HTTP_REQUEST_TIMEOUT_MS,
  keepAliveTimeoutMs: config.HTTP_KEEP_ALIVE_TIMEOUT_MS,
});
server.listen(config.PORT, config.HOST, () => logger.info({ port: config.PORT, host: config.HOST }, 'api listening'));

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: draining requests');
    server.close(() => {
      Promise.allSettled([queue.close(), db.destroy()])
        .then(() => redis.quit())
        .finally(() => process.exit(0));
    });
  });
}
