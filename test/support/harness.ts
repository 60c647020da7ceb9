// Starts the real API app and detector against a test schema and prefix.
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { createApiKey, upsertTenant, type Db } from '@chorus/db';
import type { LoadedEncoder } from '@chorus/embeddings';
import { createDetectQueue, type DetectQueue } from '@chorus/platform';
import { createApp } from '../../services/api/src/app.js';
import { startDetector, type Detector, type DetectorOptions } from '../../workers/detector/src/detector.js';
import { testEncoder } from './encoder.js';
import { createTestDb, testPrefix, TEST_REDIS_URL, type TestDb } from './services.js';

export const silentLogger = pino({ level: 'silent' });

export interface Harness {
  readonly testDb: TestDb;
  readonly prefix: string;
  readonly app: ReturnType<typeof createApp>;
  readonly queue: DetectQueue;
  readonly redis: Redis;
  startWorker(overrides?: Partial<Parameters<typeof startDetector>[0]>): Detector;
  tenant(name: string): Promise<{ id: string; key: string }>;
  close(): Promise<void>;
}

/** A detector on the test services with the documented defaults (and the semantic stage when `encoder` is given). */
export function testDetectorOptions(db: Db, queuePrefix: string, encoder?: LoadedEncoder): DetectorOptions {
  return {
    db,
    redisUrl: TEST_REDIS_URL,
    queuePrefix,
    logger: silentLogger,
    concurrency: 32,
    lexicalThreshold: 0.8,
    bucketCap: 32,
    retentionDays: 1,
    componentLimit: 2000,
    sweepIntervalMs: 60_000,
    sweepGraceMs: 60_000,
    shutdownTimeoutMs: 10_000,
    semantic: encoder && { embedder: encoder.embedder, encoder: encoder.encoder, batchSize: 16, batchWaitMs: 5, concurrency: 16, windowDays: 30 },
  };
}

export async function createHarness(label: string, options: { semantic?: boolean } = {}): Promise<Harness> {
  const encoder = options.semantic === false ? undefined : await testEncoder();
  const testDb = await createTestDb(label);
  const keys = testPrefix(label);
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
  const queue = createDetectQueue(redis, keys.prefix);
  const app = createApp({ db: testDb.db, queue, redis, logger: silentLogger, keyCacheMs: 0 });
  const workers: Detector[] = [];
  return {
    testDb,
    prefix: keys.prefix,
    app,
    queue,
    redis,
    startWorker(overrides = {}) {
      const detector = startDetector({ ...testDetectorOptions(testDb.db, keys.prefix, encoder), ...overrides });
      workers.push(detector);
      return detector;
    },
    async tenant(name) {
      const tenant = await upsertTenant(testDb.db, name);
      const { key } = await createApiKey(testDb.db, tenant.id);
      return { id: tenant.id, key };
    },
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      await queue.close();
      await redis.quit();
      await keys.cleanup();
      await testDb.cleanup();
    },
  };
}
