import type { ClusterFacts, MemberFacts, Reason } from './cluster-facts.js';
import { clusterGraph, type ClusterAssignment, type EdgeKind, type SimilarityEdge } from './clustering.js';
import { compareIds } from './ids.js';
import { scoreCluster } from './score.js';
import { DEFAULT_SCORING, type ScoringSettings, type Verdict } from './verdict.js';

export interface ComponentInput {
  /** Every comment of one connected component of the similarity graph. */
  readonly members: readonly MemberFacts[];
  readonly edges: readonly SimilarityEdge[];
  readonly threadSizes: ReadonlyMap<string, number>;
}

export interface ClusterDecision {
  readonly representative: string;
  readonly members: readonly string[];
  readonly score: number;
  readonly verdict: Verdict;
  readonly reasons: readonly Reason[];
}

export interface ComponentDecision {
  readonly clusters: readonly ClusterDecision[];
  /** Members of the component that ended up in no cluster. */
  readonly unclustered: readonly string[];
}

/**
 * A reply that agrees with and restates a clustered comment, but is in no cluster itself, belongs
 * with its parent's cluster: the echo is part of the same campaign (the seed thread's pattern).
 */
function attachEchoes(assignments: ClusterAssignment[], edges: readonly SimilarityEdge[]): ClusterAssignment[] {
  const clusterOf = new Map<string, number>();
  assignments.forEach((a, i) => a.members.forEach((m) => clusterOf.set(m, i)));
  const extra = assignments.map(() => [] as string[]);
  // Echo edges point from the reply (a) to its parent (b).
  for (const e of [...edges].sort((x, y) => compareIds(x.a, y.a))) {
    if (e.kind !== 'echo' || clusterOf.has(e.a)) continue;
    const parentCluster = clusterOf.get(e.b);
    if (parentCluster === undefined || extra[parentCluster].includes(e.a)) continue;
    extra[parentCluster].push(e.a);
  }
  return assignments.map((a, i) => (extra[i].length === 0 ? a : { representative: a.representative, members: [...a.members, ...extra[i]].sort(compareIds) }));
}

/** Clusters one component and scores each cluster: the whole decision for a set of connected comments. */
export function decideComponent(input: ComponentInput, settings: ScoringSettings = DEFAULT_SCORING): ComponentDecision {
  const byId = new Map(input.members.map((m) => [m.id, m]));
  const assignments = attachEchoes(clusterGraph([...byId.keys()], input.edges), input.edges);
  const clusterOf = new Map<string, number>();
  assignments.forEach((a, i) => a.members.forEach((m) => clusterOf.set(m, i)));
  const edgeKinds = assignments.map((): Partial<Record<EdgeKind, number>> => ({}));
  for (const e of input.edges) {
    const c = clusterOf.get(e.a);
    if (e.kind !== 'echo' && c !== undefined && c === clusterOf.get(e.b)) edgeKinds[c][e.kind] = (edgeKinds[c][e.kind] ?? 0) + 1;
  }
  const clusters = assignments.map((a, i) => {
    const facts: ClusterFacts = { members: a.members.map((id) => byId.get(id)!), edgeKinds: edgeKinds[i], threadSizes: input.threadSizes };
    return { representative: a.representative, members: a.members, ...scoreCluster(facts, settings) };
  });
  return { clusters, unclustered: [...byId.keys()].filter((id) => !clusterOf.has(id)) };
}
