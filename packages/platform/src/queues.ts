import { Queue, type ConnectionOptions } from 'bullmq';
import { QUEUES, detectJobId, embedJobId, type DetectJob, type EmbedJob } from '@chorus/contracts';
import type { Logger } from './logger.js';

export type DetectQueue = Queue<DetectJob>;
export type EmbedQueue = Queue<EmbedJob>;

const JOB_DEFAULTS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 500 },
  removeOnComplete: true,
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;

/**
 * Gives a queue an 'error' listener: BullMQ re-emits its connection's errors on the queue, and
 * without a listener prints each with a stack trace. Logged at most once a minute (a Redis that is
 * down errs on every reconnect attempt); without a logger the errors are left to the callers whose
 * commands fail (adds reject while Redis is down).
 */
function watchQueue<Q extends Queue>(queue: Q, logger: Logger | undefined): Q {
  let lastLogged = 0;
  queue.on('error', (err) => {
    if (Date.now() - lastLogged < 60_000) return;
    lastLogged = Date.now();
    logger?.warn({ err, queue: queue.name }, 'queue connection error');
  });
  return queue;
}

/** The queue of lexical detection jobs (one job per comment). */
export function createDetectQueue(connection: ConnectionOptions, prefix: string, logger?: Logger): DetectQueue {
  return watchQueue(new Queue<DetectJob>(QUEUES.detect, { connection, prefix, defaultJobOptions: JOB_DEFAULTS }), logger);
}

/** The queue of semantic jobs (embedding, semantic candidates, clustering), scaled separately. */
export function createEmbedQueue(connection: ConnectionOptions, prefix: string, logger?: Logger): EmbedQueue {
  return watchQueue(new Queue<EmbedJob>(QUEUES.embed, { connection, prefix, defaultJobOptions: JOB_DEFAULTS }), logger);
}

/** Enqueues detection for stored comments; a comment whose job is already waiting is not enqueued twice. */
export async function enqueueDetection(queue: DetectQueue, jobs: readonly DetectJob[]): Promise<void> {
  if (jobs.length === 0) return;
  await queue.addBulk(jobs.map((data) => ({ name: 'detect', data, opts: { jobId: detectJobId(data.commentId) } })));
}

/**
 * Adds a comment's job unless one is waiting or running; a finished or failed job with the same
 * id (which would silently block the add) is removed first. Returns whether a job was added.
 */
async function requeue<T extends DetectJob>(queue: Queue<T>, name: string, data: T, jobId: string): Promise<boolean> {
  const existing = await queue.getJob(jobId);
  if (existing) {
    const state = await existing.getState();
    if (state !== 'failed' && state !== 'completed') return false;
    await existing.remove();
  }
  // bullmq's generic job-name typing does not follow a type parameter; the payload is typed above.
  await (queue as unknown as Queue<DetectJob>).add(name, data, { jobId });
  return true;
}

/** Re-enqueues comments whose lexical job was lost (Redis restarted) or gave up (failed). */
export async function requeueDetection(queue: DetectQueue, jobs: readonly DetectJob[]): Promise<number> {
  let requeued = 0;
  for (const data of jobs) if (await requeue(queue, 'detect', data, detectJobId(data.commentId))) requeued++;
  return requeued;
}

/** Hands a comment to the semantic stage (also after an earlier semantic job failed for good). */
export async function enqueueEmbedding(queue: EmbedQueue, job: EmbedJob): Promise<void> {
  await requeue(queue, 'embed', job, embedJobId(job.commentId));
}
