// Bodies the API answers with, as the routes build them today (services/api/src/routes). Nothing
// parses these at run time: they describe the answers in /openapi.json, and the e2e suite checks
// real answers against that description, so a route that changes its answer must change these.
import { z } from 'zod';
import { clusterStatusSchema } from './verdicts.js';

/** A time as the API answers it: UTC with milliseconds, `2024-05-01T10:00:00.000Z`. */
const isoTime = z.string().datetime();
const verdict = z.enum(['clean', 'suspect', 'coordinated']);

/** `{"error": {"code", "message", "field"}}`; `field` is null only when no input is at fault. */
export const errorResponseSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().nullable() }).strict() })
  .strict();

/** A 500 is always a bug, logged under `request_id`. */
export const internalErrorResponseSchema = z
  .object({ error: z.object({ code: z.literal('internal'), message: z.string(), request_id: z.string() }).strict() })
  .strict();

/** One piece of evidence, phrased for a moderator. */
export const reasonSchema = z.object({ signal: z.string(), weight: z.number(), text: z.string() }).strict();

const commentStatus = z.enum(['pending', 'scored']);

/** `GET`/`PUT /v1/threads/:id`, and each thread of a cluster: the page a thread belongs to, as the publisher described it. */
export const threadViewSchema = z.object({ id: z.string(), title: z.string().nullable(), url: z.string().nullable(), first_seen_at: isoTime }).strict();

/** `202` for one comment, and each item of a batch's answer. */
export const ingestItemResponseSchema = z.object({ id: z.string(), status: commentStatus, duplicate: z.boolean() }).strict();

/** A comment of a batch that was not stored: `id` as sent (null if it sent none), and why, naming the field. */
export const ingestRejectedItemSchema = z
  .object({ id: z.string().nullable(), error: z.object({ code: z.string(), message: z.string(), field: z.string().nullable() }).strict() })
  .strict();

const batchCounts = {
  accepted: z.number().int(),
  created: z.number().int(),
  rejected: z.number().int(),
  comments: z.array(z.union([ingestItemResponseSchema, ingestRejectedItemSchema])),
};

/** `202` for a batch: how many were stored, new and rejected, and one item per comment sent, in order. */
export const ingestBatchResponseSchema = z.object(batchCounts).strict();

/** `422`/`409` for a batch of which nothing could be stored: the first rejection as `error`, and every item. */
export const ingestBatchRejectedResponseSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().nullable() }).strict(), ...batchCounts })
  .strict();

/** What the publisher sent, answered exactly. */
const sentShape = {
  id: z.string(),
  thread_id: z.string(),
  parent_id: z.string().nullable(),
  author_id: z.string().nullable(),
  author_name: z.string().nullable(),
  text: z.string(),
};

/** A stored comment: what the publisher sent (exactly) and its verdict. */
export const commentViewSchema = z
  .object({
    ...sentShape,
    thread_title: z.string().nullable(),
    thread_url: z.string().nullable(),
    status: commentStatus,
    // A union, not .nullable(): the generator would write `type: [string, null]` with an enum lacking null.
    verdict: z.union([verdict, z.null()]),
    score: z.number().min(0).max(1).nullable(),
    cluster_id: z.string().nullable(),
    reasons: z.array(reasonSchema),
    posted_at: isoTime,
    received_at: isoTime,
    scored_at: isoTime.nullable(),
  })
  .strict();

const clusterSummaryShape = {
  id: z.string(),
  status: clusterStatusSchema,
  verdict,
  score: z.number().min(0).max(1),
  size: z.number().int(),
  account_count: z.number().int(),
  thread_count: z.number().int(),
  reasons: z.array(reasonSchema).nullable(),
  updated_at: isoTime,
  /** Bumped by every moderator's decision: send it back with a decision. */
  version: z.number().int(),
};

export const clusterSummarySchema = z.object(clusterSummaryShape).strict();

/** `GET /v1/clusters`: one page, highest score first; `next_cursor` is null on the last page. */
export const clusterListResponseSchema = z.object({ clusters: z.array(clusterSummarySchema), next_cursor: z.string().nullable() }).strict();

