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
    const acquired = await this.redis.set(this.options.lockKey, String(process.pid), 'PX', Math.max(1000, this.options.intervalMs), 'NX');
    if (acquired !== 'OK') return 0;
    try {
      const stale = await stalePending(this.db, new Date(Date.now() - this.options.graceMs), this.options.batch);
      const requeued = await requeueDetection(this.queue, stale.map((c) => ({ tenantId: c.tenant_id, commentId: c.id })));
      if (requeued > 0) this.logger.info({ stage: 'sweep', requeued }, 're-enqueued pending comments');
      return requeued;
    } finally {
      await this.redis.del(this.options.lockKey);
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
