import type { HyperplaneBuckets, HyperplaneLsh } from '../candidates/hyperplane-lsh.js';
import type { SimilarityEdge } from '../graph/similarity-edge.js';
import type { CommentRecord } from '../records/comment-record.js';
import type { ComponentDecision, ComponentInput } from '../verdict/decision.js';

/**
 * Most comments repliesNear and commentsNear return: in a very busy thread the ring and swarm
 * checks see the comments nearest in time, and every implementation must pick the same ones.
 */
export const NEAR_LIMIT = 500;

/** Where the pipeline reads and writes; the service implements it on Redis and PostgreSQL, the offline analyzer in memory. */
export interface DetectionPorts {
  loadComments(ids: readonly string[]): Promise<CommentRecord[]>;
  /** Adds the comment under its band keys, then returns the ids already under any of them (add-then-query, so of two concurrent comments at least one sees the other). */
  lexicalCandidates(scope: string, id: string, bandKeys: readonly string[]): Promise<string[]>;
  /** Other comments whose normalized text is identical. */
  exactMatches(scope: string, normHash: string, excludeId: string): Promise<string[]>;
  addEdges(scope: string, edges: readonly SimilarityEdge[]): Promise<void>;
  /** The comment's parent and the replies to it that are already stored. */
  relatives(record: CommentRecord): Promise<{ parent: CommentRecord | null; replies: CommentRecord[] }>;
  /** Stored replies in the record's thread posted within `windowMs` of it (reply rings, ring.ts): at most NEAR_LIMIT, the nearest in time (ties by id), in time order. */
  repliesNear(record: CommentRecord, windowMs: number): Promise<CommentRecord[]>;
  /** Stored comments in the record's thread, replies or not, posted within `windowMs` of it (paraphrase swarms, swarm.ts): at most NEAR_LIMIT, the nearest in time (ties by id), in time order. */
  commentsNear(record: CommentRecord, windowMs: number): Promise<CommentRecord[]>;
  /** The stored edges whose both ends are among `ids`. */
  edgesAmong(scope: string, ids: readonly string[]): Promise<SimilarityEdge[]>;
  /** Under the scope's clustering lock: loads the component around `id`, applies `decide`, saves the result. */
  recluster(scope: string, id: string, decide: (input: ComponentInput) => ComponentDecision): Promise<void>;
}

/** The semantic stage's ports: vectors (cached by normalized text) and a shared hyperplane index. */
export interface SemanticPorts {
  readonly lsh: HyperplaneLsh;
  /** The comment's comparable sentence vector; null when its text has no known word. */
  vectorOf(record: CommentRecord): Promise<Float32Array | null>;
  /**
   * Stores the vector under the comment's id and adds the id under its `buckets`; returns how many
   * other ids were already in those buckets, and those whose stored vector is at cosine `minCosine`
   * or more, with that cosine (in the order the buckets gave them).
   */
  closeCandidates(scope: string, id: string, vector: Float32Array, buckets: HyperplaneBuckets, minCosine: number): Promise<{ candidates: number; close: Map<string, number> }>;
  /** Stored vectors by comment id; ids without one are absent. */
  loadVectors(scope: string, ids: readonly string[]): Promise<Map<string, Float32Array>>;
}
