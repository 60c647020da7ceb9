import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * Runs `fn` while holding a short Redis lock, so that of several processes on one timer a single
 * one does the pass; undefined when another holds it. The lock expires after `ttlMs` whatever
 * happens to its holder, and a pass that outlived it does not release the next holder's.
 */
export async function withRedisLock<T>(redis: Redis, key: string, ttlMs: number, fn: () => Promise<T>): Promise<T | undefined> {
  const token = `${process.pid}:${randomUUID()}`;
  if ((await redis.set(key, token, 'PX', ttlMs, 'NX')) !== 'OK') return undefined;
  try {
    return await fn();
  } finally {
    await releaseLock(redis, key, token);
  }
}

/** Deletes a lock only while it still holds `token` (atomically, in Redis); returns whether it did. */
export async function releaseLock(redis: Redis, key: string, token: string): Promise<boolean> {
  const released = await redis.eval("if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end", 1, key, token);
  return released === 1;
}
