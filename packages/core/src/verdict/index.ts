// Verdict: a connected component in, clusters with scores, verdicts and reasons out. decide.ts
// clusters the component, joins swarms, attaches echoing replies and drip carriers, and scores
// each cluster (score.ts: the evidence combined as independent, then dampened and capped); a clean
// cluster beside a flagged one of its component may take sibling or drip evidence from it. The
// tenant's thresholds map a score to clean, suspect or coordinated.
export * from './verdict.js';
export * from './score.js';
export * from './decision.js';
export * from './decide.js';
export * from './sibling-evidence.js';
export { DRIP_MIN_THREADS } from './drip.js';
