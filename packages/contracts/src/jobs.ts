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
