import { compareIds } from '../support/ids.js';
import type { Verdict } from '../verdict/verdict.js';

export interface NetworkMember {
  readonly authorId: string | null;
  readonly postedAt: number | null;
}

export interface NetworkCluster {
  readonly id: string;
  readonly verdict: Verdict;
  readonly members: readonly NetworkMember[];
}

export interface NetworkOptions {
  /** Two accounts are linked by a cluster only if they posted in it within this many milliseconds of each other. */
  readonly windowMs: number;
  /** Edges lighter than this (clusters shared) are dropped. */
  readonly minWeight: number;
  /** Only clusters with these verdicts count (default: suspect and coordinated). */
  readonly verdicts?: readonly Verdict[];
  /** Each member is paired with at most this many later members, so a huge cluster stays linear. */
  readonly maxPairsPerMember?: number;
}

export const DEFAULT_NETWORK: NetworkOptions = { windowMs: 24 * 3600 * 1000, minWeight: 1, verdicts: ['suspect', 'coordinated'], maxPairsPerMember: 50 };

export interface NetworkEdge {
  readonly source: string;
  readonly target: string;
  /** Number of clusters in which the two accounts posted within the window. */
  readonly weight: number;
  readonly clusters: readonly string[];
}

export interface NetworkNode {
  readonly id: string;
  /** Members this account posted across the counted clusters. */
  readonly comments: number;
  readonly clusters: number;
}

export interface AccountNetwork {
  readonly nodes: readonly NetworkNode[];
  readonly edges: readonly NetworkEdge[];
}

/**
 * The co-similarity network of accounts: an edge joins two accounts that posted members of the same
 * cluster within the time window, weighted by how many clusters they share (as coordination-network
 * toolkits build it). Anonymous members cannot be linked and are skipped; members without a time are
 * linked to everyone in their cluster (the window cannot be checked).
 */
export function accountNetwork(clusters: readonly NetworkCluster[], options: NetworkOptions = DEFAULT_NETWORK): AccountNetwork {
  const verdicts = new Set(options.verdicts ?? DEFAULT_NETWORK.verdicts);
  const maxPairs = options.maxPairsPerMember ?? DEFAULT_NETWORK.maxPairsPerMember!;
  const edges = new Map<string, { source: string; target: string; clusters: string[] }>();
  const nodes = new Map<string, { comments: number; clusters: Set<string> }>();
  for (const cluster of clusters) {
    if (!verdicts.has(cluster.verdict)) continue;
    const named = cluster.members.filter((m): m is NetworkMember & { authorId: string } => m.authorId !== null);
    const sorted = [...named].sort((a, b) => (a.postedAt ?? 0) - (b.postedAt ?? 0));
    for (const m of named) {
      const node = nodes.get(m.authorId) ?? { comments: 0, clusters: new Set<string>() };
      node.comments++;
      node.clusters.add(cluster.id);
      nodes.set(m.authorId, node);
    }
    const linked = new Set<string>();
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length && j <= i + maxPairs; j++) {
        const a = sorted[i];
        const b = sorted[j];
        if (a.postedAt !== null && b.postedAt !== null && b.postedAt - a.postedAt > options.windowMs) break;
        if (a.authorId === b.authorId) continue;
        const [source, target] = compareIds(a.authorId, b.authorId) < 0 ? [a.authorId, b.authorId] : [b.authorId, a.authorId];
        const key = `${source}\u0000${target}`;
        if (linked.has(key)) continue;
        linked.add(key);
        const edge = edges.get(key) ?? { source, target, clusters: [] };
        edge.clusters.push(cluster.id);
        edges.set(key, edge);
      }
    }
  }
  const kept = [...edges.values()]
    .filter((e) => e.clusters.length >= options.minWeight)
    .map((e) => ({ source: e.source, target: e.target, weight: e.clusters.length, clusters: e.clusters }))
    .sort((x, y) => y.weight - x.weight || compareIds(x.source, y.source) || compareIds(x.target, y.target));
  const used = new Set(kept.flatMap((e) => [e.source, e.target]));
  return {
    nodes: [...nodes]
      .filter(([id]) => used.has(id))
      .map(([id, n]) => ({ id, comments: n.comments, clusters: n.clusters.size }))
      .sort((x, y) => compareIds(x.id, y.id)),
    edges: kept,
  };
}

const xml = (s: string | number) => String(s).replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

/** GraphML (opens in Gephi, Cytoscape, networkx, igraph): undirected, with weight and cluster count attributes. */
export function networkToGraphml(network: AccountNetwork): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="comments" for="node" attr.name="comments" attr.type="int"/>',
    '  <key id="clusters" for="node" attr.name="clusters" attr.type="int"/>',
    '  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>',
    '  <graph id="accounts" edgedefault="undirected">',
  ];
  for (const n of network.nodes) {
    lines.push(`    <node id="${xml(n.id)}"><data key="label">${xml(n.id)}</data><data key="comments">${n.comments}</data><data key="clusters">${n.clusters}</data></node>`);
  }
  network.edges.forEach((e, i) => {
    lines.push(`    <edge id="e${i}" source="${xml(e.source)}" target="${xml(e.target)}"><data key="weight">${e.weight}</data></edge>`);
  });
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
