import { PACKED_KINDS, type SimilarityEdge } from './similarity-edge.js';

/**
 * The similarity graph in flat typed arrays: nodes by number, one record per linked pair of nodes
 * (found through an open-addressing table keyed by the pair) and one per edge, kept on a chain per
 * pair. A 100k-comment corpus has millions of edges: as objects in a Map of neighbours per node
 * they cost seconds of hashing and of garbage collection (every edge outlives the young
 * generation), while here an edge is four numbers. Edge objects are made only when read.
 *
 * Order is that of a Map of neighbours per node: a node's neighbours in the order they were first
 * linked to it, and between two nodes one edge per kind, in the order the kinds first came (a later
 * edge of the same kind replaces the earlier one in its place).
 */
export class EdgeGraph {
  private readonly numbers = new Map<string, number>();
  private readonly ids: string[] = [];
  // Per node: its first and last pair, and how many pairs (neighbours) it has.
  private firstPair = new Int32Array(1024).fill(-1);
  private lastPair = new Int32Array(1024).fill(-1);
  private degrees = new Int32Array(1024);
  // Per pair: its two nodes (smaller number first), the next pair of each node's list, its first edge.
  private pairEnds = new Int32Array(2048);
  private pairNext = new Int32Array(2048);
  private pairEdge = new Int32Array(1024);
  private pairCount = 0;
  // Per edge: its ends as given, kind (PACKED_KINDS), similarity, and the pair's next edge.
  private edgeEnds = new Int32Array(2048);
  private edgeKind = new Uint8Array(1024);
  private edgeSimilarity = new Float64Array(1024);
  private edgeNext = new Int32Array(1024);
  private edgeCount = 0;
  // Pair lookup: open addressing, linear probing; each slot holds a pair number plus one (0: empty).
  private table = new Int32Array(1 << 12);
  // Per edge: the walk that last took it (takeEdges).
  private takenAt = new Int32Array(1024);
  private walks = 0;

  /** The node's number (given on first sight). */
  private numberOf(id: string): number {
    let n = this.numbers.get(id);
    if (n === undefined) {
      n = this.ids.length;
      this.ids.push(id);
      this.numbers.set(id, n);
      if (n >= this.degrees.length) this.growNodes();
    }
    return n;
  }

  /** Number of distinct nodes linked to `id`. */
  degree(id: string): number {
    const n = this.numbers.get(id);
    return n === undefined ? 0 : this.degrees[n];
  }

  /** Adds an edge; an edge of the same kind between the same two nodes is replaced. */
  add(e: SimilarityEdge): void {
    const a = this.numberOf(e.a);
    const b = this.numberOf(e.b);
    const kind = PACKED_KINDS.indexOf(e.kind);
    const pair = this.pairOf(a, b, true);
    let edge = this.pairEdge[pair];
    let last = -1;
    while (edge >= 0 && this.edgeKind[edge] !== kind) {
      last = edge;
      edge = this.edgeNext[edge];
    }
    if (edge < 0) {
      edge = this.newEdge(kind);
      if (last < 0) this.pairEdge[pair] = edge;
      else this.edgeNext[last] = edge;
    }
    this.edgeEnds[2 * edge] = a;
    this.edgeEnds[2 * edge + 1] = b;
    this.edgeSimilarity[edge] = e.similarity;
  }

  /** Calls `visit` with each neighbour of `id` and the pair linking the two (for takeEdges). */
  forEachNeighbour(id: string, visit: (neighbour: string, pair: number) => void): void {
    const n = this.numbers.get(id);
    if (n === undefined) return;
    for (let pair = this.firstPair[n]; pair >= 0; pair = this.nextPairOf(pair, n)) {
      visit(this.ids[this.pairEnds[2 * pair] === n ? this.pairEnds[2 * pair + 1] : this.pairEnds[2 * pair]], pair);
    }
  }

  /** The pair linking `a` and `b` (for takeEdges), or -1. */
  pairBetween(a: string, b: string): number {
    const x = this.numbers.get(a);
    const y = this.numbers.get(b);
    return x === undefined || y === undefined ? -1 : this.pairOf(x, y, false);
  }

  /** Starts a walk over the graph: takeEdges with it takes each edge once. */
  newWalk(): number {
    return ++this.walks;
  }

