import { compareIds } from './ids.js';

/** `echo` links a reply to the parent it agrees with and restates: not similarity, so it never forms clusters. `ring` links agreeing replies posted together in one thread (ring.ts): behaviour, not text, but it does form clusters. */
export type EdgeKind = 'exact' | 'lexical' | 'semantic' | 'echo' | 'ring';

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

class UnionFind {
  private readonly parent = new Map<string, string>();
  find(x: string): string {
    let root = x;
    while ((this.parent.get(root) ?? root) !== root) root = this.parent.get(root)!;
    while (x !== root) {
      const next = this.parent.get(x) ?? x;
      this.parent.set(x, root);
      x = next;
    }
    return root;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(compareIds(ra, rb) < 0 ? rb : ra, compareIds(ra, rb) < 0 ? ra : rb);
  }
}

interface Group {
  readonly id: string;
  members: string[];
  alive: boolean;
  version: number;
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
  const nodes = new Set(nodeIds);
  const copies = new UnionFind();
  for (const e of edges) if (e.kind === 'exact' && nodes.has(e.a) && nodes.has(e.b)) copies.union(e.a, e.b);

  const groupOf = new Map<string, Group>();
  const groups: Group[] = [];
  for (const id of [...nodes].sort(compareIds)) {
    const root = copies.find(id);
    let g = groupOf.get(root);
    if (!g) {
      g = { id: root, members: [], alive: true, version: 0 };
      groups.push(g);
      groupOf.set(root, g);
    }
    g.members.push(id);
    groupOf.set(id, g);
  }

  // Best similarity per node pair, and summed cross similarity per group pair.
  const pairSim = new Map<string, number>();
  const key = (x: string, y: string) => (compareIds(x, y) < 0 ? `${x}\u0000${y}` : `${y}\u0000${x}`);
  for (const e of edges) {
    if (e.kind === 'echo' || e.a === e.b || !nodes.has(e.a) || !nodes.has(e.b)) continue;
    const k = key(e.a, e.b);
    pairSim.set(k, Math.max(pairSim.get(k) ?? 0, e.similarity));
  }
  // Copies of one text are as similar to a third comment as the closest copy is.
  const cross = new Map<Group, Map<Group, number>>();
  const groupPairBest = new Map<string, number>();
  for (const [k, sim] of pairSim) {
    const [x, y] = k.split('\u0000');
    const gx = groupOf.get(x)!;
    const gy = groupOf.get(y)!;
    if (gx === gy) continue;
    const gk = key(gx.id, gy.id);
    groupPairBest.set(gk, Math.max(groupPairBest.get(gk) ?? 0, sim));
  }
  const addCross = (a: Group, b: Group, sum: number) => {
    if (!cross.has(a)) cross.set(a, new Map());
    if (!cross.has(b)) cross.set(b, new Map());
    cross.get(a)!.set(b, sum);
    cross.get(b)!.set(a, sum);
  };
  for (const [gk, sim] of groupPairBest) {
    const [x, y] = gk.split('\u0000');
    const gx = groupOf.get(x)!;
    const gy = groupOf.get(y)!;
    addCross(gx, gy, sim * gx.members.length * gy.members.length);
  }

  // Max-heap of candidate merges; stale entries (a group changed since) are skipped.
  type Entry = { link: number; a: Group; b: Group; va: number; vb: number; tie: string };
  const heap: Entry[] = [];
  const better = (p: Entry, q: Entry) => p.link > q.link || (p.link === q.link && p.tie < q.tie);
  const push = (e: Entry) => {
    heap.push(e);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!better(heap[i], heap[parent])) break;
      [heap[i], heap[parent]] = [heap[parent], heap[i]];
      i = parent;
    }
  };
  const pop = (): Entry | undefined => {
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
  const offer = (a: Group, b: Group, sum: number) => {
    const link = sum / (a.members.length * b.members.length);
    if (link >= LINKAGE_THRESHOLD) push({ link, a, b, va: a.version, vb: b.version, tie: key(a.id, b.id) });
  };
  for (const [a, neighbours] of cross) for (const [b, sum] of neighbours) if (compareIds(a.id, b.id) < 0) offer(a, b, sum);

  for (let entry = pop(); entry; entry = pop()) {
    const { a, b } = entry;
    if (!a.alive || !b.alive || a.version !== entry.va || b.version !== entry.vb) continue;
    // Merge b into a.
    b.alive = false;
    a.members.push(...b.members);
    a.version++;
    const na = cross.get(a) ?? new Map<Group, number>();
    const nb = cross.get(b) ?? new Map<Group, number>();
    na.delete(b);
    for (const [c, sum] of nb) {
      if (c === a) continue;
      na.set(c, (na.get(c) ?? 0) + sum);
      cross.get(c)!.delete(b);
    }
    cross.set(a, na);
    cross.delete(b);
    for (const [c, sum] of na) {
      cross.get(c)!.set(a, sum);
      offer(a, c, sum);
    }
  }

  const result: ClusterAssignment[] = [];
  for (const g of groups) {
    if (!g.alive || g.members.length < 2) continue;
    const members = [...g.members].sort(compareIds);
    const strength = (m: string) => members.reduce((s, o) => s + (o === m ? 0 : copies.find(o) === copies.find(m) ? 1 : (pairSim.get(key(m, o)) ?? 0)), 0);
    let representative = members[0];
    let best = strength(representative);
    for (const m of members.slice(1)) {
      const s = strength(m);
      if (s > best) {
        best = s;
        representative = m;
      }
    }
    result.push({ representative, members });
  }
  return result.sort((x, y) => compareIds(x.representative, y.representative));
}
