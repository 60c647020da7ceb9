// What a clustering decision changed that someone outside hears of: the tenant's webhook endpoints
// (a cluster flagged or grown, a comment scored) and the operator's metrics (how long verdicts
// take). Computed from what the decision reads and writes anyway, and acted on once it committed.

/** A flagged cluster a decision created or changed. */
export interface ClusterChange {
  readonly id: string;
  /** flagged: suspect or coordinated for the first time (new, or clean before); updated: flagged before and after, with another verdict, size or score. */
  readonly change: 'flagged' | 'updated';
  readonly verdict: string;
  readonly size: number;
  /** As stored (float4). */
  readonly score: number;
}

/** A comment a decision moved from pending to scored, and when the publisher sent it. */
export interface ScoredComment {
  readonly id: string;
  readonly receivedAt: Date;
}

export interface DecisionOutcome {
  readonly clusters: ClusterChange[];
  readonly scored: ScoredComment[];
}

export function emptyOutcome(): DecisionOutcome {
  return { clusters: [], scored: [] };
}

/** Adds `more` to `into`; a cluster changed twice keeps its first flagging or its last update. */
export function addOutcome(into: DecisionOutcome, more: DecisionOutcome): DecisionOutcome {
  for (const c of more.clusters) {
    const at = into.clusters.findIndex((x) => x.id === c.id);
    if (at < 0) into.clusters.push(c);
    else into.clusters[at] = { ...c, change: into.clusters[at].change === 'flagged' ? 'flagged' : c.change };
  }
  into.scored.push(...more.scored);
  return into;
}

const isFlagged = (verdict: string) => verdict !== 'clean';

/** How a cluster's figures moved from `before` (undefined: the cluster is new) to `after`; undefined when no endpoint needs to hear of it. */
export function clusterChange(
  id: string,
  before: { readonly verdict: string; readonly size: number; readonly score: number } | undefined,
  after: { readonly verdict: string; readonly size: number; readonly score: number },
): ClusterChange | undefined {
  if (!isFlagged(after.verdict)) return undefined;
  const score = Math.fround(after.score);
  if (!before || !isFlagged(before.verdict)) return { id, change: 'flagged', verdict: after.verdict, size: after.size, score };
  if (before.verdict === after.verdict && before.size === after.size && Math.fround(before.score) === score) return undefined;
  return { id, change: 'updated', verdict: after.verdict, size: after.size, score };
}
