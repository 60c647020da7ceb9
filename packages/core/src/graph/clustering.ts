import { compareIds } from '../support/ids.js';
import type { SimilarityEdge } from './similarity-edge.js';
import { CrossLinks } from './cross-links.js';
import { MergeHeap } from './merge-heap.js';
import { PairMaxima } from './pair-maxima.js';

export interface ClusterAssignment {
  /** The member most similar to the rest (names the cluster; stable while the cluster is). */
  readonly representative: string;
  /** Sorted member ids, representative included. */
  readonly members: readonly string[];
}

/** Two clusters merge while the mean similarity over all their cross pairs (a missing edge counts 0) is at least this. */
export const LINKAGE_THRESHOLD = 0.5;

interface Group {
  /** Position in the list of groups (never changes). */
  readonly slot: number;
  /** The group's identity for tie-breaks: groups start numbered in the order of their smallest member's id, and a merged group keeps the number of the one the other was merged into. */
  index: number;
  /** Node numbers. */
  members: number[];
  alive: boolean;
  version: number;
  /** The merge that last offered this group a link (to offer it once per merge). */
  offeredAt: number;
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
  ids.forEach((id, i) => {
    numberOf.set(id, i);
  });

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
      g = { slot: groups.length, index: groups.length, members: [], alive: true, version: 0, offeredAt: 0 };
      groups.push(g);
      groupOfRoot.set(r, g);
    }
    g.members.push(i);
    groupOf[i] = g.index;
  }

  // Best similarity per node pair, and summed cross similarity per group pair.
  const xs = new Int32Array(edges.length);
  const ys = new Int32Array(edges.length);
  const similarities = new Float64Array(edges.length);
  let linked = 0;
  for (const e of edges) {
    // Echo and swarm edges link comments by behaviour; decideComponent uses them after clustering.
    if (e.kind === 'echo' || e.kind === 'swarm') continue;
    const a = numberOf.get(e.a);
    const b = numberOf.get(e.b);
    if (a === undefined || b === undefined) continue;
    xs[linked] = a;
    ys[linked] = b;
    similarities[linked++] = e.similarity;
  }
  const pairSim = PairMaxima.of(n, xs, ys, similarities, linked);
  // Copies of one text are as similar to a third comment as the closest copy is.
  const groupCount = groups.length;
  linked = 0;
  pairSim.forEach((x, y, sim) => {
    xs[linked] = groupOf[x];
    ys[linked] = groupOf[y];
    similarities[linked++] = sim;
  });
  const groupPairBest = PairMaxima.of(groupCount, xs, ys, similarities, linked);
  let cells = 0;
  groupPairBest.forEach((x, y, sim) => {
    xs[cells] = x;
    ys[cells] = y;
    similarities[cells++] = sim * groups[x].members.length * groups[y].members.length;
  });
  const links = new CrossLinks(groupCount, xs, ys, similarities.slice(0, cells));
  const { sums } = links;
  // Candidate merges, best first (ties to the smaller pair of group numbers); stale entries (a group
  // changed since) are skipped.
  // Every linked pair may be offered at first, and later merges offer again some of those.
  const heap = new MergeHeap(Math.max(1024, cells + (cells >> 1)));
  // Per cell: 1 when the pair's link is at least LINKAGE_THRESHOLD (the two groups are close).
  const close = new Uint8Array(cells);
  /** Marks the pair close and offers its merge when its mean link reaches the threshold. */
  const offer = (a: Group, b: Group, cell: number) => {
    const link = sums[cell] / (a.members.length * b.members.length);
    if (link < LINKAGE_THRESHOLD) return;
    close[cell] = 1;
    heap.push(link, tieOf(a, b), a.slot, a.version, b.slot, b.version);
  };
  const tieOf = (a: Group, b: Group) => (a.index < b.index ? a.index * groupCount + b.index : b.index * groupCount + a.index);
  for (let cell = 0; cell < cells; cell++) offer(groups[xs[cell]], groups[ys[cell]], cell);
  let merges = 0;
  const popped = new Int32Array(4);

  // Merging b into a. The link of the merged group to a third one is the size-weighted mean of
  // a's and b's links to it, so it can reach the threshold only for groups close to a or to b:
  // only those are offered again. The links are folded from the group with fewer into the one with
  // more, whose group object lives on with a's number.
  for (;;) {
    if (heap.size === 0) break;
    heap.pop(popped);
    const a = groups[popped[0]];
    const b = groups[popped[2]];
    if (!a.alive || !b.alive || a.version !== popped[1] || b.version !== popped[3]) continue;
    const [winner, loser] = links.size(a.slot) >= links.size(b.slot) ? [a, b] : [b, a];
    winner.index = a.index;
    loser.alive = false;
    // The smaller member list is appended to the larger (their order does not matter): copying a
    // large cluster's list on each merge fills the old generation and costs full collections.
    const [more, fewer] = winner.members.length >= loser.members.length ? [winner.members, loser.members] : [loser.members, winner.members];
    for (const m of fewer) more.push(m);
    winner.members = more;
    winner.version++;
    // The groups close to either are offered again, once each, after the fold; their pairs with
    // the two are no longer close until then.
    let reoffers = 0;
    const stamp = ++merges;
    const noteClose = (c: number, cell: number) => {
      if (close[cell] === 0) return;
      close[cell] = 0;
      const g = groups[c];
      if (g === winner || g === loser || g.offeredAt === stamp) return;
      g.offeredAt = stamp;
      reoffers++;
    };
    links.forEachLink(winner.slot, noteClose);
    links.forEachLink(loser.slot, noteClose);
    links.merge(winner.slot, loser.slot);
    if (reoffers > 0)
      links.forEachLink(winner.slot, (c, cell) => {
        if (groups[c].offeredAt === stamp) offer(winner, groups[c], cell);
      });
  }

  const result: ClusterAssignment[] = [];
  for (const g of groups) {
    if (!g.alive || g.members.length < 2) continue;
    const members = [...g.members].sort((x, y) => x - y);
    const strength = (m: number) => {
      let s = 0;
      for (const o of members) s += o === m ? 0 : root[o] === root[m] ? 1 : (pairSim.get(m, o) ?? 0);
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
