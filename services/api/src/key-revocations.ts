import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';
import { keyRevocationChannel, type Logger } from '@chorus/platform';

/** Announcements of revoked keys (by prefix) that reach this process. */
export interface KeyRevocations {
  onRevoked(listener: (keyPrefix: string) => void): void;
}

/**
 * Subscribes `subscriber` (a connection of its own: a subscribed connection runs no other command)
 * to the revocations announced under `queuePrefix` by `chorus keys revoke`. ioredis subscribes
 * again after a reconnect; an announcement missed while Redis was down is covered by the key
 * cache's expiry (KEY_CACHE_MS).
 */
export async function subscribeKeyRevocations(subscriber: Redis, queuePrefix: string, logger: Logger): Promise<KeyRevocations> {
  const channel = keyRevocationChannel(queuePrefix);
  const events = new EventEmitter();
  subscriber.on('message', (from: string, keyPrefix: string) => {
    if (from !== channel) return;
    logger.info({ keyPrefix }, 'key revoked: dropped from the key cache');
    events.emit('revoked', keyPrefix);
  });
  await subscriber.subscribe(channel);
  return { onRevoked: (listener) => events.on('revoked', listener) };
}
