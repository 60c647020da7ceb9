import { NEAR_LIMIT, type CommentRecord, type DetectionPorts, type SimilarityEdge } from '@chorus/core';
import { addEdges, commentsAroundMany, edgesAmong, loadForDetection, relativesMany, sameTextIdsMany, type Db, type DetectionRow } from '@chorus/db';
import { detectionText } from '@chorus/contracts';
import { MicroBatcher } from './micro-batcher.js';

// A worker links many comments at once (each job runs the pipeline for its comment), and each
// step of the pipeline reads or writes PostgreSQL. Served one by one, a comment cost some fifteen
// round trips; gathered, the lookups that concurrent jobs make within a millisecond share one
// statement each, with the answers each would have had alone.

/** Lookups gathered per statement, at most. */
const MAX_GATHERED = 500;

export const toRecord = (r: DetectionRow): CommentRecord => ({
  id: r.id,
  externalId: r.external_id,
  scope: r.tenant_id,
  threadId: r.thread_id,
  parentId: r.parent_external_id,
  authorId: r.account_id,
  postedAt: r.posted_at_known ? r.posted_at.getTime() : null,
  // A long text is stored whole but compared by its prefix (DETECTION_TEXT_LIMIT).
  text: detectionText(r.text),
});

/** Serves concurrent calls with one call per tenant: `run` answers the items of one scope in their order. */
function gathered<I extends { scope: string }, O>(run: (scope: string, items: readonly I[]) => Promise<O[]>): (item: I) => Promise<O> {
  const batcher = new MicroBatcher<I, O>(
    async (items) => {
      const byScope = new Map<string, number[]>();
      items.forEach((item, i) => {
        const list = byScope.get(item.scope);
        if (list) list.push(i);
        else byScope.set(item.scope, [i]);
      });
      const out: O[] = new Array(items.length);
      await Promise.all(
        [...byScope].map(async ([scope, indexes]) => {
          const answers = await run(scope, indexes.map((i) => items[i]));
          indexes.forEach((i, k) => (out[i] = answers[k]));
        }),
      );
      return out;
    },
    { maxItems: MAX_GATHERED, maxWaitMs: 0 },
  );
  return (item) => batcher.submit(item);
}

export type BatchedReads = Pick<DetectionPorts, 'loadComments' | 'exactMatches' | 'addEdges' | 'relatives' | 'repliesNear' | 'commentsNear' | 'edgesAmong'>;

/** The linking half of the detection ports, on PostgreSQL, with concurrent calls gathered into one statement each. */
export function createBatchedReads(db: Db, options: { readonly exactLimit: number }): BatchedReads {
  const load = new MicroBatcher<string, DetectionRow | undefined>(
    async (ids) => {
      const rows = new Map((await loadForDetection(db, [...new Set(ids)])).map((r) => [r.id, r]));
      return ids.map((id) => rows.get(id));
    },
    { maxItems: MAX_GATHERED * 4, maxWaitMs: 0 },
  );
  const exact = gathered<{ scope: string; hash: string; excludeId: string }, string[]>((scope, items) => sameTextIdsMany(db, scope, items, options.exactLimit));
  const relatives = gathered<{ scope: string; externalId: string; parentId: string | null }, { parent: DetectionRow | null; replies: DetectionRow[] }>((scope, items) =>
    relativesMany(db, scope, items),
  );
  const around = gathered<{ scope: string; threadId: string; at: Date; windowMs: number; repliesOnly: boolean }, DetectionRow[]>((scope, items) =>
    commentsAroundMany(db, scope, items, NEAR_LIMIT),
  );
  const among = gathered<{ scope: string; ids: readonly string[] }, SimilarityEdge[]>(async (scope, items) => {
    const edges = await edgesAmong(db, scope, [...new Set(items.flatMap((i) => i.ids))]);
    // Each item's edges through its own comments' lists, not a pass over every edge read for all
    // the items: in a flood the union holds tens of thousands of edges and there are hundreds of items.
    // (Indexes, so that each item's edges keep the order of the statement's answer.)
    const byLower = new Map<string, number[]>();
    edges.forEach((e, index) => {
      const lower = e.a < e.b ? e.a : e.b;
      const list = byLower.get(lower);
      if (list) list.push(index);
      else byLower.set(lower, [index]);
    });
    return items.map((item) => {
      const mine = new Set(item.ids);
      const found: number[] = [];
      for (const id of mine) for (const index of byLower.get(id) ?? []) if (mine.has(edges[index].a === id ? edges[index].b : edges[index].a)) found.push(index);
      return found.sort((x, y) => x - y).map((index) => edges[index]);
    });
  });
  const store = gathered<{ scope: string; edges: readonly SimilarityEdge[] }, void>(async (scope, items) => {
    await addEdges(db, scope, items.flatMap((i) => i.edges));
    return items.map(() => undefined);
  });
  /** The thread's comments (or replies only) posted within `windowMs` of the record. */
  const near = async (record: CommentRecord, windowMs: number, repliesOnly: boolean): Promise<CommentRecord[]> =>
    record.postedAt === null ? [] : (await around({ scope: record.scope, threadId: record.threadId, at: new Date(record.postedAt), windowMs, repliesOnly })).map(toRecord);
  return {
    loadComments: async (ids) => (await Promise.all(ids.map((id) => load.submit(id)))).filter((r): r is DetectionRow => r !== undefined).map(toRecord),
    exactMatches: (scope, hash, excludeId) => exact({ scope, hash, excludeId }),
    addEdges: async (scope, edges) => (edges.length === 0 ? undefined : store({ scope, edges })),
    relatives: async (record) => {
      const found = await relatives({ scope: record.scope, externalId: record.externalId, parentId: record.parentId });
      return { parent: found.parent && toRecord(found.parent), replies: found.replies.map(toRecord) };
    },
    repliesNear: (record, windowMs) => near(record, windowMs, true),
    commentsNear: (record, windowMs) => near(record, windowMs, false),
    edgesAmong: async (scope, ids) => (ids.length < 2 ? [] : among({ scope, ids })),
  };
}
