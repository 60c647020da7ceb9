import { isTextSimilarity, type SimilarityEdge } from '../graph/similarity-edge.js';
import { cosineIfBoth } from '../candidates/hyperplane-lsh.js';
import type { CommentRecord } from '../records/comment-record.js';
import type { SemanticPorts } from '../ports/detection-ports.js';
import { voiceOf } from './ring.js';
import { wordCountOf } from '../similarity/semantic.js';

// The paraphrase swarm by behaviour: a swarm that words one point in a handful of ways posts each
// wording a few times, so one thread gains several small groups of near-duplicates within minutes
// of each other. Each group alone is two or three people saying the same thing; four of them in
// one thread within the window are a swarm. Text similarity splits such a swarm into its
// wordings; posting together joins them.

/** Repeats count together when they fall within this window in one thread. */
export const SWARM_WINDOW_MS = 45 * 60 * 1000;
/** Distinct repeated wordings (groups of two or more voices) needed in one window. In 300 real
 * debate threads (10,085 posts) 45 repeats fall within a window in all, at most 4 near one another,
 * and no span reaches this (docs/evaluation.md). */
export const SWARM_MIN_GROUPS = 4;
/** Texts shorter than this (in words) never count as a repeated wording: readers repeat short lines,
 * and every stock phrase that isGenericText knows is shorter. */
export const SWARM_MIN_WORDS = 9;
/** Most repeated comments around one comment that are paired (bounds the work in a very busy thread). */
export const SWARM_MAX_PAIRED = 60;
/** Two comments of a swarm, when both have a sentence vector, must be at least this close. In the
 * evaluation corpora a swarm's wordings of one point sit at 0.62 at the median, while an organic
 * comment posted among them sits at 0.31 (90% below 0.57). Raising it from 0.45 to 0.55 kept
 * organic comments out of swarm clusters: paraphrase recall 0.80 -> 0.83 for the same false
 * positives (docs/evaluation.md). */
export const SWARM_MIN_COSINE = 0.55;
/** The similarity a swarm edge is stored with. Clustering does not weigh it: the clusters it links are joined whole (decide.ts joinSwarms). */
export const SWARM_EDGE_SIMILARITY = 1;

export interface SwarmPorts {
  /** Stored comments in the record's thread (any depth) whose posting time is within `windowMs` of the record's. */
  commentsNear(record: CommentRecord, windowMs: number): Promise<CommentRecord[]>;
  /** The stored edges whose both ends are among `ids`. */
  edgesAmong(scope: string, ids: readonly string[]): Promise<SimilarityEdge[]>;
  addEdges(scope: string, edges: readonly SimilarityEdge[]): Promise<void>;
}

export interface SwarmOutcome {
  readonly edges: number;
  /** One comment of each group of new swarm edges that does not include this comment: recluster those too. */
  readonly elsewhere: readonly string[];
}

/** A comment that can count as one of a swarm's wordings: in a thread (a stream has none), a known time and more words than any stock phrase has. */
function canRepeat(record: CommentRecord): boolean {
  return record.postedAt !== null && !record.stream && wordCountOf(record.text) >= SWARM_MIN_WORDS;
}

/** The comments around one comment by number, with their times and voices, and the repeats among them as pairs of numbers. */
interface Neighbourhood {
  readonly records: readonly CommentRecord[];
  readonly times: Float64Array;
  /** Pairs of comment numbers, flat: [a0, b0, a1, b1, ...]. */
  readonly repeats: Int32Array;
}

/** Textual or semantic similarity between two comments of the thread, by different people, posted within the window. */
function repeatsAmong(records: readonly CommentRecord[], edges: readonly SimilarityEdge[]): Int32Array {
  const numberOf = new Map(records.map((r, i) => [r.id, i]));
  const out: number[] = [];
  for (const e of edges) {
    if (!isTextSimilarity(e)) continue;
    const a = numberOf.get(e.a);
    const b = numberOf.get(e.b);
    if (a === undefined || b === undefined) continue;
    const [x, y] = [records[a], records[b]];
    if (voiceOf(x) !== voiceOf(y) && Math.abs(x.postedAt! - y.postedAt!) <= SWARM_WINDOW_MS) out.push(a, b);
  }
  return Int32Array.from(out);
}

/**
 * The repeated wordings posted between a start and a fixed end, as the start moves earlier: the
 * repeats with both comments inside the span, joined into groups (union-find over comment
 * numbers). Moving the start only adds repeats, so one pass serves every span with that end.
 */
class Wordings {
  /** Groups of two or more voices (every repeat joins two). */
  groups = 0;
  /** Per comment number: 1 when it is in one of the groups. */
  readonly member: Uint8Array;
  private readonly parent: Int32Array;
  /** The repeats that end by `to`, latest first start first. */
  private readonly pending: number[];
  private next = 0;

  constructor(
    private readonly around: Neighbourhood,
    to: number,
  ) {
    const { times, repeats } = around;
    this.member = new Uint8Array(times.length);
    this.parent = Int32Array.from(times, (_, i) => i);
    const starts = (k: number) => Math.min(times[repeats[k]], times[repeats[k + 1]]);
    this.pending = [];
    for (let k = 0; k < repeats.length; k += 2) if (Math.max(times[repeats[k]], times[repeats[k + 1]]) <= to) this.pending.push(k);
    this.pending.sort((x, y) => starts(y) - starts(x));
  }

