// Query strings and bodies of the analyst routes (ingest bodies are in comment-input.ts, settings in settings.ts).
import { z } from 'zod';
import { externalIdSchema, storableString } from './comment-input.js';
import { timestampSchema } from './timestamp.js';
import { clusterStatusSchema } from './verdicts.js';

/** Largest bigserial id PostgreSQL can hold. */
export const MAX_ROW_ID = 9223372036854775807n;

/** A cluster id as it appears in paths and cursors: a positive bigint. */
// One refinement: zod runs every check even after one fails, and BigInt() throws on non-digits.
export const rowIdSchema = z.string().refine((id) => /^\d{1,19}$/.test(id) && BigInt(id) <= MAX_ROW_ID, 'must be an integer from 0 to 2^63-1');

/** Smallest positive normal float4: scores are PostgreSQL `real`, and a smaller number underflows there. */
const FLOAT4_MIN_NORMAL = 1.1754943508222875e-38;

/** What a `next_cursor` decodes to: the last cluster's score (0..1, a float4 PostgreSQL can take) and id. */
export const clusterCursorSchema = z
  .object({ score: z.number().refine((s) => s === 0 || (s >= FLOAT4_MIN_NORMAL && s <= 1), 'must be 0 or a real between 1.2e-38 and 1'), id: rowIdSchema })
  .strict();
export type ClusterCursor = z.infer<typeof clusterCursorSchema>;

export const clusterListQuerySchema = z.object({
  status: clusterStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

/** A cluster's version as the moderator saw it (PostgreSQL `integer`). */
export const clusterVersionSchema = z.number().int().min(1).max(2147483647);

export const reviewBodySchema = z
  .object({ action: z.enum(['confirm', 'dismiss', 'reopen']), note: storableString(2000).nullish(), version: clusterVersionSchema.optional() })
  .strict();

/** `POST /v1/clusters/:id/drop`: a member that does not belong, by the publisher's comment id. */
export const dropBodySchema = z.object({ comment_id: externalIdSchema, note: storableString(2000).nullish(), version: clusterVersionSchema.optional() }).strict();

/** Filters of the moderation log (`GET /v1/moderation-log`), newest first; `cursor` is the `next_cursor` answered. */
export const moderationLogQuerySchema = z.object({
  moderator: storableString(200).optional(),
  action: z.enum(['confirm', 'dismiss', 'reopen', 'drop']).optional(),
  cluster_id: rowIdSchema.optional(),
  since: timestampSchema.transform((s) => new Date(s)).optional(),
  until: timestampSchema.transform((s) => new Date(s)).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: rowIdSchema.optional(),
});

/** `since` on the exports: a time with offset in the accepted range, as a Date. */
export const exportQuerySchema = z.object({ since: timestampSchema.transform((s) => new Date(s)).optional() });

// exportQuerySchema's shape goes last so that errors in the other fields are reported first.
export const networkQuerySchema = z
  .object({
    format: z.enum(['json', 'graphml', 'csv']).default('json'),
    window_hours: z.coerce.number().positive().max(24 * 365).default(24),
    min_weight: z.coerce.number().int().min(1).default(1),
  })
  .extend(exportQuerySchema.shape);
