import type { ParentForDisplay } from '@chorus/db';

// What a moderator reads beside a cluster's members: the comment each reply answers, and when the
// cluster was posted (its time span, in UTC like every time the API answers).

interface TimedMember {
  readonly posted_at: Date;
  readonly posted_at_known: boolean;
}

/** The first and last known posting times of the members, the minutes between them, and how many members have no known time. */
export function timeSpan(members: readonly TimedMember[]) {
  const known = members.filter((m) => m.posted_at_known).map((m) => m.posted_at.getTime());
  if (known.length === 0) return { first: null, last: null, minutes: null, unknown_times: members.length };
  const first = Math.min(...known);
  const last = Math.max(...known);
  return { first: new Date(first).toISOString(), last: new Date(last).toISOString(), minutes: Math.round((last - first) / 60_000), unknown_times: members.length - known.length };
}

/** The parent of a reply member as answered: null for a top-level comment or a parent never received. */
export function parentView(parentId: string | null, parents: ReadonlyMap<string, ParentForDisplay>) {
  const p = parentId === null ? undefined : parents.get(parentId);
  if (!p) return null;
  return { id: p.external_id, author_id: p.account_id, author_name: p.author_name, text: p.text, posted_at: p.posted_at_known ? p.posted_at.toISOString() : null };
}
