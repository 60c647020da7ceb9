import { UnrecoverableError, type Job, type Worker } from 'bullmq';
import { detectJobSchema, type DetectJob } from '@chorus/contracts';
import { isConnectionError, markCommentFailed, type Db } from '@chorus/db';
import type { Logger } from '@chorus/platform';

/** The longest failure reason stored on a comment (an error's message can be long). */
const MAX_REASON = 500;

/**
 * Why a failed attempt ends the comment's detection for good, or undefined when it does not: the
 * job will run again (attempts left), or PostgreSQL was unreachable (an outage, not the comment:
 * the comment stays pending and the sweeper re-enqueues it once PostgreSQL is back).
 */
export function finalFailure(job: Pick<Job<DetectJob>, 'attemptsMade' | 'opts'>, err: Error): string | undefined {
  const unrecoverable = err instanceof UnrecoverableError;
  // Read after BullMQ moved the job: attemptsMade already counts this attempt.
  if (!unrecoverable && job.attemptsMade < (job.opts.attempts ?? 1)) return undefined;
  if (isConnectionError(err)) return undefined;
  const reason = `${err.name}: ${err.message}`.slice(0, MAX_REASON);
  return unrecoverable ? reason : `${reason} (after ${job.attemptsMade} attempts)`;
}

/**
 * Marks a comment 'failed' (with the reason) when its job fails for good, so that a poison comment
 * ends instead of staying pending and being re-enqueued by the sweeper for ever.
 */
export function recordFinalFailures(worker: Worker<DetectJob>, db: Db, logger: Logger, stage: string): void {
  worker.on('failed', (job, err) => {
    if (!job) return;
    const reason = finalFailure(job, err);
    if (reason === undefined) return;
    const payload = detectJobSchema.safeParse(job.data);
    // A payload that is not a comment's names no comment to mark.
    if (!payload.success) return;
    const { tenantId, commentId } = payload.data;
    markCommentFailed(db, commentId, reason).then(
      (marked) => marked && logger.warn({ jobId: job.id, tenantId, commentId, stage, attempts: job.attemptsMade, reason }, 'comment failed for good'),
      // Left pending: the sweeper re-enqueues it, and its next final failure marks it.
      (markErr: unknown) => logger.error({ err: markErr, jobId: job.id, tenantId, commentId, stage }, 'could not mark a comment failed'),
    );
  });
}
