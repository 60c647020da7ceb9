import { compareIds } from './ids.js';

/** `echo` links a reply to the parent it agrees with and restates: not similarity, so it never forms clusters. `ring` links agreeing replies posted together in one thread (ring.ts): behaviour, not text, but it does form clusters. */
export type EdgeKind = 'exact' | 'lexical' | 'semantic' | 'echo' | 'ring' | 'swarm';

export interface SimilarityEdge {
  readonly a: string;
  readonly b: string;
  readonly kind: EdgeKind;
  readonly similarity: number;
}

export interface ClusterAssignment {
  /** The member most similar to the rest (names the cluster; stable while the cluster is). */
  readonly representative: string;
  /** Sorted member ids, representative included. */
  readonly members: readonly string[];
}

/** Two clusters merge while the mean similarity over all their cross pairs (a missing edge counts 0) is at least this. */
export const LINKAGE_THRESHOLD = 0.5;

interface Group {
  /** The group's identity for tie-breaks: groups start numbered in the order of their smallest member's id, and a merged group keeps the number of the one the other was merged into. */
  index: number;
  /** Node numbers. */
  members: number[];
  alive: boolean;
  version: number;
  /** Neighbour groups whose link to this one is at least LINKAGE_THRESHOLD (symmetric). */
  readonly close: Set<Group>;
  /** The merge that last offered this group a link (to offer it once per merge). */
  offeredAt: number;
}

interface MergeEntry {
  readonly link: number;
  readonly a: Group;
  readonly b: Group;
  readonly va: number;
  readonly vb: number;
  readonly tie: number;
}

/**
 * Groups one connected component of the similarity graph into clusters without single-link
 * chaining: average-linkage agglomeration with a cut-off. Exact copies start as one group; then
 * the two groups with the highest mean cross similarity merge, as long as that mean (missing
 * edges count as 0) is at least LINKAGE_THRESHOLD. A comment therefore joins a cluster only when
 * it is similar to most of its members, and a chain A~B~C~D never becomes one cluster. The result
 * depends only on the graph (ties are broken by id), never on arrival order, so any number of
 * workers converge on the same clusters.
 */
