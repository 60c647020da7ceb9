import { isAgreeingText, RING_MIN_VOICES, RING_WINDOW_MS } from '../behaviour/ring.js';
import { SWARM_MIN_GROUPS, SWARM_WINDOW_MS } from '../behaviour/swarm.js';
import type { ClusterFacts } from './cluster-facts.js';
import type { Evidence } from './evidence.js';
import { busiestThreadWindow } from './posting-windows.js';

// Rings and swarms by behaviour: many people posting in one thread within minutes of each other
// (behaviour/ring.ts and behaviour/swarm.ts link them).

/** Many replies in one thread opening with agreement, by different people within minutes: the agree-and-echo ring by behaviour. */
export function agreementRingSignal(facts: ClusterFacts): Evidence | null {
  const agreeing = facts.members.filter((m) => m.parentId !== null && m.postedAt !== null && isAgreeingText(m.normalized)).sort((a, b) => a.postedAt! - b.postedAt!);
  const best = busiestThreadWindow(agreeing, RING_WINDOW_MS);
  if (best.voices < RING_MIN_VOICES) return null;
  return {
    signal: 'agreement-ring',
    effect: 'add',
    weight: Math.min(0.8, 0.35 + 0.05 * best.voices),
    text: `${best.voices} replies in one thread, by ${best.voices} different commenters within ${best.minutes} minutes, all open with agreement`,
  };
}

/**
 * A paraphrase swarm by behaviour (swarm.ts): the cluster holds several recurring wordings of one
 * point, posted in one thread by different people within the swarm window of each other.
 */
export function swarmSignal(facts: ClusterFacts): Evidence | null {
  if ((facts.edgeKinds.swarm ?? 0) === 0) return null;
  const timed = facts.members.filter((m) => m.postedAt !== null).sort((a, b) => a.postedAt! - b.postedAt!);
  const best = busiestThreadWindow(timed, SWARM_WINDOW_MS);
  if (best.voices < SWARM_MIN_GROUPS * 2) return null;
  return {
    signal: 'swarm',
    effect: 'add',
    weight: Math.min(0.8, 0.3 + 0.05 * best.voices),
    text: `${best.voices} people in one thread within ${best.minutes} minutes, repeating ${SWARM_MIN_GROUPS} or more wordings of one point between them`,
  };
}
