// What a clustering decision changed that someone outside hears of: the tenant's webhook endpoints
// (a cluster flagged or grown, a comment scored) and the operator's metrics (how long verdicts
// take). Computed from what the decision reads and writes anyway, and acted on once it committed.

/** A flagged cluster a decision created or changed. */
export interface ClusterChange {
  readonly id: string;
  /** flagged: suspect or coordinated for the first time (new, or clean before); updated: flagged before, with another verdict (clean included), size or score. */
  readonly change: 'flagged' | 'updated';
  readonly verdict: string;
  readonly size: number;
  /** As stored (float4). */
  readonly score: number;
  /** Tells this change apart from the cluster's others (part of the event id). */
  readonly version: string;
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
    else {
      // A flagging stays one (with its version), told with the latest figures.
      const earlier = into.clusters[at];
      into.clusters[at] = earlier.change === 'flagged' ? { ...c, change: 'flagged', version: earlier.version } : c;
    }
  }
  into.scored.push(...more.scored);
  return into;
}

const isFlagged = (verdict: string) => verdict !== 'clean';

/**
 * How a cluster's figures moved from `before` (undefined: the cluster is new) to `after`;
 * undefined when no endpoint needs to hear of it. A new cluster is flagged once (version
 * `first`); any later change is told apart by the figures it leads to, so the same change
 * decided twice (a retried job) is one event, and a cluster flagged again after it was clean is told again.
 */
export function clusterChange(
  id: string,
  before: { readonly verdict: string; readonly size: number; readonly score: number } | undefined,
  after: { readonly verdict: string; readonly size: number; readonly score: number },
): ClusterChange | undefined {
  const score = Math.fround(after.score);
  const figures = { id, verdict: after.verdict, size: after.size, score, version: `${after.verdict}-${after.size}-${score}` };
  if (!before) return isFlagged(after.verdict) ? { ...figures, change: 'flagged', version: 'first' } : undefined;
  if (!isFlagged(before.verdict)) return isFlagged(after.verdict) ? { ...figures, change: 'flagged' } : undefined;
  if (before.verdict === after.verdict && before.size === after.size && Math.fround(before.score) === score) return undefined;
  // Flagged before: any change, back to clean included (the publisher may show again what it hid).
  return { ...figures, change: 'updated' };
}