  private find(x: number): number {
    const parent = this.parent;
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  /** Moves the start back to `from` (never forward). */
  from(from: number): this {
    const { times, repeats } = this.around;
    for (; this.next < this.pending.length; this.next++) {
      const k = this.pending[this.next];
      const [a, b] = [repeats[k], repeats[k + 1]];
      if (Math.min(times[a], times[b]) < from) break;
      // A comment starts as a group of its own once it is in a repeat; each union joins two.
      for (const c of [a, b]) {
        if (this.member[c]) continue;
        this.member[c] = 1;
        this.groups++;
      }
      const [ra, rb] = [this.find(a), this.find(b)];
      if (ra !== rb) {
        this.parent[ra] = rb;
        this.groups--;
      }
    }
    return this;
  }
}

/**
 * Links the wordings of a paraphrase swarm (`swarm` edges). A repeat is a similarity edge between
 * two comments of one thread by different people posted within SWARM_WINDOW_MS. Two repeated
 * comments by different people, posted within the window of each other, are linked when the span
 * from the later one minus the window to the earlier one plus the window holds at least
 * SWARM_MIN_GROUPS separate repeated wordings (groups of repeats inside that span), both are in
 * one of them, and (when both have a sentence vector) they are at SWARM_MIN_COSINE or closer. Only a comment with a repeat can change a span's count, and such a comment lies in
 * every span it changes, so each re-checks every pair around it; edges are only added, so the
 * final graph depends on the stored comments and their similarity edges only, not on the order
 * they are processed in. It must run after the comment's similarity edges are stored.
 */
export async function linkSwarm(ports: SwarmPorts, comment: CommentRecord, semantic?: Pick<SemanticPorts, 'loadVectors'>): Promise<SwarmOutcome> {
  const none: SwarmOutcome = { edges: 0, elsewhere: [] };
  if (!canRepeat(comment)) return none;
  const sameThread = (r: CommentRecord) => r.scope === comment.scope && r.threadId === comment.threadId && canRepeat(r);
  const records = (await ports.commentsNear(comment, 2 * SWARM_WINDOW_MS)).filter(sameThread);
  if (!records.some((r) => r.id === comment.id)) records.push(comment);
  const repeats = repeatsAmong(
    records,
    await ports.edgesAmong(
      comment.scope,
      records.map((r) => r.id),
    ),
  );
  const self = records.findIndex((r) => r.id === comment.id);
  if (!repeats.includes(self)) return none;
  const around: Neighbourhood = { records, times: Float64Array.from(records, (r) => r.postedAt!), repeats };
  const t = comment.postedAt!;
  // A quick bound first: the whole neighbourhood must hold enough wordings at all.
  if (new Wordings(around, t + 2 * SWARM_WINDOW_MS).from(t - 2 * SWARM_WINDOW_MS).groups < SWARM_MIN_GROUPS) return none;
  const repeated = new Set(repeats);
  const distance = (i: number) => Math.abs(around.times[i] - t);
  // In a very busy window only the repeated comments nearest in time are paired; the others are
  // paired when they are processed.
  const close = [...repeated]
    .filter((i) => distance(i) <= SWARM_WINDOW_MS)
    .sort((a, b) => distance(a) - distance(b) || (records[a].id < records[b].id ? -1 : 1))
    .slice(0, SWARM_MAX_PAIRED)
    .sort((a, b) => around.times[a] - around.times[b] || (records[a].id < records[b].id ? -1 : 1));
  const vectors = semantic
    ? await semantic.loadVectors(
        comment.scope,
        close.map((i) => records[i].id),
      )
    : new Map<string, Float32Array>();
  // A pair (a earlier, b later) is judged on the span from b minus the window to a plus the window.
  // For each a the spans share their end, and taking b from the latest back only moves the start
  // earlier, so one growing set of wordings serves all of a's pairs.
  const linkedPairs = close.map(() => new Uint8Array(close.length));
  for (let i = 0; i < close.length; i++) {
    const a = records[close[i]];
    const wordings = new Wordings(around, a.postedAt! + SWARM_WINDOW_MS);
    for (let j = close.length - 1; j > i; j--) {
      const b = records[close[j]];
      if (b.postedAt! - a.postedAt! > SWARM_WINDOW_MS) continue;
      wordings.from(b.postedAt! - SWARM_WINDOW_MS);
      if (voiceOf(a) === voiceOf(b) || wordings.groups < SWARM_MIN_GROUPS || !wordings.member[close[i]] || !wordings.member[close[j]]) continue;
      const similarity = cosineIfBoth(vectors.get(a.id), vectors.get(b.id));
      if (similarity === null || similarity >= SWARM_MIN_COSINE) linkedPairs[i][j] = 1;
    }
  }
  const edges: SimilarityEdge[] = [];
  for (let i = 0; i < close.length; i++) {
    for (let j = i + 1; j < close.length; j++) {
      if (linkedPairs[i][j]) edges.push({ a: records[close[i]].id, b: records[close[j]].id, kind: 'swarm', similarity: SWARM_EDGE_SIMILARITY });
    }
  }
  if (edges.length === 0) return none;
  await ports.addEdges(comment.scope, edges);
  // The new edges may join comments away from this one's component: one of each group is reclustered too.
  const linked = new Map<string, string>();
  const rootOf = (id: string): string => {
    let x = id;
    while (linked.has(x) && linked.get(x) !== x) x = linked.get(x)!;
    return x;
  };
  for (const e of edges) {
    const [ra, rb] = [rootOf(e.a), rootOf(e.b)];
    if (ra !== rb) linked.set(ra, rb);
  }
  const own = rootOf(comment.id);
  const elsewhere = new Map<string, string>();
  for (const e of edges) {
    const root = rootOf(e.a);
    if (root !== own && !elsewhere.has(root)) elsewhere.set(root, e.a);
  }
  return { edges: edges.length, elsewhere: [...elsewhere.values()] };
}
