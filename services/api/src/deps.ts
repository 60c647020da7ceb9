import type { Redis } from 'ioredis';
import type { Db } from '@chorus/db';
import type { DetectQueue, Logger } from '@chorus/platform';
import type { KeyRevocations } from './key-revocations.js';
import type { RateLimitOptions } from './rate-limit.js';
import type { WebhookQueue } from '@chorus/webhooks';

/** Everything the API needs from outside; tests pass real connections to their own schema and queue prefix. */
export interface AppDeps {
  readonly db: Db;
  readonly queue: DetectQueue;
  readonly redis: Redis;
  readonly logger: Logger;
  /** How long to wait for Redis when enqueueing before answering anyway (the sweeper catches up). */
  readonly enqueueTimeoutMs?: number;
  /** How long an API key's tenant is cached in memory. */
  readonly keyCacheMs?: number;
  /** Revocations announced by `chorus keys revoke`: a revoked key leaves the cache at once. */
  readonly keyRevocations?: KeyRevocations;
  /** A request body that sends nothing for this long is answered 408 and its connection closed (0: never). */
  readonly bodyIdleTimeoutMs?: number;
  /** Per-key rate limits (counted in `redis`); none when left out. */
  readonly rateLimit?: Omit<RateLimitOptions, 'redis'>;
  /** A route that has not answered within this is answered 503 (0 or left out: no deadline). */
  readonly responseTimeoutMs?: number;
  /** Where webhook deliveries are queued; left out, they are recorded in PostgreSQL only. */
  readonly webhookQueue?: WebhookQueue;
}
