import type { Redis } from 'ioredis';
import { stalePendingDeliveries, type Db } from '@chorus/db';
import { PeriodicPass, withRedisLock, type Logger, type SweepOptions } from '@chorus/platform';
import { deliveryJobId, type WebhookQueue } from './events.js';

/** `graceMs`: deliveries pending for less than this are left to their own job. */
export type DeliverySweeperOptions = SweepOptions;

/**
 * Queues again the deliveries still pending after the grace period whose job is gone: recorded
 * while Redis was down (emitted, never queued), lost with Redis's data, or given up while the
 * outcome could not be recorded. A delivery whose job still waits, runs or backs off is left to
 * it. A timer in each API process; a short Redis lock lets one process sweep at a time.
 */
export class DeliverySweeper {
  private readonly passes: PeriodicPass;

  constructor(
    private readonly db: Db,
    private readonly redis: Redis,
    private readonly queue: WebhookQueue,
    private readonly logger: Logger,
    private readonly options: DeliverySweeperOptions,
  ) {
    this.passes = new PeriodicPass(() => this.sweep(), (err) => this.logger.warn({ err, stage: 'webhook-sweep' }, 'webhook delivery sweep failed; will retry'));
  }

  start(): void {
    this.passes.start(this.options.intervalMs);
  }

  /** One pass: returns how many deliveries were queued again (0 when another process holds the lock). */
  async sweep(): Promise<number> {
    const requeued = await withRedisLock(this.redis, this.options.lockKey, Math.max(1000, this.options.intervalMs), async () => {
      const stale = await stalePendingDeliveries(this.db, new Date(Date.now() - this.options.graceMs), this.options.batch);
      let n = 0;
      for (const deliveryId of stale) {
        const job = await this.queue.getJob(deliveryJobId(deliveryId));
        if (job) {
          const state = await job.getState();
          if (state !== 'failed' && state !== 'completed') continue;
          // A finished job of the same id would silently block the add.
          await job.remove();
        }
        await this.queue.add('deliver', { deliveryId }, { jobId: deliveryJobId(deliveryId) });
        n++;
      }
      return n;
    });
    if (requeued) this.logger.info({ stage: 'webhook-sweep', requeued }, 're-queued pending webhook deliveries');
    return requeued ?? 0;
  }

  /** Stops the timer and waits for a pass in hand, at most `waitMs`. */
  async stop(waitMs = 5000): Promise<void> {
    if (!(await this.passes.stop(waitMs))) this.logger.warn({ stage: 'webhook-sweep', waitMs }, 'stopped while a sweep was waiting for Redis or PostgreSQL');
  }
}
