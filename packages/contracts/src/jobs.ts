import { z } from 'zod';

/** Queue names; every process prefixes them with its QUEUE_PREFIX. */
export const QUEUES = { detect: 'detect', embed: 'embed', maintenance: 'maintenance' } as const;

export const detectJobSchema = z.object({
  tenantId: z.string().min(1),
  commentId: z.string().regex(/^\d+$/),
});
export type DetectJob = z.infer<typeof detectJobSchema>;

/** Job id of a comment's detection job: one per comment, so enqueueing twice is a no-op. */
export function detectJobId(commentId: string): string {
  return `c-${commentId}`;
}
