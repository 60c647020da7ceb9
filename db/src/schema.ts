import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Reasons = JSONColumnType<{ signal: string; weight: number; text: string }[] | null, string | null, string | null>;

export interface TenantsTable {
  readonly id: string;
  name: string;
  settings: JSONColumnType<Record<string, unknown>, string, string>;
  created_at: Generated<Date>;
}

export interface ApiKeysTable {
  id: Generated<string>;
  tenant_id: string;
  /** sha256 of the whole key; the key itself is shown once and never stored. */
  key_hash: string;
  /** First characters of the key, to tell keys apart in listings and revoke them. */
  key_prefix: string;
  /** What the key may do: `ingest`, `moderate`, `read`. */
  scopes: ColumnType<string[], string[], string[]>;
  /** The moderator a person's key belongs to (the moderation log names them); null for a service's key. */
  moderator: string | null;
  created_at: Generated<Date>;
  revoked_at: Date | null;
}

export interface ThreadsTable {
  tenant_id: string;
  id: string;
  /** The page's title and address, as the publisher sent them (the first seen, or set by PUT /v1/threads/:id). */
  title: Generated<string | null>;
  url: Generated<string | null>;
  first_seen_at: Generated<Date>;
}

export interface AccountsTable {
  tenant_id: string;
  id: string;
  name: string | null;
  first_seen_at: Generated<Date>;
}

/** A comment's detection status: pending until scored, or failed for good. */
export type CommentStatus = 'pending' | 'scored' | 'failed';

export interface CommentsTable {
  id: Generated<string>;
  tenant_id: string;
  external_id: string;
  thread_id: string;
  parent_external_id: string | null;
  account_id: string | null;
  author_name: string | null;
  text: string;
  /** Hash of every field the publisher sent, to tell a harmless re-send from a conflicting one. */
  content_hash: string;
  /** Fingerprint of the normalized text: equal for exact copies. */
  norm_hash: string;
  posted_at: Timestamp;
  /** False when the publisher sent no posted_at (posted_at then holds the receive time). */
  posted_at_known: boolean;
  received_at: Generated<Date>;
  /** 'failed': detection failed for a reason no retry can fix (the reason is in `failure`); terminal. */
  status: Generated<CommentStatus>;
  /** Why detection failed for good (status 'failed'), for the publisher and the operator; null otherwise. */
  failure: string | null;
  /** The comment's cluster: its verdict, score and reasons are the cluster's (none: clean once scored). */
  cluster_id: string | null;
  /** When a moderator dropped it from its cluster: no later decision of its component puts it in one. */
  dropped_at: Generated<Date | null>;
  scored_at: Date | null;
}

export interface ClustersTable {
  id: Generated<string>;
  tenant_id: string;
  representative_id: string;
  status: 'flagged' | 'watching' | 'confirmed' | 'dismissed';
  score: number;
  verdict: 'clean' | 'suspect' | 'coordinated';
  reasons: Reasons;
  size: number;
  account_count: number;
  thread_count: number;
  /** The size at the cluster's last full decision (members attached since grew `size` alone). */
  decided_size: Generated<number>;
  /** Bumped by every moderator's decision; a decision made on an older version is refused. */
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface EdgesTable {
  tenant_id: string;
  /** The smaller comment id of the pair. */
  a_id: string;
  b_id: string;
  kind: 'exact' | 'lexical' | 'semantic' | 'echo' | 'ring' | 'swarm';
  similarity: number;
  created_at: Generated<Date>;
}

export interface ModerationLogTable {
  id: Generated<string>;
  tenant_id: string;
  cluster_id: string;
  action: 'confirm' | 'dismiss' | 'reopen' | 'drop';
  note: string | null;
  /** For `drop`: the publisher's id of the comment dropped. */
  comment_external_id: string | null;
  /** The key that decided (its prefix) and, for a moderator's named key, the moderator. */
  key_prefix: string | null;
  moderator: string | null;
  /** The cluster's version this decision made. */
  version: number | null;
  created_at: Generated<Date>;
}

/** A tenant's endpoint for the events it names. */
export interface WebhooksTable {
  id: Generated<string>;
  tenant_id: string;
  url: string;
  events: string[];
  secret: string;
  /** After a rotation the old secret signs too, until previous_secret_until. */
  previous_secret: string | null;
  previous_secret_until: Date | null;
  created_at: Generated<Date>;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/** One event sent (or being sent) to one endpoint. */
export interface WebhookDeliveriesTable {
  id: Generated<string>;
  webhook_id: string;
  event_id: string;
  event: string;
  payload: string;
  status: Generated<DeliveryStatus>;
  attempts: Generated<number>;
  last_status_code: number | null;
  last_error: string | null;
  created_at: Generated<Date>;
  delivered_at: Date | null;
}

export interface Database {
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  moderation_log: ModerationLogTable;
  tenants: TenantsTable;
  api_keys: ApiKeysTable;
  threads: ThreadsTable;
  accounts: AccountsTable;
  comments: CommentsTable;
  clusters: ClustersTable;
  edges: EdgesTable;
}
