// The OpenAPI 3.1 description of every route, generated from the zod schemas that validate the
// requests (packages/contracts) and describe the answers (contracts' responses.ts), so the two
// cannot drift apart. test/e2e/openapi.test.ts checks it covers every route and that real answers
// fit it.
import { extendZodWithOpenApi, OpenAPIRegistry, OpenApiGeneratorV31, type ResponseConfig, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import {
  clusterDetailResponseSchema, clusterListResponseSchema, commentInputSchema, commentViewSchema, errorResponseSchema,
  exportQuerySchema, externalIdSchema, healthResponseSchema, ingestBatchResponseSchema, ingestItemResponseSchema, internalErrorResponseSchema,
  MAX_BATCH_SIZE, MAX_TEXT_LENGTH, networkQuerySchema, networkResponseSchema, reviewBodySchema, reviewResponseSchema, rowIdSchema, settingsResponseSchema,
  dropBodySchema, dropResponseSchema, moderationLogQuerySchema, moderationLogResponseSchema, settingsUpdateSchema, staleDecisionResponseSchema,
} from '@chorus/contracts';
import { DETECTION_TEXT_LIMIT, ingestBatchRejectedResponseSchema, ingestQuerySchema, threadUpdateSchema, threadViewSchema } from '@chorus/contracts';
import { accountResponseSchema, clusterCountsQuerySchema, clusterCountsResponseSchema, clusterSearchQuerySchema } from '@chorus/contracts';
import { memberReviewBodySchema, memberReviewResponseSchema, restoreResponseSchema } from './routes/cluster-drop.js';
import { threadCommentsQuerySchema, threadCommentsResponseSchema } from './routes/threads.js';
import { deliveryListSchema, testEventResponseSchema, webhookCreateSchema, webhookListSchema, webhookWithSecretSchema } from '@chorus/contracts';

// Adds `.openapi()` (metadata only; validation is unchanged).
extendZodWithOpenApi(z);

type Responses = RouteConfig['responses'];

/** Builds the document; the app serves one copy, built on first request. */
export function openApiDocument(): ReturnType<OpenApiGeneratorV31['generateDocument']> {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key; it belongs to one tenant, which only ever sees its own data, and has scopes (`ingest`, `moderate`, `read`) and, for a person, a moderator\'s name.',
  });
  const security = [{ [bearer.name]: [] }];

  const error = registry.register('Error', errorResponseSchema);
  const internal = registry.register('InternalError', internalErrorResponseSchema);
  const json = (schema: z.ZodTypeAny) => ({ 'application/json': { schema } });
  const fail = (description: string): ResponseConfig => ({ description, content: json(error) });
  const ok = (description: string, schema: z.ZodTypeAny): ResponseConfig => ({ description, content: json(schema) });

  /** What every `/v1` route can answer besides its own (README, "Answers every /v1 route can give"). */
  const common: Responses = {
    400: fail('Malformed HTTP, a path id that is not percent-encoded UTF-8, or a body that is not JSON, not UTF-8 or not what its Content-Encoding says.'),
    401: fail('Missing, malformed, unknown or revoked key (field `authorization`).'),
    403: fail('The key lacks the scope the route needs (`forbidden`, field `authorization`): writes to clusters and settings need `moderate`, webhooks and other writes `ingest`; reads need `read` or `moderate` (a comment or thread also `ingest`; webhooks `ingest` only).'),
    404: fail('Unknown route (field `path`).'),
    408: fail('The body sent nothing for HTTP_BODY_IDLE_TIMEOUT_MS, or the request took too long; the connection is closed.'),
    413: fail('Body over 12 MiB (`POST /v1/comments`) or 64 KiB (every other route), answered from Content-Length before any of it is read.'),
    429: fail("Over the key's rate limit (`rate_limited`, field `authorization`): the tenant's `rate_limit_per_minute` or the operator's default. `Retry-After` says in how many seconds to retry."),
    415: fail('A body that is not application/json in UTF-8, or a Content-Encoding other than gzip, deflate or identity.'),
    431: fail('Request headers too large.'),
    500: { description: 'A bug, logged under `request_id`.', content: json(internal) },
    503: fail('PostgreSQL is unreachable (`unavailable`), or the route did not answer within HTTP_RESPONSE_TIMEOUT_MS (`response_timeout`); retry later.'),
  };
  const v1 = (route: Omit<RouteConfig, 'security'>) => registry.registerPath({ ...route, tags: ['v1'], security, responses: { ...common, ...route.responses } });
  const body = (schema: z.ZodTypeAny) => ({ required: true, content: json(schema) });

  const commentView = registry.register('CommentView', commentViewSchema);
  const clusterId = z.object({ id: rowIdSchema.openapi({ description: 'A cluster id: an integer 0..2^63-1.', pattern: '^\\d{1,19}$' }) });
  // Refinements are opaque to the generator: the text's bounds and the time's syntax are stated here.
  const time = { description: 'RFC 3339 with an offset (`Z`, `+02:00`, `+0200` or `+02`), 1970-01-01..9999-12-31 in UTC.', example: '2024-05-01T12:00:00Z' };
  const commentInput = registry.register(
    'CommentInput',
    commentInputSchema.extend({
      text: commentInputSchema.shape.text.openapi({ minLength: 1, maxLength: MAX_TEXT_LENGTH, description: 'Stored byte-exact; must not be only whitespace.' }),
      posted_at: commentInputSchema.shape.posted_at.openapi(time),
    }),
  );
  // The batch as ingest reads it: `commentBatchSchema` bounds the array, then each item is a CommentInput.
  const batch = registry.register('CommentBatch', z.object({ comments: z.array(commentInput).min(1).max(MAX_BATCH_SIZE) }));

  const batchRejected = registry.register('IngestBatchRejected', ingestBatchRejectedResponseSchema);
  v1({
    method: 'post',
    path: '/v1/comments',
    summary: 'Ingest one comment or a batch',
    description:
      `One comment, or \`{"comments": [...]}\` with 1 to ${MAX_BATCH_SIZE}. \`202\` means stored in PostgreSQL; detection runs asynchronously. ` +
      'A batch stores every valid comment and answers one item per comment sent, in order: its `status` and `duplicate`, or an `error` naming the field; ' +
      'with `atomic=true` it is all or nothing. Re-sending an id with identical content is harmless. ' +
      `Texts up to ${MAX_TEXT_LENGTH} characters are stored whole; detection reads the first ${DETECTION_TEXT_LIMIT}.`,
    request: { query: ingestQuerySchema.openapi({ description: '`atomic=true`: a batch with any bad or conflicting comment stores nothing.' }), body: body(z.union([commentInput, batch])) },
    responses: {
      200: ok('A single re-send of a stored comment: the comment as GET shows it.', commentView),
      202: ok('Stored; one comment answers an item, a batch `{accepted, created, rejected, comments}`.', z.union([registry.register('IngestItem', ingestItemResponseSchema), registry.register('IngestBatch', ingestBatchResponseSchema)])),
      409: {
        description: 'The same id was received with different content (field `id` or `comments[i].id`): one comment, an atomic batch (nothing stored), or a batch of which nothing else could be stored.',
        content: json(z.union([error, batchRejected])),
      },
      422: {
        description: 'A missing, mistyped, empty, over-long or unstorable field, a time out of range, a batch of 0 or too many, or one id twice in a batch with different content; a batch answers it with every item when none of its comments could be stored.',
        content: json(z.union([error, batchRejected])),
      },
    },
  });
  v1({
    method: 'get',
    path: '/v1/comments/{id}',
    summary: 'A comment and its verdict',
    request: { params: z.object({ id: externalIdSchema.openapi({ description: "The publisher's comment id, exactly as sent." }) }) },
    responses: { 200: ok('The comment.', commentView), 404: fail('The tenant has no such comment (field `id`).') },
  });
  v1({
    method: 'get',
    path: '/v1/clusters',
    summary: 'Clusters by score (or newest, or largest) first, filtered',
    description:
      'A queue (`status`, or every cluster without it), filtered by a member\'s `thread` or `account` (the publisher\'s ids), `verdict`, `min_score`, members posted in ' +
      '[`posted_since`, `posted_until`), and `updated_since` (changed since: new, grown or decided). `sort`: `score` (highest first, the default), `newest` (created last first) or `size`.',
    request: {
      query: clusterSearchQuerySchema.extend({
        posted_since: clusterSearchQuerySchema.shape.posted_since.openapi(time),
        posted_until: clusterSearchQuerySchema.shape.posted_until.openapi(time),
        updated_since: clusterSearchQuerySchema.shape.updated_since.openapi(time),
      }),
    },
    responses: {
      200: ok('One page; pass `next_cursor` as `cursor` (with the same `sort`) for the next.', registry.register('ClusterList', clusterListResponseSchema)),
      400: fail('A cursor this API did not return for this sort (field `cursor`).'),
      422: fail('A bad `status`, `limit`, `sort` or filter (named in `field`).'),
    },
  });
  v1({
    method: 'get',
    path: '/v1/cluster-counts',
    summary: 'How many clusters each queue holds',
    description: 'The filters of `GET /v1/clusters` (no `status`, `sort` or page). `as_of` is the time of the count: pass it as `updated_since` to the list to see what changed since.',
    request: {
      query: clusterCountsQuerySchema.extend({
        posted_since: clusterCountsQuerySchema.shape.posted_since.openapi(time),
        posted_until: clusterCountsQuerySchema.shape.posted_until.openapi(time),
        updated_since: clusterCountsQuerySchema.shape.updated_since.openapi(time),
      }),
    },
    responses: { 200: ok('The counts.', registry.register('ClusterCounts', clusterCountsResponseSchema)), 422: fail('A bad filter (named in `field`).') },
  });
  v1({
    method: 'get',
    path: '/v1/accounts/{id}',
    summary: "An account's comments, clusters and co-occurring accounts",
    description:
      'The account (the publisher\'s `author_id`): the names it posted under, how many comments and how many of them in flagged clusters, first and last known posting time (UTC), ' +
      'its newest 200 comments, its clusters with how many of its comments each holds, and up to 50 accounts with comments in the same clusters, most shared first.',
    request: { params: z.object({ id: externalIdSchema.openapi({ description: "The publisher's author id, exactly as sent." }) }) },
    responses: { 200: ok('The account.', registry.register('Account', accountResponseSchema)), 404: fail('The tenant has no comment by this account (field `id`).') },
  });
  v1({
    method: 'get',
    path: '/v1/clusters/{id}',
    summary: 'A cluster with its members and moderation history',
    request: { params: clusterId },
    responses: { 200: ok('The cluster.', registry.register('ClusterDetail', clusterDetailResponseSchema)), 404: fail('Not the tenant\'s cluster, or not an integer 0..2^63-1 (field `id`).') },
  });
  const staleDecision = registry.register('StaleDecision', staleDecisionResponseSchema);
  v1({
    method: 'post',
    path: '/v1/clusters/{id}/review',
    summary: "A moderator's decision",
    description:
      'The status becomes `confirmed`, `dismissed` or `flagged` again; the decision is logged (with the key, the moderator of a named key, and the note) and survives recomputation. ' +
      'Send the `version` the cluster had when the moderator read it: if another decision came first, the answer is a 409 saying who made it, and nothing changes. Without `version` the decision applies to whatever is current.',
    request: { params: clusterId, body: body(reviewBodySchema) },
    responses: {
      200: ok('The status and version now.', registry.register('ReviewResult', reviewResponseSchema)),
      409: { description: 'The cluster was decided since `version` (field `version`): the cluster now and the decision that changed it.', content: json(staleDecision) },
      404: fail('Not the tenant\'s cluster (field `id`).'),
      422: fail('A bad action, an unknown field or an unstorable note.'),
    },
  });
  const threadId = z.object({ id: externalIdSchema.openapi({ description: "The publisher's thread id, exactly as sent." }) });
  const thread = registry.register('Thread', threadViewSchema);
  v1({
    method: 'get',
    path: '/v1/threads/{id}',
    summary: "A thread's title and URL",
    request: { params: threadId },
    responses: { 200: ok('The thread.', thread), 404: fail('The tenant has no such thread (field `id`).') },
  });
  v1({
    method: 'get',
    path: '/v1/threads/{id}/comments',
    summary: "A thread's whole discussion",
    description:
      'The thread and its comments in posting order (a comment without a known time, whose `posted_at` is null, where it arrived), `limit` (1-200, default 100) at a time: ' +
      'pass `next_cursor` back as `cursor` for the next page. Each comment names its parent (`parent_id`), its cluster and that cluster\'s verdict.',
    request: { params: threadId, query: threadCommentsQuerySchema },
    responses: {
      200: ok('A page of the discussion.', registry.register('ThreadComments', threadCommentsResponseSchema)),
      400: fail('A cursor this API did not return (field `cursor`).'),
      404: fail('The tenant has no such thread (field `id`).'),
      422: fail('A bad `limit`.'),
    },
  });
  v1({
    method: 'put',
    path: '/v1/threads/{id}',
    summary: "Set a thread's title and URL",
    description: 'Comments carry `thread_title` and `thread_url`, and the first seen are kept; this sets them explicitly (a field left out keeps its value, null clears it). A thread not seen yet is created.',
    request: { params: threadId, body: body(threadUpdateSchema) },
    responses: { 200: ok('The thread now.', thread), 422: fail('An empty body, an unknown field, a title that is empty or too long, a URL that is not absolute http(s), or an id no comment can have.') },
  });
  v1({
    method: 'post',
    path: '/v1/clusters/{id}/drop',
    summary: 'Drop a member that does not belong',
    description:
      'The comment (`comment_id`, the publisher\'s id) leaves the cluster now and stays out of it, and of every cluster, when its component is decided again; its verdict becomes clean. ' +
      'The cluster\'s counts are those of the members left at once; its score and reasons once the detector has decided it again. Logged like a review (with `comment_id`), with the same `version` check.',
    request: { params: clusterId, body: body(dropBodySchema) },
    responses: {
      200: ok('The cluster after the member left.', registry.register('DropResult', dropResponseSchema)),
      404: fail('Not the tenant\'s cluster (field `id`).'),
      409: { description: 'The cluster was decided since `version` (field `version`): the cluster now and the decision that changed it.', content: json(staleDecision) },
      422: fail('Not a member of the cluster, the last two members, an unknown field or an unstorable note (named in `field`).'),
    },
  });
  /** A decision about one member: the same 404, 409 and version check as a review. */
  const memberDecision = (path: string, summary: string, description: string, request: z.ZodTypeAny, result: ResponseConfig, unprocessable: string) =>
    v1({
      method: 'post',
      path,
      summary,
      description,
      request: { params: clusterId, body: body(request) },
      responses: {
        200: result,
        404: fail('Not the tenant\'s cluster (field `id`).'),
        409: { description: 'The cluster was decided since `version` (field `version`): the cluster now and the decision that changed it.', content: json(staleDecision) },
        422: fail(unprocessable),
      },
    });
  memberDecision(
    '/v1/clusters/{id}/restore',
    'Put a dropped member back (the undo of a drop)',
    'The comment (`comment_id`) dropped from this cluster, and in no cluster since, is a member again and the detector decides the cluster again. ' +
      'Logged as `reopen` naming the comment, with the same `version` check as a review.',
    dropBodySchema,
    ok('The cluster with the member back.', registry.register('RestoreResult', restoreResponseSchema)),
    'Not a comment dropped from this cluster (or taken by another since), an unknown field or an unstorable note (named in `field`).',
  );
  memberDecision(
    '/v1/clusters/{id}/member-review',
    'Confirm or dismiss one member',
    'A moderator\'s judgement of one comment of the cluster (`comment_id`): `confirm` (part of the campaign) or `dismiss` (organic). The cluster\'s status is unchanged; ' +
      'the decision is logged as `confirm` or `dismiss` naming the comment, and moves the cluster\'s `version` like a review.',
    memberReviewBodySchema,
    ok('The decision recorded.', registry.register('MemberReviewResult', memberReviewResponseSchema)),
    'Not a member of the cluster, a bad `action`, an unknown field or an unstorable note (named in `field`).',
  );
  v1({
    method: 'get',
    path: '/v1/moderation-log',
    summary: "The tenant's moderation decisions, newest first",
    description:
      'Who (`moderator` for a named key, and the key\'s prefix), what, on which cluster, when, with which note. Filters: `moderator` (a name or a key prefix), `action`, `cluster_id`, `since` (inclusive) and `until` (exclusive).',
    request: { query: moderationLogQuerySchema.extend({ since: moderationLogQuerySchema.shape.since.openapi(time), until: moderationLogQuerySchema.shape.until.openapi(time) }) },
    responses: {
      200: ok('One page; pass `next_cursor` as `cursor` for the next.', registry.register('ModerationLog', moderationLogResponseSchema)),
      422: fail('A bad filter, `limit` or `cursor` (named in `field`).'),
    },
  });
  const webhookId = z.object({ id: rowIdSchema.openapi({ description: 'A webhook id: an integer 0..2^63-1.', pattern: '^\\d{1,19}$' }) });
  const withSecret = registry.register('WebhookWithSecret', webhookWithSecretSchema);
  const noHook = fail('Not the tenant\'s endpoint (field `id`).');
  v1({
    method: 'post',
    path: '/v1/webhooks',
    summary: 'Register an endpoint for events',
    description:
      'Events: `cluster.flagged`, `cluster.updated`, `cluster.confirmed` (with every member id), `cluster.dismissed`, `comment.scored` (opt-in). ' +
      'Each delivery is a POST of `{id, type, created_at, data}` signed in `Chorus-Signature: t=<unix seconds>,v1=<hex>`: HMAC-SHA256 with the secret over `<t>.<body>`. ' +
      'Refuse a `t` more than 5 minutes away. Retried with exponential backoff until a 2xx.',
    request: { body: body(webhookCreateSchema) },
    responses: { 201: ok('The endpoint and its signing secret, shown this once.', withSecret), 422: fail('A `url` that is not absolute http(s), or `events` empty, unknown or repeated.') },
  });
  v1({ method: 'get', path: '/v1/webhooks', summary: "The tenant's endpoints (without secrets)", responses: { 200: ok('The endpoints.', registry.register('WebhookList', webhookListSchema)) } });
  v1({ method: 'delete', path: '/v1/webhooks/{id}', summary: 'Remove an endpoint and its delivery log', request: { params: webhookId }, responses: { 204: { description: 'Removed.' }, 404: noHook } });
  v1({
    method: 'get',
    path: '/v1/webhooks/{id}/deliveries',
    summary: 'Delivery log: the latest 100, newest first',
    request: { params: webhookId },
    responses: { 200: ok('Each delivery with its status, attempts and last answer.', registry.register('DeliveryList', deliveryListSchema)), 404: noHook },
  });
  v1({
    method: 'post',
    path: '/v1/webhooks/{id}/test',
    summary: 'Send a `webhook.test` event to the endpoint',
    request: { params: webhookId },
    responses: { 202: ok('Queued; follow it in the delivery log.', registry.register('TestEvent', testEventResponseSchema)), 404: noHook },
  });
  v1({
    method: 'post',
    path: '/v1/webhooks/{id}/rotate-secret',
    summary: 'Replace the signing secret',
    description: 'For 24 hours deliveries carry a `v1` signature for each secret, so the receiver can switch without missing one.',
    request: { params: webhookId },
    responses: { 200: ok('The endpoint and its new secret.', withSecret), 404: noHook },
  });
  const settings = registry.register('Settings', settingsResponseSchema);
  v1({ method: 'get', path: '/v1/settings', summary: "The tenant's detection thresholds", responses: { 200: ok('Settings in force and the defaults.', settings) } });
  v1({
    method: 'put',
    path: '/v1/settings',
    summary: 'Replace the thresholds',
    description: 'A field left out takes its default, not its current value. `{}` is a 422, not a reset. `rate_limit_per_minute` (null: the operator\'s default) limits each of the tenant\'s keys, up to the operator\'s ceiling.',
    request: { body: body(settingsUpdateSchema) },
    responses: { 200: ok('Settings now in force.', settings), 422: fail('An empty body, an unknown key, a value outside 0..1, or a suspect threshold above the coordinated one.') },
  });
  v1({
    method: 'get',
    path: '/v1/network',
    summary: 'The account co-similarity network',
    description: 'Accounts that posted members of the same flagged cluster within `window_hours`, weighted by clusters shared.',
    request: { query: networkQuerySchema.extend({ since: networkQuerySchema.shape.since.openapi(time) }) },
    responses: {
      200: {
        description: 'The network as JSON (`format=json`), GraphML (`graphml`) or CSV edges (`csv`).',
        content: { ...json(registry.register('Network', networkResponseSchema)), 'application/graphml+xml': { schema: z.string() }, 'text/csv': { schema: z.string() } },
      },
      422: fail('A bad `format`, `window_hours`, `min_weight` or `since`.'),
    },
  });
  v1({
    method: 'get',
    path: '/v1/exports/flagged.csv',
    summary: 'Every comment of every flagged cluster, as CSV',
    request: { query: exportQuerySchema.extend({ since: exportQuerySchema.shape.since.openapi(time) }) },
    responses: { 200: { description: 'UTF-8 with BOM and CRLF.', content: { 'text/csv': { schema: z.string() } } }, 422: fail('A bad `since`.') },
  });
  v1({
    method: 'get',
    path: '/v1/reports/summary.html',
    summary: 'A summary report for editors, as one self-contained HTML file',
    description:
      'Headline figures, flagged comments over time, cluster size and account distributions, the account network, thread takeover and the top clusters with reasons and sample members. ' +
      'Opens offline: its styles, charts (Chart.js, inlined) and figures are in the file, and its Content-Security-Policy (sent as a header and in the page) lets only its own scripts run. ' +
      'With `since`: comments received and clusters updated since then.',
    request: { query: exportQuerySchema.extend({ since: exportQuerySchema.shape.since.openapi(time) }) },
    responses: { 200: { description: 'An HTML file, sent as an attachment (`chorus-summary.html`).', content: { 'text/html': { schema: z.string() } } }, 422: fail('A bad `since`.') },
  });

  const health = registry.register('Health', healthResponseSchema);
  registry.registerPath({
    method: 'get',
    path: '/healthz',
    summary: 'Whether PostgreSQL and Redis answer (no key)',
    responses: { 200: ok('Both answer.', health), 503: ok('Names what does not answer.', health) },
  });
  registry.registerPath({ method: 'get', path: '/metrics', summary: 'Prometheus metrics (no key)', responses: { 200: { description: 'Prometheus text format 0.0.4.', content: { 'text/plain': { schema: z.string() } } } } });
  registry.registerPath({ method: 'get', path: '/openapi.json', summary: 'This document (no key)', responses: { 200: { description: 'OpenAPI 3.1.', content: json(z.object({}).passthrough()) } } });
  registry.registerPath({ method: 'get', path: '/docs', summary: 'This document rendered as HTML (no key)', responses: { 200: { description: 'An HTML page.', content: { 'text/html': { schema: z.string() } } } } });

  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Chorus API',
      version: '1',
      description: 'Detects coordinated inauthentic commenting. Errors are `{"error": {"code", "message", "field"}}`; ids and strings are stored exactly as sent; times are RFC 3339 with an offset and answered in UTC with milliseconds.',
    },
    tags: [{ name: 'v1', description: 'Needs `Authorization: Bearer <api key>`.' }],
  });
}