  /** Appends the edges of a pair not yet taken in `walk` to `into`, as objects. */
  takeEdges(pair: number, walk: number, into: SimilarityEdge[]): void {
    for (let edge = this.pairEdge[pair]; edge >= 0; edge = this.edgeNext[edge]) {
      if (this.takenAt[edge] === walk) continue;
      this.takenAt[edge] = walk;
      into.push({ a: this.ids[this.edgeEnds[2 * edge]], b: this.ids[this.edgeEnds[2 * edge + 1]], kind: PACKED_KINDS[this.edgeKind[edge]], similarity: this.edgeSimilarity[edge] });
    }
  }

  private nextPairOf(pair: number, n: number): number {
    return this.pairNext[this.pairEnds[2 * pair] === n ? 2 * pair : 2 * pair + 1];
  }

  /** The pair of nodes x and y; when there is none, a new one if `create`, else -1. */
  private pairOf(x: number, y: number, create: boolean): number {
    const lo = Math.min(x, y);
    const hi = Math.max(x, y);
    const mask = this.table.length - 1;
    let slot = slotOf(lo, hi, mask);
    for (; this.table[slot] !== 0; slot = (slot + 1) & mask) {
      const pair = this.table[slot] - 1;
      if (this.pairEnds[2 * pair] === lo && this.pairEnds[2 * pair + 1] === hi) return pair;
    }
    if (!create) return -1;
    const pair = this.newPair(lo, hi);
    this.table[slot] = pair + 1;
    // At most half full, so that probes stay short.
    if (2 * this.pairCount > this.table.length) this.rehash();
    return pair;
  }

  private newPair(lo: number, hi: number): number {
    const pair = this.pairCount++;
    if (pair === this.pairEdge.length) {
      this.pairEnds = grown(this.pairEnds, 4 * pair);
      this.pairNext = grown(this.pairNext, 4 * pair);
      this.pairEdge = grown(this.pairEdge, 2 * pair);
    }
    this.pairEnds[2 * pair] = lo;
    this.pairEnds[2 * pair + 1] = hi;
    this.pairNext[2 * pair] = -1;
    this.pairNext[2 * pair + 1] = -1;
    this.pairEdge[pair] = -1;
    this.appendPair(lo, pair);
    // A node linked to itself has the pair in its list once.
    if (hi !== lo) this.appendPair(hi, pair);
    return pair;
  }

  /** Puts `pair` last in node n's list. */
  private appendPair(n: number, pair: number): void {
    const last = this.lastPair[n];
    if (last < 0) this.firstPair[n] = pair;
    else this.pairNext[this.pairEnds[2 * last] === n ? 2 * last : 2 * last + 1] = pair;
    this.lastPair[n] = pair;
    this.degrees[n]++;
  }

  private newEdge(kind: number): number {
    const edge = this.edgeCount++;
    if (edge === this.edgeKind.length) {
      this.edgeEnds = grown(this.edgeEnds, 4 * edge);
      this.edgeKind = grown(this.edgeKind, 2 * edge);
      this.edgeSimilarity = grown(this.edgeSimilarity, 2 * edge);
      this.edgeNext = grown(this.edgeNext, 2 * edge);
      this.takenAt = grown(this.takenAt, 2 * edge);
    }
    this.edgeKind[edge] = kind;
    this.edgeNext[edge] = -1;
    return edge;
  }

  private growNodes(): void {
    const size = 2 * this.degrees.length;
    this.firstPair = grown(this.firstPair, size, -1);
    this.lastPair = grown(this.lastPair, size, -1);
    this.degrees = grown(this.degrees, size);
  }

  private rehash(): void {
    this.table = new Int32Array(2 * this.table.length);
    const mask = this.table.length - 1;
    for (let pair = 0; pair < this.pairCount; pair++) {
      let slot = slotOf(this.pairEnds[2 * pair], this.pairEnds[2 * pair + 1], mask);
      while (this.table[slot] !== 0) slot = (slot + 1) & mask;
      this.table[slot] = pair + 1;
    }
  }
}

/** Where the pair (lo, hi) starts probing in a table of mask + 1 slots. */
function slotOf(lo: number, hi: number, mask: number): number {
  return (Math.imul(lo, 0x9e3779b1) ^ Math.imul(hi, 0x85ebca6b)) & mask;
}

/** A copy of `array` with room for `size` entries, the new ones set to `fill`. */
function grown<T extends Int32Array | Uint8Array | Float64Array>(array: T, size: number, fill = 0): T {
  const out = new (array.constructor as new (size: number) => T)(size);
  out.set(array);
  if (fill !== 0) out.fill(fill, array.length);
  return out;
}
