import type { Db } from '../connection.js';

/** The comment a member replies to, as a moderator reads it beside the reply. */
export interface ParentForDisplay {
  readonly external_id: string;
  readonly account_id: string | null;
  readonly author_name: string | null;
  readonly text: string;
  readonly posted_at: Date;
  readonly posted_at_known: boolean;
}

/** The stored comments with these publisher ids (the parents of a cluster's replies), by id; a parent never received is absent. */
export async function parentsForDisplay(db: Db, tenantId: string, externalIds: readonly string[]): Promise<Map<string, ParentForDisplay>> {
  if (externalIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('comments')
    .select(['external_id', 'account_id', 'author_name', 'text', 'posted_at', 'posted_at_known'])
    .where('tenant_id', '=', tenantId)
    .where('external_id', 'in', [...new Set(externalIds)])
    .execute();
  return new Map(rows.map((r) => [r.external_id, r]));
}
