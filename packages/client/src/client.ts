// A typed client for the Chorus API: a thin layer over fetch, its types inferred from the zod
// schemas in @chorus/contracts that validate the requests and describe the answers.
import type { z } from 'zod';
import type {
  accountResponseSchema, clusterCountsResponseSchema, clusterDetailResponseSchema, clusterListResponseSchema, CommentInput, commentViewSchema, ingestBatchResponseSchema, ingestItemResponseSchema,
  moderationLogResponseSchema, networkResponseSchema, reviewResponseSchema, settingsResponseSchema, threadViewSchema, ThreadUpdate,
  deliveryListSchema, webhookListSchema, webhookWithSecretSchema, WebhookEvent,
} from '@chorus/contracts';
import { OPERATIONS, type OperationName } from './operations.js';

export type CommentView = z.infer<typeof commentViewSchema>;
export type IngestItem = z.infer<typeof ingestItemResponseSchema>;
export type IngestBatch = z.infer<typeof ingestBatchResponseSchema>;
export type ClusterList = z.infer<typeof clusterListResponseSchema>;
export type ClusterDetail = z.infer<typeof clusterDetailResponseSchema>;
export type ClusterCounts = z.infer<typeof clusterCountsResponseSchema>;
export type Account = z.infer<typeof accountResponseSchema>;
export type ReviewResult = z.infer<typeof reviewResponseSchema>;
export type ModerationLog = z.infer<typeof moderationLogResponseSchema>;
export type Settings = z.infer<typeof settingsResponseSchema>;
export type ThreadView = z.infer<typeof threadViewSchema>;
export type Network = z.infer<typeof networkResponseSchema>;
export type WebhookWithSecret = z.infer<typeof webhookWithSecretSchema>;
export type WebhookList = z.infer<typeof webhookListSchema>;
export type DeliveryList = z.infer<typeof deliveryListSchema>;
export type ClusterStatus = ClusterList['clusters'][number]['status'];
/** The filters of the cluster list and counts; times as RFC 3339 strings. */
export type ClusterFilterQuery = {
  thread?: string;
  account?: string;
  verdict?: 'clean' | 'suspect' | 'coordinated';
  min_score?: number;
  posted_since?: string;
  posted_until?: string;
  updated_since?: string;
};

/** An error answer: the documented `{"error": {"code", "message", "field"}}`, its status, and the whole body. */
export class ChorusError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field: string | null,
    /** Seconds to wait, from `Retry-After` (429). */
    readonly retryAfter: number | null,
    readonly body: unknown,
  ) {
    super(message);
    this.name = 'ChorusError';
  }
}

export interface ClientOptions {
  /** Where the API listens, e.g. `http://127.0.0.1:8080`. */
  readonly baseUrl: string;
  readonly apiKey: string;
  /** Another fetch (a proxy, a test double); the global one by default. */
  readonly fetch?: typeof fetch;
}

type Query = Readonly<Record<string, string | number | boolean | undefined>>;

