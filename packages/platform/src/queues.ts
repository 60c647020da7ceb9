import { createHash } from 'node:crypto';
import { Queue, type ConnectionOptions } from 'bullmq';
import { BATCH_JOB_SIZE, QUEUES, detectJobId, embedJobId, type BatchJob, type DetectJob, type StageJob } from '@chorus/contracts';
import type { Logger } from './logger.js';

export type DetectQueue = Queue<StageJob>;
export type EmbedQueue = Queue<StageJob>;

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

/** The queue of lexical detection jobs (a comment's, or a batch's stored together). */
export function createDetectQueue(connection: ConnectionOptions, prefix: string, logger?: Logger): DetectQueue {
  return watchQueue(new Queue<StageJob>(QUEUES.detect, { connection, prefix, defaultJobOptions: JOB_DEFAULTS }), logger);
}

/** The queue of semantic jobs (embedding, semantic candidates, clustering), scaled separately. */
export function createEmbedQueue(connection: ConnectionOptions, prefix: string, logger?: Logger): EmbedQueue {
  return watchQueue(new Queue<StageJob>(QUEUES.embed, { connection, prefix, defaultJobOptions: JOB_DEFAULTS }), logger);
}

/**
 * Job id of a batch (`cb-…` lexical, `eb-…` semantic): named by its comments, so the same comments
 * enqueued twice while the first job waits are one job, and a lexical job that runs twice hands on
 * one semantic job.
 */
function batchJobId(stage: 'cb' | 'eb', commentIds: readonly string[]): string {
  return `${stage}-${commentIds[0]}-${commentIds.length}-${createHash('sha1').update(commentIds.join(',')).digest('base64url').slice(0, 12)}`;
}

/** A tenant's comments in batch jobs of at most BATCH_JOB_SIZE (one comment alone: a job of its own). */
function batchesOf(jobs: readonly DetectJob[]): (DetectJob | BatchJob)[] {
  const byTenant = new Map<string, string[]>();
  for (const { tenantId, commentId } of jobs) {
    const ids = byTenant.get(tenantId);
    if (ids) ids.push(commentId);
    else byTenant.set(tenantId, [commentId]);
  }
  const out: (DetectJob | BatchJob)[] = [];
  for (const [tenantId, ids] of byTenant) {
    if (ids.length === 1) out.push({ tenantId, commentId: ids[0] });
    else for (let i = 0; i < ids.length; i += BATCH_JOB_SIZE) out.push({ tenantId, commentIds: ids.slice(i, i + BATCH_JOB_SIZE) });
  }
  return out;
}

/**
 * Enqueues detection for stored comments, those stored together in batch jobs (a batch of a
 * thousand is twenty jobs, not a thousand); a job already waiting is not enqueued twice.
 */
export async function enqueueDetection(queue: DetectQueue, jobs: readonly DetectJob[]): Promise<void> {
  if (jobs.length === 0) return;
  await queue.addBulk(
    batchesOf(jobs).map((data) => ({ name: 'detect', data, opts: { jobId: 'commentIds' in data ? batchJobId('cb', data.commentIds) : detectJobId(data.commentId) } })),
  );
}

/** Hands a batch's comments to the semantic stage as one job. */
export async function enqueueEmbeddingBatch(queue: EmbedQueue, job: BatchJob): Promise<void> {
  await queue.add('embed', job, { jobId: batchJobId('eb', job.commentIds) });
}

/** Re-enqueues comments as jobs of their own on a stage's queue (those that failed inside a batch). */
export async function enqueueSingles(queue: Queue<StageJob>, stage: 'detect' | 'embed', jobs: readonly DetectJob[]): Promise<void> {
  if (jobs.length === 0) return;
  const jobId = stage === 'detect' ? detectJobId : embedJobId;
  await queue.addBulk(jobs.map((data) => ({ name: stage, data, opts: { jobId: jobId(data.commentId) } })));
}

/**
 * Adds a comment's job unless one is waiting or running; a finished or failed job with the same
 * id (which would silently block the add) is removed first. Returns whether a job was added.
 */
async function requeue(queue: Queue<StageJob>, name: string, data: DetectJob, jobId: string): Promise<boolean> {
  const existing = await queue.getJob(jobId);
  if (existing) {
    const state = await existing.getState();
    if (state !== 'failed' && state !== 'completed') return false;
    await existing.remove();
  }
  await queue.add(name, data, { jobId });
  return true;
}

/** Re-enqueues comments whose lexical job was lost (Redis restarted) or gave up (failed). */
export async function requeueDetection(queue: DetectQueue, jobs: readonly DetectJob[]): Promise<number> {
  let requeued = 0;
  for (const data of jobs) if (await requeue(queue, 'detect', data, detectJobId(data.commentId))) requeued++;
  return requeued;
}

/** Hands a comment to the semantic stage (also after an earlier semantic job failed for good). */
export async function enqueueEmbedding(queue: EmbedQueue, job: DetectJob): Promise<void> {
  await requeue(queue, 'embed', job, embedJobId(job.commentId));
}
