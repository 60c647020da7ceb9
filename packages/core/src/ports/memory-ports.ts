import type { SimilarityEdge } from '../graph/similarity-edge.js';
import type { ClusterDecision, ComponentDecision, ComponentInput } from '../verdict/decision.js';
import { cosineIfBoth } from '../candidates/hyperplane-lsh.js';
import { actionKeys, type LexicalFeatures } from '../similarity/lexical.js';
import { textFingerprint } from '../text/hash.js';
import { EdgeGraph } from '../graph/edge-graph.js';
import { MemoryBucketIndex } from '../candidates/memory-bucket-index.js';
import { normalizeCached, reserveNormalizeCache } from '../text/normalize.js';
import type { MemorySemanticPorts } from './memory-semantic.js';
import { memberFacts, type Reason } from '../evidence/cluster-facts.js';
import { NEAR_LIMIT, type DetectionPorts } from './detection-ports.js';
import type { CommentRecord } from '../records/comment-record.js';
import type { Verdict } from '../verdict/verdict.js';

export interface MemoryVerdict {
  readonly verdict: Verdict;
  readonly score: number;
  /** The representative's id: clusters are named after their centre. */
  readonly clusterId: string | null;
  readonly reasons: readonly Reason[];
}

/** A decided cluster, named by its representative's id. */
export interface MemoryCluster extends Omit<ClusterDecision, 'representative'> {
  readonly id: string;
}

/**
 * The pipeline's ports held in one process's memory: for the offline analyzer and for tests. The
 * same buckets, caps and component rules as the service's Redis and PostgreSQL ports.
 */
export class MemoryPorts implements DetectionPorts {
  readonly comments = new Map<string, CommentRecord>();
  readonly verdicts = new Map<string, MemoryVerdict>();
  readonly clusters = new Map<string, MemoryCluster>();
  private readonly byHash = new Map<string, string[]>();
  private readonly graph = new EdgeGraph();
  private readonly threadCounts = new Map<string, number>();
  private readonly clusterOf = new Map<string, string>();
  private readonly repliesTo = new Map<string, string[]>();
  /** Per thread, its timed comments; sorted by time when read after an add. */
  private readonly threadTimeline = new Map<string, { sorted: boolean; entries: { t: number; id: string }[] }>();

  private readonly bands: MemoryBucketIndex;

  /** Set when the semantic stage runs: supplies reply-to-parent similarity for the reply-echo signal. */
  semantic: MemorySemanticPorts | undefined;

  constructor(private readonly options: { bucketCap: number; exactLimit: number; componentLimit: number } = { bucketCap: 32, exactLimit: 50, componentLimit: 2000 }) {
    this.bands = new MemoryBucketIndex(options.bucketCap);
  }

  /** Stores a comment (the service's ingest step). Ids must be unique across scopes. */
  add(record: CommentRecord): void {
    this.comments.set(record.id, record);
    if (record.parentId !== null) {
      const replies = this.repliesTo.get(record.parentId);
      if (replies) replies.push(record.id);
      else this.repliesTo.set(record.parentId, [record.id]);
    }
    // Scoring and linking read every stored text's normalized form again, much later: the shared
    // cache keeps as many as there are stored comments.
    reserveNormalizeCache(this.comments.size);
    const key = `${record.scope}\u0000${textFingerprint(normalizeCached(record.text))}`;
    const same = this.byHash.get(key) ?? [];
    same.push(record.id);
    this.byHash.set(key, same);
    const thread = `${record.scope}\u0000${record.threadId}`;
    this.threadCounts.set(thread, (this.threadCounts.get(thread) ?? 0) + 1);
    if (record.postedAt !== null) {
      const timeline = this.threadTimeline.get(thread);
      if (timeline) {
        const last = timeline.entries[timeline.entries.length - 1];
        if (last && (last.t > record.postedAt || (last.t === record.postedAt && last.id > record.id))) timeline.sorted = false;
        timeline.entries.push({ t: record.postedAt, id: record.id });
      } else this.threadTimeline.set(thread, { sorted: true, entries: [{ t: record.postedAt, id: record.id }] });
    }
  }

  async loadComments(ids: readonly string[]): Promise<CommentRecord[]> {
    return ids.map((id) => this.comments.get(id)).filter((c): c is CommentRecord => c !== undefined);
  }

