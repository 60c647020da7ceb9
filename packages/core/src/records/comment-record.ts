// A comment as the pipeline sees it: the publisher's ids, thread, author, time and text, within one
// tenant (`scope`). Its time precision is judged in time-precision.ts.

/** Why a comment's time is not used: `date` (a date only), `hour` (whole hours), `shared` (one time for a whole thread). */
export type CoarseTime = 'date' | 'hour' | 'shared';

/** A stored comment as the pipeline sees it. `scope` is the tenant: nothing is compared across scopes. */
export interface CommentRecord {
  readonly id: string;
  /** The publisher's id (what `parentId` of a reply refers to). */
  readonly externalId: string;
  readonly scope: string;
  readonly threadId: string;
  /** The publisher's id of the parent comment. */
  readonly parentId: string | null;
  readonly authorId: string | null;
  readonly postedAt: number | null;
  readonly text: string;
  /** Set when the source's time was too coarse to use (time-precision.ts); `postedAt` is then null. */
  readonly coarseTime?: CoarseTime;
  /** Set when the source gave no thread (a timeline of posts): time windows and accounts are then the context, not the thread (semanticApplies). */
  readonly stream?: true;
}

/**
 * In a stream (posts without threads) everything is in one "thread", so what a thread proves
 * elsewhere proves nothing there, and the per-thread rules (swarms, siblings) do not apply. Nor
 * does meaning alone: everyday chatter on a timeline (what people cooked, bought, watched) averages
 * into nearby sentence vectors by the thousand within minutes, which a thread's topic would have
 * kept apart. A stream comment gets no semantic edges; copies and near-copies (the lexical stage,
 * like the co-similarity of coordination research tools) and replies echoing their parent remain.
 */
export function semanticApplies(record: CommentRecord): boolean {
  return record.stream !== true;
}
