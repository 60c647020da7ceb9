import type { MemberFacts, Reason } from '../evidence/cluster-facts.js';
import type { SimilarityEdge } from '../graph/similarity-edge.js';
import type { Verdict } from './verdict.js';

// What the verdict stage takes in and gives back: the ports pass these between the pipeline and
// the store.

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