  async lexicalCandidates(scope: string, id: string, bandKeys: readonly string[]): Promise<string[]> {
    return this.bands.addAndQuery(scope, id, bandKeys);
  }

  async relatives(record: CommentRecord): Promise<{ parent: CommentRecord | null; replies: CommentRecord[] }> {
    // In memory the publisher's id is the id: every dump row has a unique one.
    return {
      parent: record.parentId ? (this.comments.get(record.parentId) ?? null) : null,
      replies: (this.repliesTo.get(record.externalId) ?? []).map((id) => this.comments.get(id)!),
    };
  }

  async repliesNear(record: CommentRecord, windowMs: number): Promise<CommentRecord[]> {
    return nearestInTime(
      record,
      this.inWindow(record, windowMs).filter((r) => r.parentId !== null),
    );
  }

  async commentsNear(record: CommentRecord, windowMs: number): Promise<CommentRecord[]> {
    return nearestInTime(record, this.inWindow(record, windowMs));
  }

  /** The thread's comments posted within `windowMs` of the record, in time order. */
  private inWindow(record: CommentRecord, windowMs: number): CommentRecord[] {
    if (record.postedAt === null) return [];
    const timeline = this.threadTimeline.get(`${record.scope}\u0000${record.threadId}`);
    if (!timeline) return [];
    if (!timeline.sorted) {
      timeline.entries.sort((a, b) => a.t - b.t || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      timeline.sorted = true;
    }
    const { entries } = timeline;
    const from = record.postedAt - windowMs;
    let lo = 0;
    for (let hi = entries.length; lo < hi; ) {
      const mid = (lo + hi) >> 1;
      if (entries[mid].t < from) lo = mid + 1;
      else hi = mid;
    }
    const out: CommentRecord[] = [];
    for (let i = lo; i < entries.length && entries[i].t <= record.postedAt + windowMs; i++) out.push(this.comments.get(entries[i].id)!);
    return out;
  }

  async edgesAmong(_scope: string, ids: readonly string[]): Promise<SimilarityEdge[]> {
    const wanted = new Set(ids);
    const out: SimilarityEdge[] = [];
    const walk = this.graph.newWalk();
    for (const id of wanted) {
      const degree = this.graph.degree(id);
      // Each edge once, from its end that sorts first; the smaller of the two sets is walked.
      if (degree === 0) continue;
      if (degree <= wanted.size) {
        this.graph.forEachNeighbour(id, (other, pair) => {
          if (id < other && wanted.has(other)) this.graph.takeEdges(pair, walk, out);
        });
      } else {
        for (const other of wanted) {
          const pair = id < other ? this.graph.pairBetween(id, other) : -1;
          if (pair >= 0) this.graph.takeEdges(pair, walk, out);
        }
      }
    }
    return out;
  }

  async exactMatches(scope: string, normHash: string, excludeId: string): Promise<string[]> {
    return this.exactCopies(scope, normHash, excludeId);
  }

  private exactCopies(scope: string, normHash: string, excludeId: string): string[] {
    const same = this.byHash.get(`${scope}\u0000${normHash}`) ?? [];
    // The most recent copies only: a phrase posted thousands of times must not cost a full scan.
    return same
      .slice(-this.options.exactLimit - 1)
      .filter((id) => id !== excludeId)
      .slice(-this.options.exactLimit)
      .reverse();
  }

  /**
   * lexicalCandidatesOf for a batch run, by number (idOfNumber): the same candidates in the same
   * order (banded first, then those naming the same site, then the exact copies not among them),
   * and the numbers of the exact copies.
   */
  lexicalCandidateNumbers(record: CommentRecord, features: Pick<LexicalFeatures, 'hash' | 'bandHashes' | 'siteKeys'>): { candidates: number[]; exact: ReadonlySet<number> } {
    const self = this.bands.numberOf(record.id);
    const exact = new Set(this.exactCopies(record.scope, features.hash, record.id).map((id) => this.bands.numberOf(id)));
    const keys = [...features.siteKeys, ...actionKeys(record, normalizeCached(record.text))];
    const sited = keys.length === 0 ? [] : this.bands.addAndQueryNumbers(record.scope, self, keys);
    return { candidates: this.bands.addAndQueryHashes(record.scope, self, features.bandHashes, [...sited, ...exact]), exact };
  }

  /** The id a number of lexicalCandidateNumbers stands for. */
  idOfNumber(n: number): string {
    return this.bands.idOf(n);
  }

  async addEdges(_scope: string, edges: readonly SimilarityEdge[]): Promise<void> {
    for (const e of edges) this.graph.add(e);
  }

  /** The connected component around `id` (breadth first, bounded like the service's). */
  component(id: string, limit = this.options.componentLimit): { nodes: string[]; edges: SimilarityEdge[] } {
    const nodes = [id];
    const seen = new Set(nodes);
    const edges: SimilarityEdge[] = [];
    const walk = this.graph.newWalk();
    let cut = false;
    const reach = (other: string, pair: number) => {
      this.graph.takeEdges(pair, walk, edges);
      if (seen.has(other)) return;
      if (seen.size < limit) {
        seen.add(other);
        nodes.push(other);
      } else cut = true;
    };
    // Breadth first, level by level, stopping once the limit is reached (as the service's walk does).
    for (let i = 0, levelEnd = 1; i < nodes.length; i++) {
      if (i === levelEnd) {
        if (seen.size >= limit) break;
        levelEnd = nodes.length;
      }
      this.graph.forEachNeighbour(nodes[i], reach);
    }
    // Edges to comments left out by the limit are dropped (when none is, every edge stays).
    return { nodes, edges: cut ? edges.filter((e) => seen.has(e.a) && seen.has(e.b)) : edges };
  }

  /** Every connected component of the graph, whole (no size limit): the batch analyzer clusters each once. */
  allComponents(): { nodes: string[]; edges: SimilarityEdge[] }[] {
    const seen = new Set<string>();
    const out: { nodes: string[]; edges: SimilarityEdge[] }[] = [];
    for (const start of this.comments.keys()) {
      if (seen.has(start)) continue;
      const component = this.component(start, Number.POSITIVE_INFINITY);
      for (const n of component.nodes) seen.add(n);
      out.push(component);
    }
    return out;
  }

  async recluster(scope: string, id: string, decide: (input: ComponentInput) => ComponentDecision): Promise<void> {
    this.decideComponent(scope, this.component(id), decide);
  }

  /** Applies a decision to a given component (nodes and the edges among them). */
  decideComponent(scope: string, { nodes, edges }: { nodes: string[]; edges: SimilarityEdge[] }, decide: (input: ComponentInput) => ComponentDecision): void {
    const records = nodes.map((n) => this.comments.get(n)!);
    const members = records.map((r) => {
      const parent = r.parentId ? this.comments.get(r.parentId) : undefined;
      const mine = this.semantic?.vectorById(r.id);
      const theirs = parent ? this.semantic?.vectorById(parent.id) : undefined;
      return memberFacts(r, parent?.text ?? null, cosineIfBoth(mine, theirs));
    });
    const threadSizes = new Map(records.map((r) => [r.threadId, this.threadCounts.get(`${scope}\u0000${r.threadId}`) ?? 1]));
    const decision = decide({ members, edges, threadSizes });
    for (const n of nodes) {
      const old = this.clusterOf.get(n);
      if (old !== undefined) this.clusters.delete(old);
      this.clusterOf.delete(n);
    }
    for (const c of decision.clusters) {
      this.clusters.set(c.representative, { id: c.representative, members: c.members, score: c.score, verdict: c.verdict, reasons: c.reasons });
      for (const m of c.members) {
        this.clusterOf.set(m, c.representative);
        this.verdicts.set(m, { verdict: c.verdict, score: c.score, clusterId: c.representative, reasons: c.reasons });
      }
    }
    for (const n of decision.unclustered) this.verdicts.set(n, { verdict: 'clean', score: 0, clusterId: null, reasons: [] });
  }
}

/** At most NEAR_LIMIT of `inTimeOrder`, the nearest in time to the record (ties by id), still in time order: what the service's query returns. */
function nearestInTime(record: CommentRecord, inTimeOrder: CommentRecord[]): CommentRecord[] {
  if (inTimeOrder.length <= NEAR_LIMIT) return inTimeOrder;
  const distance = (r: CommentRecord) => Math.abs(r.postedAt! - record.postedAt!);
  const byId = (a: CommentRecord, b: CommentRecord) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const nearest = [...inTimeOrder].sort((a, b) => distance(a) - distance(b) || byId(a, b)).slice(0, NEAR_LIMIT);
  return nearest.sort((a, b) => a.postedAt! - b.postedAt! || byId(a, b));
}
