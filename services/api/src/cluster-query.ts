import { clusterSortCursorSchemas, type ClusterFilter, type ClusterSort } from '@chorus/contracts';
import type { ClusterFilters, SortCursor } from '@chorus/db';
import { ValidationError } from '@chorus/platform';

// The queue's filters and its cursor as GET /v1/clusters and GET /v1/cluster-counts read them.

/** The query's filters as the repository takes them. */
export function filtersOf(q: ClusterFilter): ClusterFilters {
  return {
    thread: q.thread,
    account: q.account,
    verdict: q.verdict,
    minScore: q.min_score,
    postedSince: q.posted_since,
    postedUntil: q.posted_until,
    updatedSince: q.updated_since,
  };
}

/** A cursor this API returned for this sort; anything else (forged, another sort's, out of range for PostgreSQL) is a 400. */
export function decodeSortCursor(cursor: string | undefined, sort: ClusterSort): SortCursor | undefined {
  if (!cursor) return undefined;
  try {
    const raw: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (sort === 'score') return { sort, ...clusterSortCursorSchemas.score.parse(raw) };
    return clusterSortCursorSchemas[sort].parse(raw);
  } catch {
    throw new ValidationError(`cursor: is not a cursor this API returned for sort=${sort}`, 'cursor', 400);
  }
}

/** The opaque `next_cursor`; a score cursor keeps the shape answered before sorts existed. */
export function encodeSortCursor(next: SortCursor | null): string | null {
  if (!next) return null;
  const body = next.sort === 'score' ? { score: next.score, id: next.id } : next;
  return Buffer.from(JSON.stringify(body)).toString('base64url');
}
