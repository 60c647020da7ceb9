import { z } from 'zod';
import { MAX_BATCH_SIZE, MAX_ID_LENGTH, MAX_TEXT_LENGTH } from './limits.js';

// PostgreSQL text cannot hold NUL characters: reject them here rather than fail at insert.
const noNul = (s: string) => !s.includes('\u0000');
const externalId = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(MAX_ID_LENGTH, `must be at most ${MAX_ID_LENGTH} characters`)
  .refine(noNul, 'must not contain NUL characters');

/** One comment as a publisher sends it. */
export const commentInputSchema = z.object({
  id: externalId,
  thread_id: externalId,
  parent_id: externalId.nullish(),
  author_id: externalId.nullish(),
  author_name: z.string().max(MAX_ID_LENGTH).refine(noNul, 'must not contain NUL characters').nullish(),
  text: z
    .string()
    .refine((t) => t.trim().length > 0, 'must not be empty')
    .refine((t) => t.length <= MAX_TEXT_LENGTH, `must be at most ${MAX_TEXT_LENGTH} characters`)
    .refine(noNul, 'must not contain NUL characters'),
  posted_at: z.string().datetime({ offset: true }).nullish(),
});
export type CommentInput = z.infer<typeof commentInputSchema>;

export const commentBatchSchema = z.object({
  comments: z.array(z.unknown()).min(1, 'must hold at least one comment').max(MAX_BATCH_SIZE, `must hold at most ${MAX_BATCH_SIZE} comments`),
});
