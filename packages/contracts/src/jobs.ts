import { z } from 'zod';

/** Queue names; every process prefixes them with its QUEUE_PREFIX. */
export const QUEUES = { detect: 'detect', embed: 'embed' } as const;

/** Payload of both stages' jobs: which comment of which tenant. */
export const detectJobSchema = z.object({
  tenantId: z.string().min(1),
  commentId: z.string().regex(/^\d+$/),
});
export type DetectJob = z.infer<typeof detectJobSchema>;
export type EmbedJob = DetectJob;

/** Job id of a comment's lexical job: one per comment, so enqueueing twice is a no-op. */
export function detectJobId(commentId: string): string {
  return `c-${commentId}`;
}

/** Job id of a comment's semantic (embedding) job. */
export function embedJobId(commentId: string): string {
  return `e-${commentId}`;
}

/** Most comments one batch job carries: small enough for several workers to share a flood's batches. */
export const BATCH_JOB_SIZE = 50;

/**
 * Payload of a batch job (either stage): comments of one tenant stored together, taken through the
 * stage at once. A comment whose stage fails inside a batch continues as a job of its own (with its
 * own retries and, in the end, its own failure reason); the batch is done when every comment is.
 */
export const batchJobSchema = z.object({
  tenantId: z.string().min(1),
  commentIds: z.array(z.string().regex(/^\d+$/)).min(1).max(1000),
});
export type BatchJob = z.infer<typeof batchJobSchema>;

/** What a stage's queue holds: one comment's job or a batch's. */
export type StageJob = DetectJob | BatchJob;

export const isBatchJob = (job: StageJob): job is BatchJob => 'commentIds' in job;

/** A short name for a set of comment ids (FNV-1a of the list, with its first id and length). */
function idsName(commentIds: readonly string[]): string {
  let hash = 0x811c9dc5;
  for (const id of commentIds) {
    for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
    hash = Math.imul(hash ^ 44, 0x01000193);
  }
  return `${commentIds[0]}-${commentIds.length}-${(hash >>> 0).toString(36)}`;
}

/** Job id of a batch's lexical job: the same comments enqueued twice while waiting are one job. */
export function detectBatchJobId(commentIds: readonly string[]): string {
  return `cb-${idsName(commentIds)}`;
}

/** Job id of a batch's semantic job (handed on by its lexical job, which may run twice). */
export function embedBatchJobId(commentIds: readonly string[]): string {
  return `eb-${idsName(commentIds)}`;
}
