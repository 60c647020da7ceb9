// Comments stored straight into PostgreSQL (as the API stores them, without queueing them), and
// cluster decisions written by hand, for tests of the clustering repositories.
import { insertComments, type ClusterWrite, type Db } from '@chorus/db';

/** Stores one comment per name (its external id), in thread `t` unless told; returns their row ids by name. */
export async function storeComments(db: Db, tenantId: string, comments: readonly { name: string; thread?: string; account?: string }[]): Promise<Record<string, string>> {
  const stored = await insertComments(
    db,
    tenantId,
    comments.map(({ name, thread, account }) => ({ external_id: name, thread_id: thread ?? 't', account_id: account ?? null, text: `comment ${name}`, content_hash: name, norm_hash: name, posted_at: new Date(), posted_at_known: true })),
  );
  if (stored.kind !== 'stored') throw new Error('comments not stored');
  return Object.fromEntries(stored.refs.map((r) => [r.externalId, r.id]));
}

/** A coordinated cluster of `members` (the first is its representative), one account each and one thread unless told. */
export const coordinatedCluster = (members: readonly string[], counts: { accounts?: number; threads?: number } = {}): ClusterWrite => ({
  representative: members[0],
  members,
  score: 0.9,
  verdict: 'coordinated',
  reasons: [{ signal: 'distinct-voices', weight: 0.9, text: 'identical comments' }],
  accountCount: counts.accounts ?? members.length,
  threadCount: counts.threads ?? 1,
});