/** Builds a client for one API key. */
export function createClient(options: ClientOptions) {
  const fetchImpl = options.fetch ?? fetch;
  const base = options.baseUrl.replace(/\/+$/, '');

  async function call<T>(operation: OperationName, params: { id?: string; query?: Query; body?: unknown; as?: 'json' | 'text' } = {}): Promise<{ status: number; body: T }> {
    const [method, template] = OPERATIONS[operation].split(' ');
    const path = template.replace('{id}', encodeURIComponent(params.id ?? ''));
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(params.query ?? {})) if (v !== undefined) search.set(k, String(v));
    const qs = search.size > 0 ? `?${search}` : '';
    // The API takes a JSON body with every POST and PUT, even one that carries nothing.
    const payload = params.body ?? (method === 'get' || method === 'delete' ? undefined : {});
    const res = await fetchImpl(`${base}${path}${qs}`, {
      method: method.toUpperCase(),
      headers: { authorization: `Bearer ${options.apiKey}`, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
      body: payload === undefined ? undefined : JSON.stringify(payload),
    });
    if (res.status === 204) return { status: res.status, body: undefined as T };
    if (res.ok) return { status: res.status, body: (params.as === 'text' ? await res.text() : await res.json()) as T };
    const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string; field?: string | null } } | null;
    const retryAfter = res.headers.get('retry-after');
    throw new ChorusError(res.status, body?.error?.code ?? 'http_error', body?.error?.message ?? `HTTP ${res.status}`, body?.error?.field ?? null, retryAfter === null ? null : Number(retryAfter), body);
  }
  const json = async <T>(operation: OperationName, params?: Parameters<typeof call>[1]) => (await call<T>(operation, params)).body;

  return {
    /** Sends one comment: `202` stored (`status: 202`), or `200` when it re-sends a stored one (the comment as stored). */
    ingestOne: (comment: CommentInput) => call<IngestItem | CommentView>('ingest', { body: comment }),
    /** Sends a batch: every valid comment is stored and each is answered in order; `atomic` stores all or nothing. */
    ingestBatch: (comments: readonly CommentInput[], opts: { atomic?: boolean } = {}) =>
      json<IngestBatch>('ingest', { body: { comments }, query: { atomic: opts.atomic } }),
    getComment: (id: string) => json<CommentView>('getComment', { id }),
    listClusters: (query: { status?: ClusterStatus; sort?: 'score' | 'newest' | 'size'; limit?: number; cursor?: string } & ClusterFilterQuery = {}) => json<ClusterList>('listClusters', { query }),
    getCluster: (id: string) => json<ClusterDetail>('getCluster', { id }),
    /** How many clusters each queue holds under the filters, and the time of the count. */
    clusterCounts: (query: ClusterFilterQuery = {}) => json<ClusterCounts>('clusterCounts', { query }),
    /** An account's comments, clusters, first and last seen, and the accounts sharing its clusters. */
    getAccount: (id: string) => json<Account>('getAccount', { id }),
    reviewCluster: (id: string, body: { action: 'confirm' | 'dismiss' | 'reopen'; note?: string | null; version?: number }) => json<ReviewResult>('reviewCluster', { id, body }),
    /** Takes a comment that does not belong out of a cluster. */
    dropFromCluster: (id: string, body: { comment_id: string; note?: string | null; version?: number }) => json<unknown>('dropFromCluster', { id, body }),
    /** Puts a dropped member back (the undo of a drop). */
    restoreToCluster: (id: string, body: { comment_id: string; note?: string | null; version?: number }) => json<unknown>('restoreToCluster', { id, body }),
    /** Confirms or dismisses one member; the cluster's status is unchanged. */
    reviewMember: (id: string, body: { comment_id: string; action: 'confirm' | 'dismiss'; note?: string | null; version?: number }) => json<unknown>('reviewMember', { id, body }),
    moderationLog: (query: Query = {}) => json<ModerationLog>('moderationLog', { query }),
    getThread: (id: string) => json<ThreadView>('getThread', { id }),
    /** A page of the thread's comments in posting order; pass `next_cursor` back as `cursor`. */
    threadComments: (id: string, query: { limit?: number; cursor?: string } = {}) => json<unknown>('threadComments', { id, query }),
    putThread: (id: string, body: ThreadUpdate) => json<ThreadView>('putThread', { id, body }),
    getSettings: () => json<Settings>('getSettings'),
    putSettings: (body: Partial<Settings['settings']>) => json<Settings>('putSettings', { body }),
    network: (query: { window_hours?: number; min_weight?: number; since?: string } = {}) => json<Network>('network', { query: { ...query, format: 'json' } }),
    flaggedCsv: (query: { since?: string } = {}) => json<string>('flaggedCsv', { query, as: 'text' }),
    /** The summary report: one self-contained HTML file to save and open (it needs no network). */
    summaryReport: (query: { since?: string } = {}) => json<string>('summaryReport', { query, as: 'text' }),
    /** Registers an endpoint for some events; the answer holds its signing secret, shown this once. */
    createWebhook: (body: { url: string; events: WebhookEvent[] }) => json<WebhookWithSecret>('createWebhook', { body }),
    listWebhooks: () => json<WebhookList>('listWebhooks'),
    deleteWebhook: (id: string) => json<void>('deleteWebhook', { id }),
    webhookDeliveries: (id: string) => json<DeliveryList>('webhookDeliveries', { id }),
    testWebhook: (id: string) => json<{ delivery_id: string }>('testWebhook', { id }),
    /** A new secret; the old one keeps signing for 24 hours. */
    rotateWebhookSecret: (id: string) => json<WebhookWithSecret>('rotateWebhookSecret', { id }),
  };
}

export type ChorusClient = ReturnType<typeof createClient>;
