// Test helpers for the real PostgreSQL and Redis on localhost: every test file gets its own
// schema and its own key/queue prefix, and removes them when done.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { dropSchema, openMigratedDb, type Db } from '@chorus/db';
import { deleteKeys } from '@chorus/platform';

export const TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';
export const TEST_REDIS_URL = 'redis://127.0.0.1:6379';

export interface TestDb {
  readonly db: Db;
  readonly schema: string;
  readonly url: string;
  cleanup(): Promise<void>;
}

/** A freshly migrated schema of its own in the `test` database. */
export async function createTestDb(label: string): Promise<TestDb> {
  const schema = `t_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  const { db } = await openMigratedDb({ url: TEST_DATABASE_URL, schema, maxConnections: 8 });
  return {
    db,
    schema,
    url: TEST_DATABASE_URL,
    async cleanup() {
      await dropSchema(db, schema);
      await db.destroy();
    },
  };
}

/** A unique prefix for queues and index keys, and a function that deletes every key under it. */
export function testPrefix(label: string): { prefix: string; cleanup(): Promise<void> } {
  const prefix = `chorus-test-${label}-${randomBytes(4).toString('hex')}`;
  return {
    prefix,
    async cleanup() {
      const redis = new Redis(TEST_REDIS_URL);
      try {
        await deleteKeys(redis, `${prefix}:*`);
      } finally {
        await redis.quit();
      }
    },
  };
}

/** Polls `probe` until it returns a truthy value or the time is up. */
export async function waitFor<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 15_000, what = 'condition'): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
