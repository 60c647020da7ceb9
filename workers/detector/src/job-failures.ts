import { UnrecoverableError, type Job } from 'bullmq';
import { detectJobSchema, type StageJob } from '@chorus/contracts';
import { isConnectionError, markCommentFailed, type Db } from '@chorus/db';
import type { Logger } from '@chorus/platform';

/** The longest failure reason stored on a comment (an error's message can be long). */
const MAX_REASON = 500;

/**
 * Why a failed attempt ends the comment's detection for good, or undefined when it does not: the
 * job will run again (attempts left), or PostgreSQL was unreachable (an outage, not the comment:
 * the comment stays pending and the sweeper re-enqueues it once PostgreSQL is back).
 */
export function finalFailure(job: Pick<Job<StageJob>, 'attemptsMade' | 'opts'>, err: Error): string | undefined {
  const unrecoverable = err instanceof UnrecoverableError;
  // Read after BullMQ moved the job: attemptsMade already counts this attempt.
  if (!unrecoverable && job.attemptsMade < (job.opts.attempts ?? 1)) return undefined;
  if (isConnectionError(err)) return undefined;
  const reason = `${err.name}: ${err.message}`.slice(0, MAX_REASON);
  return unrecoverable ? reason : `${reason} (after ${job.attemptsMade} attempts)`;
}

/**
 * The processor, marking the comment 'failed' (with the reason) when this attempt fails it for
 * good, before the job itself is moved to failed: a poison comment ends instead of staying pending,
 * and the sweeper (which re-enqueues pending comments whose job failed) never sees it in between.
 */
export function markingFinalFailures(processor: (job: Job<StageJob>) => Promise<void>, db: Db, logger: Logger, stage: string): (job: Job<StageJob>) => Promise<void> {
  return async (job) => {
    try {
      await processor(job);
    } catch (err) {
      // BullMQ counts this attempt only once the job is moved.
      const reason = finalFailure({ attemptsMade: job.attemptsMade + 1, opts: job.opts }, err instanceof Error ? err : new Error(String(err)));
      const payload = detectJobSchema.safeParse(job.data);
      // A payload that is not a comment's names no comment to mark (a batch's comments continue as
      // jobs of their own when they fail: its own failure is the queue's, and they stay pending).
      if (reason !== undefined && payload.success) {
        const { tenantId, commentId } = payload.data;
        try {
          if (await markCommentFailed(db, commentId, reason)) logger.warn({ jobId: job.id, tenantId, commentId, stage, attempts: job.attemptsMade + 1, reason }, 'comment failed for good');
        } catch (markErr) {
          // Left pending: the sweeper re-enqueues it, and its next final failure marks it.
          logger.error({ err: markErr, jobId: job.id, tenantId, commentId, stage }, 'could not mark a comment failed');
        }
      }
      throw err;
    }
  };
}
