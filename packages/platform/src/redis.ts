import { Redis, ReplyError } from 'ioredis';
import type { Logger } from './logger.js';

/**
 * Logs a connection's errors once per outage (ioredis retries every couple of seconds while Redis
 * is down, and each retry emits 'error') and its recovery. Every client needs an 'error' listener:
 * without one ioredis prints "Unhandled error event" on each retry.
 */
export function watchRedis(redis: Redis, logger: Logger | undefined, name = 'redis'): void {
  let down = false;
  redis.on('error', (err: Error) => {
    if (down) return;
    down = true;
    logger?.warn({ err, connection: name }, 'redis connection error; reconnecting');
  });
  redis.on('ready', () => {
    if (!down) return;
    down = false;
    logger?.info({ connection: name }, 'redis connection restored');
  });
}

/**
 * A Redis connection suitable for BullMQ workers (which block) as well as plain commands. Commands
 * wait through an outage; without a logger its errors are left to the callers whose commands fail.
 */
export function createRedis(url: string, logger?: Logger): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: false });
  watchRedis(redis, logger);
  return redis;
}

/**
 * Whether Redis at `url` answers PING within `timeoutMs` (one attempt, no retries): the start-up
 * check. A reply error (a wrong password) is Redis answering, so it is thrown, not reported as unreachable.
 */
export async function redisReachable(url: string, timeoutMs = 3000): Promise<boolean> {
  const probe = new Redis(url, { lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  // connect() rejects with the same error; the listener only keeps ioredis from printing it.
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    await probe.ping();
    return true;
  } catch (err) {
    if (err instanceof ReplyError) throw err;
    return false;
  } finally {
    probe.disconnect();
  }
}

/** Deletes every key matching `pattern` (SCAN, not KEYS, so a large Redis is not blocked). */
export async function deleteKeys(redis: Redis, pattern: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}
