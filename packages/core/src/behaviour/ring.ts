import type { SimilarityEdge } from '../graph/similarity-edge.js';
import { normalizeCached } from '../text/normalize.js';
import type { CommentRecord } from '../records/comment-record.js';
import { agreementOpener, isGenericText } from '../text/tokens.js';

// The agree-and-echo ring by behaviour: many replies in one thread, each opening with agreement,
// posted by different people within minutes. Their texts differ (each member restates the point
// in its own line), so text similarity alone splits a ring; posting together joins it.

/** Agreeing replies posted this close together in one thread are linked. */
export const RING_WINDOW_MS = 30 * 60 * 1000;
/** Distinct voices needed in one window for a ring. In 300 real debate threads (10,085 posts) no
 * window of 60 minutes held more than 3 agreeing replies by different people (docs/evaluation.md). */
export const RING_MIN_VOICES = 5;
/** Most agreeing replies around one comment that are paired with each other (bounds the work in a very busy thread). */
export const RING_MAX_PAIRED = 60;
/** Weight of a ring edge in clustering: as strong a tie as a copy, so a ring stays whole when its lines also recur elsewhere. */
export const RING_EDGE_SIMILARITY = 1;

export interface RingPorts {
  /** Replies in the record's thread (scope and thread) whose posting time is within `windowMs` of the record's. */
  repliesNear(record: CommentRecord, windowMs: number): Promise<CommentRecord[]>;
  addEdges(scope: string, edges: readonly SimilarityEdge[]): Promise<void>;
}

export interface RingOutcome {
  readonly edges: number;
  /** A comment whose component gained ring edges without being linked to this one: recluster it too. */
  readonly elsewhere: readonly string[];
}

/**
 * A reply with a known time that opens with agreement ("Exactly.", "Valid point.") and goes on to
 * say something: a bare "Agreed." is how readers react, an echo restates the point.
 */
export function isAgreeingReply(record: Pick<CommentRecord, 'parentId' | 'postedAt' | 'text'>): boolean {
  return record.parentId !== null && record.postedAt !== null && isAgreeingText(normalizeCached(record.text));
}

/** Opens with agreement and goes on to say something (normalized text). */
export function isAgreeingText(normalized: string): boolean {
  return agreementOpener(normalized) !== null && !isGenericText(normalized);
}

/** Who posted a comment: its account, or the comment itself when anonymous (anonymous comments never count as one person). */
export const voiceOf = (c: { readonly id: string; readonly authorId: string | null }): string => (c.authorId === null ? `anonymous:${c.id}` : `account:${c.authorId}`);

/**
 * Links agreeing replies that form a ring (`ring` edges): two agreeing replies by different people
 * in one thread, posted within RING_WINDOW_MS of each other, are linked when the span from the
 * later one minus the window to the earlier one plus the window holds agreeing replies by at
 * least RING_MIN_VOICES people. Each comment re-checks every pair within the window around it
 * (any comment that changes a pair's count is within the window of both), and edges are only
 * added, so the final graph depends on the stored comments only, not on the order they are
 * processed in. Scattered agreeing replies, as in any lively thread, get no edge.
 */
export async function linkRing(ports: RingPorts, comment: CommentRecord): Promise<RingOutcome> {
  const none: RingOutcome = { edges: 0, elsewhere: [] };
  if (!isAgreeingReply(comment)) return none;
  const sameThread = (r: CommentRecord) => r.scope === comment.scope && r.threadId === comment.threadId && isAgreeingReply(r);
  const around = (await ports.repliesNear(comment, 2 * RING_WINDOW_MS)).filter(sameThread);
  if (!around.some((r) => r.id === comment.id)) around.push(comment);
  around.sort((a, b) => a.postedAt! - b.postedAt! || (a.id < b.id ? -1 : 1));
  const voicesBetween = (from: number, to: number): number => new Set(around.filter((r) => r.postedAt! >= from && r.postedAt! <= to).map(voiceOf)).size;
  if (voicesBetween(comment.postedAt! - RING_WINDOW_MS, comment.postedAt! + RING_WINDOW_MS) < RING_MIN_VOICES) return none;
  // In a very busy window only the replies nearest in time are paired (the work grows with the
  // square of their number); they are linked to the others when those are processed.
  const distance = (r: CommentRecord) => Math.abs(r.postedAt! - comment.postedAt!);
  const close = around
    .filter((r) => distance(r) <= RING_WINDOW_MS)
    .sort((a, b) => distance(a) - distance(b) || (a.id < b.id ? -1 : 1))
    .slice(0, RING_MAX_PAIRED)
    .sort((a, b) => a.postedAt! - b.postedAt! || (a.id < b.id ? -1 : 1));
  const edges: SimilarityEdge[] = [];
  for (let i = 0; i < close.length; i++) {
    for (let j = i + 1; j < close.length; j++) {
      const [a, b] = [close[i], close[j]];
      if (voiceOf(a) === voiceOf(b) || b.postedAt! - a.postedAt! > RING_WINDOW_MS) continue;
      if (voicesBetween(b.postedAt! - RING_WINDOW_MS, a.postedAt! + RING_WINDOW_MS) >= RING_MIN_VOICES) {
        edges.push({ a: a.id, b: b.id, kind: 'ring', similarity: RING_EDGE_SIMILARITY });
      }
    }
  }
  await ports.addEdges(comment.scope, edges);
  const linkedToComment = new Set(edges.flatMap((e) => (e.a === comment.id ? [e.b] : e.b === comment.id ? [e.a] : [])));
  const elsewhere = edges.find((e) => e.a !== comment.id && e.b !== comment.id && !linkedToComment.has(e.a))?.a;
  return { edges: edges.length, elsewhere: elsewhere === undefined ? [] : [elsewhere] };
}