export function clusterGraph(nodeIds: readonly string[], edges: readonly SimilarityEdge[]): ClusterAssignment[] {
  // Nodes are numbered in id order, so comparing numbers is comparing ids; a node pair's key is one number.
  const ids = [...new Set(nodeIds)].sort(compareIds);
  const n = ids.length;
  const numberOf = new Map<string, number>();
  ids.forEach((id, i) => numberOf.set(id, i));
  const pairKey = (x: number, y: number) => (x < y ? x * n + y : y * n + x);

  // Exact copies: each set's root is its smallest member.
  const root = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    let r = x;
    while (root[r] !== r) r = root[r];
    while (root[x] !== r) {
      const next = root[x];
      root[x] = r;
      x = next;
    }
    return r;
  };
  for (const e of edges) {
    if (e.kind !== 'exact') continue;
    const a = numberOf.get(e.a);
    const b = numberOf.get(e.b);
    if (a === undefined || b === undefined) continue;
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) root[Math.max(ra, rb)] = Math.min(ra, rb);
  }

  // Groups are numbered in the order of their smallest member, so the tie-break by id is by number too.
  const groupOf = new Int32Array(n);
  const groups: Group[] = [];
  const groupOfRoot = new Map<number, Group>();
  for (let i = 0; i < n; i++) {
    const r = find(i);
    let g = groupOfRoot.get(r);
    if (!g) {
      g = { index: groups.length, members: [], alive: true, version: 0, close: new Set(), offeredAt: 0 };
      groups.push(g);
      groupOfRoot.set(r, g);
    }
    g.members.push(i);
    groupOf[i] = g.index;
  }

  // Best similarity per node pair, and summed cross similarity per group pair.
  const pairSim = new Map<number, number>();
  for (const e of edges) {
    if (e.kind === 'echo') continue;
    const a = numberOf.get(e.a);
    const b = numberOf.get(e.b);
    if (a === undefined || b === undefined || a === b) continue;
    const k = pairKey(a, b);
    const old = pairSim.get(k);
    if (old === undefined || e.similarity > old) pairSim.set(k, e.similarity);
  }
  // Copies of one text are as similar to a third comment as the closest copy is.
  const groupCount = groups.length;
  const groupPairBest = new Map<number, number>();
  for (const [k, sim] of pairSim) {
    const gx = groupOf[Math.floor(k / n)];
    const gy = groupOf[k % n];
    if (gx === gy) continue;
    const gk = gx < gy ? gx * groupCount + gy : gy * groupCount + gx;
    const old = groupPairBest.get(gk);
    if (old === undefined || sim > old) groupPairBest.set(gk, sim);
  }
  const cross = new Map<Group, Map<Group, number>>();
  const neighboursOf = (g: Group) => {
    let m = cross.get(g);
    if (!m) {
      m = new Map();
      cross.set(g, m);
    }
    return m;
  };
  for (const [gk, sim] of groupPairBest) {
    const gx = groups[Math.floor(gk / groupCount)];
    const gy = groups[gk % groupCount];
    const sum = sim * gx.members.length * gy.members.length;
    neighboursOf(gx).set(gy, sum);
    neighboursOf(gy).set(gx, sum);
  }

  // Candidate merges, best first (ties to the smaller pair of group numbers); stale entries (a group
  // changed since) are skipped. The first links, one per edge, are sorted once in flat arrays; a
  // heap holds the links offered after merges (a heap of millions of objects is mostly cache misses).
  const heap: MergeEntry[] = [];
  const better = (p: MergeEntry, q: MergeEntry) => p.link > q.link || (p.link === q.link && p.tie < q.tie);
  const push = (e: MergeEntry) => {
    heap.push(e);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!better(heap[i], heap[parent])) break;
      [heap[i], heap[parent]] = [heap[parent], heap[i]];
      i = parent;
    }
  };
  const pop = (): MergeEntry | undefined => {
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let best = i;
        if (l < heap.length && better(heap[l], heap[best])) best = l;
        if (r < heap.length && better(heap[r], heap[best])) best = r;
        if (best === i) break;
        [heap[i], heap[best]] = [heap[best], heap[i]];
        i = best;
      }
    }
    return top;
  };
  /** The mean link of two groups when it reaches the threshold (the two are then marked close), else null. */
  const closeLink = (a: Group, b: Group, sum: number): number | null => {
    const link = sum / (a.members.length * b.members.length);
    if (link < LINKAGE_THRESHOLD) return null;
    a.close.add(b);
    b.close.add(a);
    return link;
  };
  const offer = (a: Group, b: Group, sum: number) => {
    const link = closeLink(a, b, sum);
    if (link !== null) push({ link, a, b, va: a.version, vb: b.version, tie: tieOf(a, b) });
  };
  const tieOf = (a: Group, b: Group) => (a.index < b.index ? a.index * groupCount + b.index : b.index * groupCount + a.index);
  const firstLinks: number[] = [];
  const firstTies: number[] = [];
  const firstPairs: number[] = [];
  for (const [a, neighbours] of cross) {
    for (const [b, sum] of neighbours) {
      if (a.index >= b.index) continue;
      const link = closeLink(a, b, sum);
      if (link === null) continue;
      firstLinks.push(link);
      firstTies.push(tieOf(a, b));
      firstPairs.push(a.index, b.index);
    }
  }
  const firstOrder = Uint32Array.from(firstLinks, (_, i) => i).sort((i, j) => firstLinks[j] - firstLinks[i] || firstTies[i] - firstTies[j]);
  let firstNext = 0;
  let merges = 0;

  // Merging b into a. The link of the merged group to a third one is the size-weighted mean of
  // a's and b's links to it, so it can reach the threshold only for groups close to a or to b:
  // only those are offered again. The cross sums are folded from the smaller neighbour map into the
  // larger one, whose group object lives on with a's number.
  for (;;) {
    let a: Group;
    let b: Group;
    const top = heap[0];
    const k = firstOrder[firstNext];
    if (k !== undefined && (top === undefined || firstLinks[k] > top.link || (firstLinks[k] === top.link && firstTies[k] < top.tie))) {
      firstNext++;
      a = groups[firstPairs[2 * k]];
      b = groups[firstPairs[2 * k + 1]];
      // Every group starts at version 0.
      if (!a.alive || !b.alive || a.version !== 0 || b.version !== 0) continue;
    } else if (top !== undefined) {
      pop();
      ({ a, b } = top);
      if (!a.alive || !b.alive || a.version !== top.va || b.version !== top.vb) continue;
    } else break;
    const [winner, loser] = neighboursOf(a).size >= neighboursOf(b).size ? [a, b] : [b, a];
    winner.index = a.index;
    loser.alive = false;
    if (winner.members.length >= loser.members.length) for (const m of loser.members) winner.members.push(m);
    else winner.members = loser.members.concat(winner.members);
    winner.version++;
    const big = neighboursOf(winner);
    const small = neighboursOf(loser);
    big.delete(loser);
    for (const [c, sum] of small) {
      if (c === winner) continue;
      const old = big.get(c);
      const merged = old === undefined ? sum : old + sum;
      big.set(c, merged);
      const theirs = cross.get(c)!;
      theirs.delete(loser);
      theirs.set(winner, merged);
    }
    cross.delete(loser);
    const reoffer: Group[] = [];
    const stamp = ++merges;
    for (const side of [winner.close, loser.close]) {
      for (const c of side) {
        if (c === winner || c === loser || c.offeredAt === stamp) continue;
        c.offeredAt = stamp;
        c.close.delete(winner);
        c.close.delete(loser);
        reoffer.push(c);
      }
      side.clear();
    }
    for (const c of reoffer) offer(winner, c, big.get(c)!);
  }

  const result: ClusterAssignment[] = [];
  for (const g of groups) {
    if (!g.alive || g.members.length < 2) continue;
    const members = [...g.members].sort((x, y) => x - y);
    const strength = (m: number) => {
      let s = 0;
      for (const o of members) s += o === m ? 0 : root[o] === root[m] ? 1 : (pairSim.get(pairKey(m, o)) ?? 0);
      return s;
    };
    let representative = members[0];
    let best = strength(representative);
    for (const m of members.slice(1)) {
      const s = strength(m);
      if (s > best) {
        best = s;
        representative = m;
      }
    }
    result.push({ representative: ids[representative], members: members.map((m) => ids[m]) });
  }
  return result.sort((x, y) => compareIds(x.representative, y.representative));
}
