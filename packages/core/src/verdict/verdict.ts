export type Verdict = 'clean' | 'suspect' | 'coordinated';

export interface ScoringSettings {
  /** Cluster score at or above which members are `suspect`. */
  readonly suspectThreshold: number;
  /** Cluster score at or above which members are `coordinated`. */
  readonly coordinatedThreshold: number;
}

export const DEFAULT_SCORING: ScoringSettings = { suspectThreshold: 0.45, coordinatedThreshold: 0.7 };

/** Maps a cluster score to a verdict under a tenant's thresholds. */
export function verdictFor(score: number, settings: ScoringSettings = DEFAULT_SCORING): Verdict {
  if (score >= settings.coordinatedThreshold) return 'coordinated';
  if (score >= settings.suspectThreshold) return 'suspect';
  return 'clean';
}
