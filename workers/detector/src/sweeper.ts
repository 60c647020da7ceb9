import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { embedJobId, isBatchJob, QUEUES, type StageJob } from '@chorus/contracts';
import { stalePending, stillPending, type Db } from '@chorus/db';
import { PeriodicPass, requeueDetection, withRedisLock, type DetectQueue, type Logger, type SweepOptions } from '@chorus/platform';

// Where the tests (and older imports) look for it.
export { releaseLock } from '@chorus/platform';

// States in which a job will still run by itself; any other (failed, completed, unknown) means lost.
const LIVE_STATES: ReadonlySet<string> = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

/** Live jobs read per queue when looking for the batches that still hold stale comments. */
const LIVE_JOBS_READ = 20_000;

/** The comments of the batch jobs still to run (or running) on these queues. */
async function inLiveBatches(queues: readonly Queue<StageJob>[]): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const queue of queues) {
    const jobs = await queue.getJobs(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children'], 0, LIVE_JOBS_READ - 1);
    for (const job of jobs) if (job?.data && isBatchJob(job.data)) for (const id of job.data.commentIds) ids.add(id);
  }
  return ids;
}

/** `graceMs`: comments pending for less than this are left to their own job. */
export type SweeperOptions = SweepOptions;

/**
 * Re-enqueues comments still pending after the grace period, so a comment stored while Redis or
 * every worker was down, or whose job failed for good (PostgreSQL down for longer than its retries),
 * is scored later; comments in any other state are left alone. A timer in each worker process (not
 * a BullMQ repeatable job) so that it survives a Redis that lost its data; a short Redis lock lets
 * one process sweep at a time.
 */
export class Sweeper {
  private readonly passes: PeriodicPass;
  // Read only: a comment past the lexical stage waits in the semantic queue, and during a backlog
  // it may wait there longer than the grace period without being lost.
  private readonly embedQueue: Queue<StageJob>;

  constructor(
    private readonly db: Db,
    private readonly redis: Redis,
    private readonly queue: DetectQueue,
    private readonly logger: Logger,
    private readonly options: SweeperOptions,
  ) {
    this.embedQueue = new Queue<StageJob>(QUEUES.embed, { connection: redis, prefix: queue.opts.prefix });
    // Its connection's errors reach the detect queue's and the workers' listeners as well.
    this.embedQueue.on('error', () => undefined);
    this.passes = new PeriodicPass(() => this.sweep(), (err) => this.logger.warn({ err, stage: 'sweep' }, 'sweep failed; will retry'));
  }

  start(): void {
    this.passes.start(this.options.intervalMs);
  }

  /** One pass: returns how many comments were re-enqueued. */
  async sweep(): Promise<number> {
    const requeued = await withRedisLock(this.redis, this.options.lockKey, Math.max(1000, this.options.intervalMs), async () => {
      const stale = await stalePending(this.db, new Date(Date.now() - this.options.graceMs), this.options.batch);
      const states = await Promise.all(stale.map((c) => this.embedQueue.getJobState(embedJobId(c.id))));
      const unqueued = stale.filter((_, i) => !LIVE_STATES.has(states[i]));
      // A comment stored in a batch waits in its batch's job (of either stage) during a backlog.
      const batched = unqueued.length > 0 ? await inLiveBatches([this.queue, this.embedQueue]) : new Set<string>();
      const candidates = unqueued.filter((c) => !batched.has(c.id));
      // Read again: a comment may have failed for good (or been scored) while the job states were read.
      const pending = await stillPending(this.db, candidates.map((c) => c.id));
      const lost = candidates.filter((c) => pending.has(c.id));
      // requeueDetection leaves comments whose lexical job is still live alone.
      return requeueDetection(this.queue, lost.map((c) => ({ tenantId: c.tenant_id, commentId: c.id })));
    });
    if (requeued) this.logger.info({ stage: 'sweep', requeued }, 're-enqueued pending comments');
    return requeued ?? 0;
  }

  /** Stops the timer and waits for a pass in hand, at most `waitMs` (a pass stuck on a dead Redis is abandoned). */
  async stop(waitMs = 5000): Promise<void> {
    if (!(await this.passes.stop(waitMs))) this.logger.warn({ stage: 'sweep', waitMs }, 'stopped while a sweep was waiting for Redis or PostgreSQL');
    // The connection is the detector's: closing this handle leaves it open.
    await this.embedQueue.close();
  }
}
