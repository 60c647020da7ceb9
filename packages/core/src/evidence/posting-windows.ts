import { voiceOf } from '../behaviour/ring.js';
import type { ClusterFacts, MemberFacts } from './cluster-facts.js';

// Who posted together: members grouped by thread, and the most distinct voices within a time window.

/** Members posted this close together count as acting together. */
export const TOGETHER_WINDOW_MS = 3 * 3600 * 1000;

/**
 * The most distinct voices among members posted within `windowMs` of each other (members with a
 * time, sorted by it), and the time between the first and last post of the first such group.
 */
function windowVoices(timed: readonly MemberFacts[], windowMs = TOGETHER_WINDOW_MS): { voices: number; spanMs: number } {
  const inWindow = new Map<string, number>();
  let best = { voices: 0, spanMs: 0 };
  for (let i = 0, j = 0; i < timed.length; i++) {
    const v = voiceOf(timed[i]);
    inWindow.set(v, (inWindow.get(v) ?? 0) + 1);
    for (; timed[i].postedAt! - timed[j].postedAt! > windowMs; j++) {
      const w = voiceOf(timed[j]);
      const left = inWindow.get(w)! - 1;
      if (left === 0) inWindow.delete(w);
      else inWindow.set(w, left);
    }
    if (inWindow.size > best.voices) best = { voices: inWindow.size, spanMs: timed[i].postedAt! - timed[j].postedAt! };
  }
  return best;
}

/** The most voices posting within `windowMs` of each other in any one thread (members with a time, sorted by it), and that window's span in minutes. */
export function busiestThreadWindow(timed: readonly MemberFacts[], windowMs: number): { voices: number; minutes: number } {
  let best = { voices: 0, minutes: 0 };
  for (const members of byThread(timed).values()) {
    const window = windowVoices(members, windowMs);
    if (window.voices > best.voices) best = { voices: window.voices, minutes: Math.max(1, Math.round(window.spanMs / 60000)) };
  }
  return best;
}

/** Members grouped by thread, in their order. */
export function byThread(members: readonly MemberFacts[]): Map<string, MemberFacts[]> {
  const groups = new Map<string, MemberFacts[]>();
  for (const m of members) {
    const group = groups.get(m.threadId);
    if (group) group.push(m);
    else groups.set(m.threadId, [m]);
  }
  return groups;
}

/**
 * How many voices (accounts, each anonymous comment its own) posted together: `most` is the
 * largest group within TOGETHER_WINDOW_MS in any thread or across threads; `groups` adds up, over
 * threads, the groups of two or more that posted together there (a ring reusing its lines in
 * thread after thread). When most times are unknown, voices in one thread stand in for both.
 */
export function togetherVoices(facts: ClusterFacts): { most: number; groups: number } {
  const timed = facts.members.filter((m) => m.postedAt !== null).sort((a, b) => a.postedAt! - b.postedAt!);
  const timesUnknown = timed.length * 2 < facts.members.length;
  const perThread = [...byThread(timesUnknown ? facts.members : timed).values()].map((ms) => (timesUnknown ? new Set(ms.map(voiceOf)).size : windowVoices(ms).voices));
  const groups = perThread.filter((v) => v >= 2).reduce((a, b) => a + b, 0);
  return { most: timesUnknown ? Math.max(0, ...perThread) : windowVoices(timed).voices, groups };
}
