import { Redis } from 'ioredis';
import { withTimeout } from './timeout.js';

/** The pub/sub channel (under the queue prefix) on which revoked keys' prefixes reach every API process. */
export function keyRevocationChannel(queuePrefix: string): string {
  return `${queuePrefix}:keys-revoked`;
}

/**
 * Tells every API process subscribed under `queuePrefix` that the keys with this prefix are revoked,
 * so they drop them from their key caches at once. Returns how many processes heard it, or
 * undefined when Redis did not answer within `timeoutMs` (the caches then expire by themselves).
 */
export async function announceKeyRevocation(redisUrl: string, queuePrefix: string, keyPrefix: string, timeoutMs = 3000): Promise<number | undefined> {
  const redis = new Redis(redisUrl, { lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null });
  // Failures are reported through the result; the listener keeps ioredis from printing them.
  redis.on('error', () => undefined);
  try {
    return await withTimeout(
      redis.connect().then(() => redis.publish(keyRevocationChannel(queuePrefix), keyPrefix)),
      timeoutMs,
    );
  } catch {
    return undefined;
  } finally {
    redis.disconnect();
  }
}
