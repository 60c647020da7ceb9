import { sql } from 'kysely';
import type { Db } from '../connection.js';
import { commentsAround, DETECTION_COLUMNS, type DetectionRow } from './comments-repo.js';
import { compareIds } from './graph-repo.js';

// The reads of detection for many comments at once. A worker links many comments concurrently;
// their lookups are gathered and served by one statement each (workers/detector/src/service-ports.ts),
// with the same answers each comment would have had on its own.

/** Per request, the ids of other comments of the tenant with the same normalized text, most recent first, at most `limit`. */
export async function sameTextIdsMany(db: Db, tenantId: string, requests: readonly { hash: string; excludeId: string }[], limit: number): Promise<string[][]> {
  if (requests.length === 0) return [];
  const perHash = new Map<string, number>();
  for (const r of requests) perHash.set(r.hash, (perHash.get(r.hash) ?? 0) + 1);
  // Each hash's newest `limit` plus one per request that may exclude itself from them.
  const depth = limit + Math.max(...perHash.values());
  const rows = await sql<{ id: string; norm_hash: string }>`
    select id, norm_hash from (
      select id, norm_hash, row_number() over (partition by norm_hash order by id desc) as rn
      from comments where tenant_id = ${tenantId} and norm_hash = any(${[...perHash.keys()]}::text[])
    ) ranked where rn <= ${depth} order by norm_hash, id desc`.execute(db);
  const byHash = new Map<string, string[]>();
  for (const r of rows.rows) {
    const ids = byHash.get(r.norm_hash);
    if (ids) ids.push(r.id);
    else byHash.set(r.norm_hash, [r.id]);
  }
  return requests.map((r) => (byHash.get(r.hash) ?? []).filter((id) => id !== r.excludeId).slice(0, limit));
}

/** Per record, its parent (by the publisher's id) and the stored replies to it (at most `limit`). */
export async function relativesMany(
  db: Db,
  tenantId: string,
  records: readonly { externalId: string; parentId: string | null }[],
  limit = 200,
): Promise<{ parent: DetectionRow | null; replies: DetectionRow[] }[]> {
  if (records.length === 0) return [];
  const externalIds = [...new Set(records.map((r) => r.externalId))];
  const parentIds = [...new Set(records.map((r) => r.parentId).filter((p): p is string => p !== null))];
  const rows = await db
    .selectFrom('comments')
    .select(DETECTION_COLUMNS)
    .where('tenant_id', '=', tenantId)
    .where((eb) => eb.or([eb('parent_external_id', '=', sql<string>`any(${externalIds}::text[])`), ...(parentIds.length > 0 ? [eb('external_id', '=', sql<string>`any(${parentIds}::text[])`)] : [])]))
    .execute();
  const byExternal = new Map(rows.map((r) => [r.external_id, r]));
  const repliesTo = new Map<string, DetectionRow[]>();
  for (const r of rows) {
    if (r.parent_external_id === null) continue;
    const list = repliesTo.get(r.parent_external_id);
    if (list) list.push(r);
    else repliesTo.set(r.parent_external_id, [r]);
  }
  return records.map((r) => ({
    parent: r.parentId === null ? null : (byExternal.get(r.parentId) ?? null),
    replies: (repliesTo.get(r.externalId) ?? []).slice(0, limit),
  }));
}

export interface AroundRequest {
  readonly threadId: string;
  readonly at: Date;
  readonly windowMs: number;
  readonly repliesOnly: boolean;
}

/** Most rows read at once for the requests of one thread; beyond it each request is served alone. */
const AROUND_SPAN_ROWS = 20_000;

/**
 * Per request, what commentsAround answers: the thread's comments (or replies) posted within the
 * window of `at`, at most `limit`, the nearest in time (ties by id), in time order. The requests of
 * one thread are served from one read of the span they cover together.
 */
export async function commentsAroundMany(db: Db, tenantId: string, requests: readonly AroundRequest[], limit: number): Promise<DetectionRow[][]> {
  const answers: DetectionRow[][] = requests.map(() => []);
  const groups = new Map<string, number[]>();
  requests.forEach((r, i) => {
    const key = `${r.repliesOnly ? 'r' : 'a'}\u0000${r.threadId}`;
    const list = groups.get(key);
    if (list) list.push(i);
    else groups.set(key, [i]);
  });
  await Promise.all(
    [...groups.values()].map(async (indexes) => {
      const alone = async () => {
        for (const i of indexes) {
          const r = requests[i];
          answers[i] = await commentsAround(db, tenantId, r.threadId, r.at, r.windowMs, { repliesOnly: r.repliesOnly, limit });
        }
      };
      if (indexes.length === 1) return alone();
      const first = requests[indexes[0]];
      const from = Math.min(...indexes.map((i) => requests[i].at.getTime() - requests[i].windowMs));
      const to = Math.max(...indexes.map((i) => requests[i].at.getTime() + requests[i].windowMs));
      let query = db
        .selectFrom('comments')
        .select(DETECTION_COLUMNS)
        .where('tenant_id', '=', tenantId)
        .where('thread_id', '=', first.threadId)
        .where('posted_at_known', '=', true)
        .where('posted_at', '>=', new Date(from))
        .where('posted_at', '<=', new Date(to));
      if (first.repliesOnly) query = query.where('parent_external_id', 'is not', null);
      const rows = await query.limit(AROUND_SPAN_ROWS + 1).execute();
      if (rows.length > AROUND_SPAN_ROWS) return alone();
      for (const i of indexes) {
        const at = requests[i].at.getTime();
        const windowMs = requests[i].windowMs;
        const near = rows
          .filter((r) => Math.abs(r.posted_at.getTime() - at) <= windowMs)
          .sort((a, b) => Math.abs(a.posted_at.getTime() - at) - Math.abs(b.posted_at.getTime() - at) || compareIds(a.id, b.id))
          .slice(0, limit);
        // The same final order as commentsAround.
        answers[i] = near.sort((a, b) => a.posted_at.getTime() - b.posted_at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      }
    }),
  );
  return answers;
}
