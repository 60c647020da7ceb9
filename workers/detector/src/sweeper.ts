import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { stalePending, type Db } from '@chorus/db';
import { requeueDetection, type DetectQueue, type Logger } from '@chorus/platform';

export interface SweeperOptions {
  readonly intervalMs: number;
  /** Comments pending for less than this are left to their own job. */
  readonly graceMs: number;
  readonly batch: number;
  readonly lockKey: string;
}

/**
 * Re-enqueues comments still pending after the grace period, so a comment stored while Redis or
 * every worker was down is scored later. A timer in each worker process (not a BullMQ repeatable
 * job) so that it survives a Redis that lost its data; a short Redis lock lets one process sweep at
 * a time.
 */
export class Sweeper {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly db: Db,
    private readonly redis: Redis,
    private readonly queue: DetectQueue,
    private readonly logger: Logger,
    private readonly options: SweeperOptions,
  ) {}

  start(): void {
    const tick = () => {
      this.running = this.sweep().catch((err: unknown) => {
        this.logger.warn({ err, stage: 'sweep' }, 'sweep failed; will retry');
        return 0;
      });
    };
    tick();
    this.timer = setInterval(tick, this.options.intervalMs);
    this.timer.unref();
  }

  /** One pass: returns how many comments were re-enqueued. */
  async sweep(): Promise<number> {
    // A token of this pass: a pass that outlived its lock must not release the next holder's.
    const token = `${process.pid}:${randomUUID()}`;
    const acquired = await this.redis.set(this.options.lockKey, token, 'PX', Math.max(1000, this.options.intervalMs), 'NX');
    if (acquired !== 'OK') return 0;
    try {
      const stale = await stalePending(this.db, new Date(Date.now() - this.options.graceMs), this.options.batch);
      const requeued = await requeueDetection(this.queue, stale.map((c) => ({ tenantId: c.tenant_id, commentId: c.id })));
      if (requeued > 0) this.logger.info({ stage: 'sweep', requeued }, 're-enqueued pending comments');
      return requeued;
    } finally {
      await releaseLock(this.redis, this.options.lockKey, token);
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}

/** Deletes a lock only while it still holds `token` (atomically, in Redis); returns whether it did. */
export async function releaseLock(redis: Redis, key: string, token: string): Promise<boolean> {
  const released = await redis.eval("if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end", 1, key, token);
  return released === 1;
}
