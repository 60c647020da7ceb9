import { compareIds } from './ids.js';

export type EdgeKind = 'exact' | 'lexical' | 'semantic';

export interface SimilarityEdge {
  readonly a: string;
  readonly b: string;
  readonly kind: EdgeKind;
  readonly similarity: number;
}

export interface ClusterAssignment {
  /** The member every other member was judged against (the star's centre). */
  readonly representative: string;
  /** Sorted member ids, representative included. */
  readonly members: readonly string[];
}

/**
 * Groups one connected component of the similarity graph into clusters without single-link
 * chaining: a cluster is a star around its representative (the unassigned node with the most
 * similarity weight), and a node that is not a direct neighbour of any representative joins a
 * cluster only if it is similar to at least half of its members (and to at least two). The result
 * depends only on the graph, never on the order comments arrived in, so any number of workers
 * converge on the same clusters.
 */
export function clusterGraph(nodeIds: readonly string[], edges: readonly SimilarityEdge[]): ClusterAssignment[] {
  const adjacency = new Map<string, Map<string, number>>();
  for (const id of nodeIds) adjacency.set(id, new Map());
  for (const e of edges) {
    if (e.a === e.b || !adjacency.has(e.a) || !adjacency.has(e.b)) continue;
    const best = Math.max(e.similarity, adjacency.get(e.a)!.get(e.b) ?? 0);
    adjacency.get(e.a)!.set(e.b, best);
    adjacency.get(e.b)!.set(e.a, best);
  }
  const weight = new Map<string, number>();
  for (const [id, neighbours] of adjacency) {
    let w = 0;
    for (const s of neighbours.values()) w += s;
    weight.set(id, w);
  }
  const order = [...adjacency.keys()].sort((x, y) => weight.get(y)! - weight.get(x)! || compareIds(x, y));

  const clusterOf = new Map<string, number>();
  const clusters: { representative: string; members: string[] }[] = [];
  for (const centre of order) {
    if (clusterOf.has(centre)) continue;
    const free = [...adjacency.get(centre)!.keys()].filter((n) => !clusterOf.has(n));
    if (free.length === 0) continue;
    const index = clusters.length;
    clusters.push({ representative: centre, members: [centre, ...free] });
    clusterOf.set(centre, index);
    for (const n of free) clusterOf.set(n, index);
  }

  // Second pass: nodes left out join the cluster they are most cohesive with, if cohesive enough.
  const sizes = clusters.map((c) => c.members.length);
  for (const node of order) {
    if (clusterOf.has(node)) continue;
    const links = new Map<number, number>();
    for (const n of adjacency.get(node)!.keys()) {
      const c = clusterOf.get(n);
      if (c !== undefined) links.set(c, (links.get(c) ?? 0) + 1);
    }
    let best = -1;
    let bestLinks = 0;
    for (const [c, count] of [...links].sort((x, y) => x[0] - y[0])) {
      if (count >= 2 && count * 2 >= sizes[c] && count > bestLinks) {
        best = c;
        bestLinks = count;
      }
    }
    if (best >= 0) {
      clusters[best].members.push(node);
      clusterOf.set(node, best);
    }
  }
  return clusters.map((c) => ({ representative: c.representative, members: [...c.members].sort(compareIds) }));
}

/** Splits a graph into connected components (each sorted), isolated nodes included. */
export function connectedComponents(nodeIds: readonly string[], edges: readonly SimilarityEdge[]): string[][] {
  const parent = new Map<string, string>();
  for (const id of nodeIds) parent.set(id, id);
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    while (parent.get(x) !== root) {
      const next = parent.get(x)!;
      parent.set(x, root);
      x = next;
    }
    return root;
  };
  for (const e of edges) {
    if (!parent.has(e.a) || !parent.has(e.b)) continue;
    const ra = find(e.a);
    const rb = find(e.b);
    if (ra !== rb) parent.set(ra, rb);
  }
  const groups = new Map<string, string[]>();
  for (const id of nodeIds) {
    const r = find(id);
    if (!groups.has(r)) groups.set(r, []);
    groups.get(r)!.push(id);
  }
  return [...groups.values()].map((g) => g.sort(compareIds));
}
