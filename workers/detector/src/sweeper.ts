import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { embedJobId, QUEUES, type EmbedJob } from '@chorus/contracts';
import { stalePending, stillPending, type Db } from '@chorus/db';
import { requeueDetection, TimeoutError, withTimeout, type DetectQueue, type Logger } from '@chorus/platform';

// States in which a job will still run by itself; any other (failed, completed, unknown) means lost.
const LIVE_STATES: ReadonlySet<string> = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

export interface SweeperOptions {
  readonly intervalMs: number;
  /** Comments pending for less than this are left to their own job. */
  readonly graceMs: number;
  readonly batch: number;
  readonly lockKey: string;
}

/**
 * Re-enqueues comments still pending after the grace period, so a comment stored while Redis or
 * every worker was down, or whose job failed for good (PostgreSQL down for longer than its retries),
 * is scored later; comments in any other state are left alone. A timer in each worker process (not
 * a BullMQ repeatable job) so that it survives a Redis that lost its data; a short Redis lock lets
 * one process sweep at a time.
 */
export class Sweeper {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  // Read only: a comment past the lexical stage waits in the semantic queue, and during a backlog
  // it may wait there longer than the grace period without being lost.
  private readonly embedQueue: Queue<EmbedJob>;

  constructor(
    private readonly db: Db,
    private readonly redis: Redis,
    private readonly queue: DetectQueue,
    private readonly logger: Logger,
    private readonly options: SweeperOptions,
  ) {
    this.embedQueue = new Queue<EmbedJob>(QUEUES.embed, { connection: redis, prefix: queue.opts.prefix });
    // Its connection's errors reach the detect queue's and the workers' listeners as well.
    this.embedQueue.on('error', () => undefined);
  }

  start(): void {
    const tick = () => {
      // While Redis or PostgreSQL is down a pass can wait far longer than the interval (the worker's
      // Redis commands wait for the reconnect); passes do not pile up behind it.
      if (this.running) return;
      this.running = this.sweep()
        .catch((err: unknown) => {
          this.logger.warn({ err, stage: 'sweep' }, 'sweep failed; will retry');
          return 0;
        })
        .finally(() => (this.running = undefined));
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
      const states = await Promise.all(stale.map((c) => this.embedQueue.getJobState(embedJobId(c.id))));
      const candidates = stale.filter((_, i) => !LIVE_STATES.has(states[i]));
      // Read again: a comment may have failed for good (or been scored) while the job states were read.
      const pending = await stillPending(this.db, candidates.map((c) => c.id));
      const lost = candidates.filter((c) => pending.has(c.id));
      // requeueDetection leaves comments whose lexical job is still live alone.
      const requeued = await requeueDetection(this.queue, lost.map((c) => ({ tenantId: c.tenant_id, commentId: c.id })));
      if (requeued > 0) this.logger.info({ stage: 'sweep', requeued }, 're-enqueued pending comments');
      return requeued;
    } finally {
      await releaseLock(this.redis, this.options.lockKey, token);
    }
  }

  /** Stops the timer and waits for a pass in hand, at most `waitMs` (a pass stuck on a dead Redis is abandoned). */
  async stop(waitMs = 5000): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    try {
      if (this.running) await withTimeout(this.running, waitMs);
    } catch (err) {
      if (!(err instanceof TimeoutError)) throw err;
      this.logger.warn({ stage: 'sweep', waitMs }, 'stopped while a sweep was waiting for Redis or PostgreSQL');
    }
    // The connection is the detector's: closing this handle leaves it open.
    await this.embedQueue.close();
  }
}

/** Deletes a lock only while it still holds `token` (atomically, in Redis); returns whether it did. */
export async function releaseLock(redis: Redis, key: string, token: string): Promise<boolean> {
  const released = await redis.eval("if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end", 1, key, token);
  return released === 1;
}
