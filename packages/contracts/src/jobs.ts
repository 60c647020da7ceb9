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
