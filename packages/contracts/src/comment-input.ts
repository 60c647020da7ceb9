import { z } from 'zod';
import { MAX_BATCH_SIZE, MAX_ID_LENGTH, MAX_TEXT_LENGTH } from './limits.js';
import { HAS_CONTROL, hasNoControl, isStorable, NOT_STORABLE } from './text-rules.js';
import { threadTitleSchema, threadUrlSchema } from './threads.js';
import { timestampSchema } from './timestamp.js';

/** A string stored exactly as sent: PostgreSQL cannot hold NUL, and UTF-8 cannot hold a lone surrogate. */
export const storableString = (max: number) => z.string().max(max, `must be at most ${max} characters`).refine(isStorable, NOT_STORABLE);

/**
 * A publisher's id (comment, thread, parent, author): stored exactly as sent, never trimmed, so a
 * GET with the id as sent finds it. Control characters are rejected.
 */
export const externalIdSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(MAX_ID_LENGTH, `must be at most ${MAX_ID_LENGTH} characters`)
  .refine(isStorable, NOT_STORABLE)
  .refine(hasNoControl, HAS_CONTROL);

/** One comment as a publisher sends it. */
export const commentInputSchema = z.object({
  id: externalIdSchema,
  thread_id: externalIdSchema,
  parent_id: externalIdSchema.nullish(),
  author_id: externalIdSchema.nullish(),
  author_name: storableString(MAX_ID_LENGTH).nullish(),
  text: z
    .string()
    .refine((t) => t.trim().length > 0, 'must not be empty')
    .refine((t) => t.length <= MAX_TEXT_LENGTH, `must be at most ${MAX_TEXT_LENGTH} characters`)
    .refine(isStorable, NOT_STORABLE),
  // Canonical UTC after parsing: years 1970..9999, offsets -23:59..+23:59.
  posted_at: timestampSchema.nullish(),
  // The thread's title and page: kept from the first comment that carries them (PUT /v1/threads/:id
  // changes them). Not part of the comment's content: a re-send with another title is no conflict.
  thread_title: threadTitleSchema.nullish(),
  thread_url: threadUrlSchema.nullish(),
});
export type CommentInput = z.infer<typeof commentInputSchema>;

export const commentBatchSchema = z.object({
  comments: z.array(z.unknown()).min(1, 'must hold at least one comment').max(MAX_BATCH_SIZE, `must hold at most ${MAX_BATCH_SIZE} comments`),
});

/** Query of `POST /v1/comments`: `atomic=true` stores a batch all or nothing; by default every valid comment is stored. */
export const ingestQuerySchema = z.object({ atomic: z.enum(['true', 'false']).default('false').transform((a) => a === 'true') });
