import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../connection.js';

const hashKey = (key: string): string => createHash('sha256').update(key).digest('hex');

/** What a key may do: `ingest` comments (a publisher's backend), `moderate` clusters (a person), `read` clusters, exports and logs (an analyst). */
export const KEY_SCOPES = ['ingest', 'moderate', 'read'] as const;
export type KeyScope = (typeof KEY_SCOPES)[number];

export const isKeyScope = (s: string): s is KeyScope => (KEY_SCOPES as readonly string[]).includes(s);

export interface CreatedKey {
  /** The full key: shown once, never stored. */
  readonly key: string;
  readonly prefix: string;
}

export interface KeyOptions {
  /** Every scope when not given, as keys had before scopes existed. */
  readonly scopes?: readonly KeyScope[];
  /** The moderator a person's key belongs to. */
  readonly moderator?: string | null;
}

/** Creates an API key for a tenant; only its hash is stored. */
export async function createApiKey(db: Db, tenantId: string, options: KeyOptions = {}): Promise<CreatedKey> {
  const prefix = randomBytes(4).toString('hex');
  const key = `chorus_${prefix}_${randomBytes(24).toString('base64url')}`;
  const scopes = [...new Set(options.scopes ?? KEY_SCOPES)].sort();
  await db
    .insertInto('api_keys')
    .values({ tenant_id: tenantId, key_hash: hashKey(key), key_prefix: prefix, scopes, moderator: options.moderator ?? null, revoked_at: null })
    .execute();
  return { key, prefix };
}

/** Who a live key is: its tenant, prefix, scopes and, for a person's key, the moderator. */
export interface KeyIdentity {
  readonly tenantId: string;
  readonly prefix: string;
  readonly scopes: readonly KeyScope[];
  readonly moderator: string | null;
}

/** The identity of a live key, or undefined for an unknown or revoked key. */
export async function identifyKey(db: Db, key: string): Promise<KeyIdentity | undefined> {
  const row = await db
    .selectFrom('api_keys')
    .select(['tenant_id', 'key_prefix', 'scopes', 'moderator'])
    .where('key_hash', '=', hashKey(key))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row && { tenantId: row.tenant_id, prefix: row.key_prefix, scopes: row.scopes.filter(isKeyScope), moderator: row.moderator };
}

/** Revokes keys by their prefix (the 8 characters after `chorus_`); returns how many were revoked. */
export async function revokeApiKey(db: Db, prefix: string): Promise<number> {
  const result = await db
    .updateTable('api_keys')
    .set({ revoked_at: new Date() })
    .where('key_prefix', '=', prefix)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