/** A member of a cluster as moderators see it; every member carries its cluster's verdict and score. */
export const clusterMemberSchema = z
  .object({
    ...sentShape,
    representative: z.boolean(),
    /** For a reply: the comment it answers, when Chorus received it. */
    parent: z
      .object({ id: z.string(), author_id: z.string().nullable(), author_name: z.string().nullable(), text: z.string(), posted_at: isoTime.nullable() })
      .strict()
      .nullable(),
    posted_at: isoTime.nullable(),
    verdict,
    score: z.number().min(0).max(1),
  })
  .strict();

/** One moderator's decision on a cluster: what, who (the moderator of a named key, and the key's prefix), when, the version it made. */
export const moderationEntrySchema = z
  .object({
    action: z.enum(['confirm', 'dismiss', 'reopen', 'drop']),
    /** For `drop`: the publisher's id of the comment dropped. */
    comment_id: z.string().nullable(),
    note: z.string().nullable(),
    moderator: z.string().nullable(),
    key_prefix: z.string().nullable(),
    version: z.number().int().nullable(),
    created_at: isoTime,
  })
  .strict();

/** When the members were posted (UTC): first and last known time, the minutes between, and how many have no known time. */
const timeSpanSchema = z
  .object({ first: isoTime.nullable(), last: isoTime.nullable(), minutes: z.number().int().nullable(), unknown_times: z.number().int() })
  .strict();

/** `GET /v1/clusters/:id`. */
export const clusterDetailResponseSchema = z
  .object({ ...clusterSummaryShape, created_at: isoTime, time_span: timeSpanSchema, history: z.array(moderationEntrySchema), threads: z.array(threadViewSchema), members: z.array(clusterMemberSchema) })
  .strict();

/** `GET /v1/moderation-log`: the tenant's decisions, newest first; `next_cursor` is null on the last page. */
export const moderationLogResponseSchema = z
  .object({ entries: z.array(moderationEntrySchema.extend({ id: z.string(), cluster_id: z.string() }).strict()), next_cursor: z.string().nullable() })
  .strict();

/** `POST /v1/clusters/:id/review`: the cluster's status after the decision. */
export const reviewResponseSchema = z.object({ id: z.string(), status: clusterStatusSchema, action: z.enum(['confirm', 'dismiss', 'reopen']), version: z.number().int() }).strict();

/** `POST /v1/clusters/:id/drop`: the cluster after the member left. */
export const dropResponseSchema = z.object({ id: z.string(), status: clusterStatusSchema, dropped: z.string(), size: z.number().int(), version: z.number().int() }).strict();

/** `409` for a decision made on a version that is no longer the cluster's: the cluster now, and the decision that changed it. */
export const staleDecisionResponseSchema = z
  .object({
    error: z.object({ code: z.literal('already_decided'), message: z.string(), field: z.literal('version') }).strict(),
    cluster: z.object({ id: z.string(), status: clusterStatusSchema, version: z.number().int() }).strict(),
    decided_by: moderationEntrySchema.nullable(),
  })
  .strict();

const thresholds = z
  .object({ suspect_threshold: z.number().min(0).max(1), coordinated_threshold: z.number().min(0).max(1), rate_limit_per_minute: z.number().int().min(1).nullable() })
  .strict();

/** `GET` and `PUT /v1/settings`: the settings in force and the defaults. */
export const settingsResponseSchema = z.object({ settings: thresholds, defaults: thresholds }).strict();

/** `GET /v1/network` as JSON. */
export const networkResponseSchema = z
  .object({
    window_hours: z.number(),
    min_weight: z.number().int(),
    nodes: z.array(z.object({ id: z.string(), comments: z.number().int(), clusters: z.number().int() }).strict()),
    edges: z.array(z.object({ source: z.string(), target: z.string(), weight: z.number().int(), clusters: z.array(z.string()) }).strict()),
  })
  .strict();

const probe = z.enum(['ok', 'timeout', 'unreachable']);

/** `GET /healthz`: 200 when both answer, 503 naming the one that does not. */
export const healthResponseSchema = z.object({ status: z.enum(['ok', 'degraded']), postgres: probe, redis: probe }).strict();
