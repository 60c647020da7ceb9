import { Queue, type ConnectionOptions } from 'bullmq';
import { QUEUES, detectJobId, type DetectJob } from '@chorus/contracts';

export type DetectQueue = Queue<DetectJob>;

/** The queue of detection jobs (one job per comment). */
export function createDetectQueue(connection: ConnectionOptions, prefix: string): DetectQueue {
  return new Queue<DetectJob>(QUEUES.detect, {
    connection,
    prefix,
    defaultJobOptions: {
      attempts: 8,
      backoff: { type: 'exponential', delay: 500 },
      removeOnComplete: true,
      removeOnFail: { age: 7 * 24 * 3600 },
    },
  });
}

/** Enqueues detection for stored comments; a comment whose job is already waiting is not enqueued twice. */
export async function enqueueDetection(queue: DetectQueue, jobs: readonly DetectJob[]): Promise<void> {
  if (jobs.length === 0) return;
  await queue.addBulk(jobs.map((data) => ({ name: 'detect', data, opts: { jobId: detectJobId(data.commentId) } })));
}

/**
 * Re-enqueues comments whose job was lost (Redis restarted) or gave up (failed): a failed job with
 * the same id would otherwise block the new one.
 */
export async function requeueDetection(queue: DetectQueue, jobs: readonly DetectJob[]): Promise<number> {
  let requeued = 0;
  for (const data of jobs) {
    const existing = await queue.getJob(detectJobId(data.commentId));
    if (existing) {
      const state = await existing.getState();
      if (state !== 'failed' && state !== 'completed') continue;
      await existing.remove();
    }
    await enqueueDetection(queue, [data]);
    requeued++;
  }
  return requeued;
}
