import type { ClusterFacts, Reason } from '../evidence/cluster-facts.js';
import { CLUSTER_SIGNALS } from '../evidence/signals.js';
import type { Evidence } from '../evidence/evidence.js';
import { DEFAULT_SCORING, verdictFor, type ScoringSettings, type Verdict } from './verdict.js';

export interface ClusterScore {
  readonly score: number;
  readonly verdict: Verdict;
  /** Strongest evidence first. */
  readonly reasons: readonly Reason[];
}

/** Scores a cluster for coordination: independent evidence (the signals', and `extra` found outside the cluster) combined as 1 - prod(1 - w), then dampened and capped. */
export function scoreCluster(facts: ClusterFacts, settings: ScoringSettings = DEFAULT_SCORING, extra: readonly Evidence[] = []): ClusterScore {
  const found = [...CLUSTER_SIGNALS.map((signal) => signal(facts)).filter((e): e is Evidence => e !== null), ...extra];
  const overruled = new Set(found.flatMap((e) => e.overrules ?? []));
  const evidence = found.filter((e) => !overruled.has(e.signal));
  let remaining = 1;
  for (const e of evidence) if (e.effect === 'add') remaining *= 1 - e.weight;
  let score = 1 - remaining;
  for (const e of evidence) if (e.effect === 'scale') score *= e.weight;
  for (const e of evidence) if (e.effect === 'cap') score = Math.min(score, e.weight);
  score = Math.round(score * 1000) / 1000;
  const order = { add: 0, cap: 1, scale: 2 } as const;
  const reasons = evidence.sort((a, b) => order[a.effect] - order[b.effect] || b.weight - a.weight).map(({ signal, weight, text }) => ({ signal, weight: Math.round(weight * 1000) / 1000, text }));
  return { score, verdict: verdictFor(score, settings), reasons };
}
