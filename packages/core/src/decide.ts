import type { ClusterFacts, MemberFacts, Reason } from './cluster-facts.js';
import { clusterGraph, type EdgeKind, type SimilarityEdge } from './clustering.js';
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

/** Clusters one component and scores each cluster: the whole decision for a set of connected comments. */
export function decideComponent(input: ComponentInput, settings: ScoringSettings = DEFAULT_SCORING): ComponentDecision {
  const byId = new Map(input.members.map((m) => [m.id, m]));
  const assignments = clusterGraph([...byId.keys()], input.edges);
  const clustered = new Set<string>();
  const clusters = assignments.map((a) => {
    const memberSet = new Set(a.members);
    a.members.forEach((id) => clustered.add(id));
    const edgeKinds: Partial<Record<EdgeKind, number>> = {};
    for (const e of input.edges) {
      if (memberSet.has(e.a) && memberSet.has(e.b)) edgeKinds[e.kind] = (edgeKinds[e.kind] ?? 0) + 1;
    }
    const facts: ClusterFacts = { members: a.members.map((id) => byId.get(id)!), edgeKinds, threadSizes: input.threadSizes };
    return { representative: a.representative, members: a.members, ...scoreCluster(facts, settings) };
  });
  return { clusters, unclustered: [...byId.keys()].filter((id) => !clustered.has(id)) };
}
