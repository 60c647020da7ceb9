// Finding work in the queue: the filters and sort of `GET /v1/clusters`, the counts per queue of
// `GET /v1/cluster-counts`, and an account's page, `GET /v1/accounts/:id`.
import { z } from 'zod';
import { clusterCursorSchema, rowIdSchema } from './api-requests.js';
import { externalIdSchema } from './comment-input.js';
import { reasonSchema } from './responses.js';
import { timestampSchema } from './timestamp.js';
import { clusterStatusSchema } from './verdicts.js';

const isoTime = z.string().datetime();
const time = timestampSchema.transform((s) => new Date(s));

/** Which clusters, whatever their queue: a thread or account among the members', a verdict, a least score, members posted in a range, changed since. */
export const clusterFilterSchema = z.object({
  thread: externalIdSchema.optional(),
  account: externalIdSchema.optional(),
  verdict: z.enum(['clean', 'suspect', 'coordinated']).optional(),
  min_score: z.coerce.number().min(0).max(1).optional(),
  /** A member posted at or after this time. */
  posted_since: time.optional(),
  /** A member posted before this time. */
  posted_until: time.optional(),
  /** Changed (new, grown, decided) at or after this time: what a live list polls for. */
  updated_since: time.optional(),
});
export type ClusterFilter = z.infer<typeof clusterFilterSchema>;

/** `score`: highest first (the default); `newest`: most recently created first; `size`: most comments first. */
export const clusterSortSchema = z.enum(['score', 'newest', 'size']);
export type ClusterSort = z.infer<typeof clusterSortSchema>;

/** `GET /v1/clusters`: a queue, its filters, the sort and the page. */
export const clusterSearchQuerySchema = clusterFilterSchema.extend({
  status: clusterStatusSchema.optional(),
  sort: clusterSortSchema.default('score'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

/** What a `next_cursor` decodes to for each sort: the last cluster's key and id (a score cursor is the one answered before sorts existed). */
export const clusterSortCursorSchemas = {
  score: clusterCursorSchema,
  newest: z.object({ sort: z.literal('newest'), id: rowIdSchema }).strict(),
  size: z.object({ sort: z.literal('size'), size: z.number().int().min(0).max(2147483647), id: rowIdSchema }).strict(),
} as const;

/** `GET /v1/cluster-counts`: the filters of the list, without queue, sort or page. */
export const clusterCountsQuerySchema = clusterFilterSchema;

/** How many clusters each queue holds under the filters, and the server's time of the count (poll with `updated_since` from it). */
export const clusterCountsResponseSchema = z
  .object({
    counts: z.object({ flagged: z.number().int(), watching: z.number().int(), confirmed: z.number().int(), dismissed: z.number().int() }).strict(),
    as_of: isoTime,
  })
  .strict();

/** `GET /v1/accounts/:id`: an account's comments, clusters and the accounts that share its clusters. */
export const accountResponseSchema = z
  .object({
    id: z.string(),
    /** The display names its comments were sent with, most used first. */
    names: z.array(z.string()),
    comment_count: z.number().int(),
    flagged_comment_count: z.number().int(),
    /** First and last known posting time (UTC); null when none of its comments has one. */
    first_seen: isoTime.nullable(),
    last_seen: isoTime.nullable(),
    /** Its newest comments (at most 200). */
    comments: z.array(
      z
        .object({
          id: z.string(),
          thread_id: z.string(),
          thread_title: z.string().nullable(),
          parent_id: z.string().nullable(),
          text: z.string(),
          posted_at: isoTime.nullable(),
          status: z.enum(['pending', 'scored', 'failed']),
          cluster_id: z.string().nullable(),
        })
        .strict(),
    ),
    /** The clusters its comments are in, highest score first, with how many of its comments each holds. */
    clusters: z.array(
      z
        .object({
          id: z.string(),
          status: clusterStatusSchema,
          verdict: z.enum(['clean', 'suspect', 'coordinated']),
          score: z.number().min(0).max(1),
          size: z.number().int(),
          account_count: z.number().int(),
          reasons: z.array(reasonSchema).nullable(),
          comments: z.number().int(),
        })
        .strict(),
    ),
    /** Accounts with comments in the same clusters, most clusters shared first (at most 50). */
    co_accounts: z.array(z.object({ id: z.string(), name: z.string().nullable(), shared_clusters: z.number().int(), comments: z.number().int() }).strict()),
  })
  .strict();
