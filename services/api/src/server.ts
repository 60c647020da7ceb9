// API process: `npm run api`. Wires config and listens; everything else is in app.ts.
import type { AddressInfo } from 'node:net';
import { openMigratedDb } from '@chorus/db';
import { createDetectQueue, createLogger, createRedis, exitOnUnreachable, exitUnreachable, loadConfig, redisReachable, SharedMetricsRecorder, watchRedis } from '@chorus/platform';
import { Redis } from 'ioredis';
import { createWebhookQueue, DeliverySweeper, startDeliveryWorker } from '@chorus/webhooks';
import { createApp } from './app.js';
import { apiConfigSchema } from './config.js';
import { createHttpServer } from './http-server.js';
import { subscribeKeyRevocations } from './key-revocations.js';

const config = loadConfig(apiConfigSchema);
const logger = createLogger('chorus-api', config.LOG_LEVEL);
// Missing services at start-up get one line saying how to start them; later outages are 503s.
const onConnectionError = (err: Error) => logger.warn({ err }, 'postgres connection lost; the pool reconnects');
const { db } = await openMigratedDb({ url: config.DATABASE_URL, schema: config.DATABASE_SCHEMA, onConnectionError }).catch(exitOnUnreachable('postgres', config.DATABASE_URL));
if (!(await redisReachable(config.REDIS_URL))) exitUnreachable('redis', config.REDIS_URL);
// Fail fast when Redis is down: comments are already stored, and the sweeper enqueues them later.
const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
watchRedis(redis, logger);
const queue = createDetectQueue(redis, config.QUEUE_PREFIX, logger);
// Its own connection (a subscribed one runs no other command), waiting through outages.
const subscriber = createRedis(config.REDIS_URL, logger);
const keyRevocations = await subscribeKeyRevocations(subscriber, config.QUEUE_PREFIX, logger);
// Webhook deliveries: queued by the API (decisions, test events) and by detectors, sent from here.
const webhookQueue = createWebhookQueue(redis, config.QUEUE_PREFIX, { attempts: config.WEBHOOK_ATTEMPTS, backoffMs: config.WEBHOOK_BACKOFF_MS });
const metrics = new SharedMetricsRecorder(redis, config.QUEUE_PREFIX);
const deliverer = startDeliveryWorker({ db, connection: createRedis(config.REDIS_URL, logger), prefix: config.QUEUE_PREFIX, logger, timeoutMs: config.WEBHOOK_TIMEOUT_MS, metrics });
// Deliveries recorded while Redis was down have no job: queued again once they are a minute old.
const deliverySweeper = new DeliverySweeper(db, redis, webhookQueue, logger, {
  intervalMs: config.WEBHOOK_SWEEP_INTERVAL_MS,
  graceMs: config.WEBHOOK_SWEEP_GRACE_MS,
  batch: 500,
  lockKey: `${config.QUEUE_PREFIX}:webhook-sweep-lock`,
});
deliverySweeper.start();
const app = createApp({
  db,
  queue,
  redis,
  logger,
  enqueueTimeoutMs: config.ENQUEUE_TIMEOUT_MS,
  keyCacheMs: config.KEY_CACHE_MS,
  keyRevocations,
  bodyIdleTimeoutMs: config.HTTP_BODY_IDLE_TIMEOUT_MS,
  responseTimeoutMs: config.HTTP_RESPONSE_TIMEOUT_MS,
  webhookQueue,
  rateLimit: { prefix: config.QUEUE_PREFIX, defaultPerMinute: config.RATE_LIMIT_PER_MINUTE, maxPerMinute: config.RATE_LIMIT_MAX_PER_MINUTE },
});
const server = createHttpServer(app, {
  headersTimeoutMs: config.HTTP_HEADERS_TIMEOUT_MS,
  requestTimeoutMs: config.HTTP_REQUEST_TIMEOUT_MS,
  keepAliveTimeoutMs: config.HTTP_KEEP_ALIVE_TIMEOUT_MS,
});
server.listen(config.PORT, config.HOST, () => logger.info({ port: (server.address() as AddressInfo).port, host: config.HOST }, 'api listening'));

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: draining requests');
    server.close(() => {
      Promise.allSettled([deliverySweeper.stop(), deliverer.close()])
        .then(() => Promise.allSettled([webhookQueue.close(), metrics.close()]))
        .then(() => Promise.allSettled([queue.close(), db.destroy()]))
        .then(() => Promise.allSettled([redis.quit(), subscriber.quit()]))
        .finally(() => process.exit(0));
    });
  });
}
