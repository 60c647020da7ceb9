import type { EdgeKind } from '../graph/similarity-edge.js';
import type { CoarseTime, CommentRecord } from '../records/comment-record.js';
import { normalizeCached } from '../text/normalize.js';

/** What the scoring needs to know about one member of a cluster. */
export interface MemberFacts {
  readonly id: string;
  readonly threadId: string;
  readonly parentId: string | null;
  /** Null for anonymous comments. */
  readonly authorId: string | null;
  /** Epoch milliseconds of the publisher's posting time; null when unknown. */
  readonly postedAt: number | null;
  /** Why `postedAt` is null although the source gave a time (too coarse to use). */
  readonly coarseTime?: CoarseTime;
  /** Posted in a stream without threads (comment-record.ts semanticApplies). */
  readonly stream?: true;
  readonly normalized: string;
  /** Normalized text of the parent comment, when this is a reply and the parent is known. */
  readonly parentNormalized: string | null;
  /** Cosine similarity between this reply and its parent, when embeddings are available. */
  readonly parentSimilarity: number | null;
}

export interface ClusterFacts {
  readonly members: readonly MemberFacts[];
  /** Edges inside the cluster, by kind; text similarity counts each pair once, as its strongest kind (exact, then lexical, then semantic). */
  readonly edgeKinds: Readonly<Partial<Record<EdgeKind, number>>>;
  /** Number of comments stored per thread that members belong to. */
  readonly threadSizes: ReadonlyMap<string, number>;
}

/** One piece of evidence, phrased for a moderator. */
export interface Reason {
  readonly signal: string;
  /** Contribution to the score in 0..1 (a multiplier for dampening signals is shown as its effect). */
  readonly weight: number;
  readonly text: string;
}

/** Builds the scoring facts of a comment from its record, its parent's text and (when both have vectors) their cosine. */
export function memberFacts(record: CommentRecord, parentText: string | null, parentSimilarity: number | null = null): MemberFacts {
  return {
    id: record.id,
    threadId: record.threadId,
    parentId: record.parentId,
    authorId: record.authorId,
    postedAt: record.postedAt,
    ...(record.coarseTime ? { coarseTime: record.coarseTime } : {}),
    ...(record.stream ? { stream: true as const } : {}),
    normalized: normalizeCached(record.text),
    parentNormalized: parentText === null ? null : normalizeCached(parentText),
    parentSimilarity,
  };
}
