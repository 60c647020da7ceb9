import { voiceOf } from '../behaviour/ring.js';
import { callsToAction, promotedTokens } from '../text/tokens.js';
import type { ClusterFacts, MemberFacts } from './cluster-facts.js';
import type { Evidence } from './evidence.js';

// What the members promote: the same little-known site or hashtag, or the same call to action.

/**
 * Several accounts making one point and pointing to the same little-known site or hashtag, in more
 * than one thread: readers who agree rarely advertise the same site, a campaign does (the
 * co-link and co-hashtag networks of coordination research). Needs no closeness in time, which is
 * what a slow drip across threads lacks.
 */
export function promotionSignal(facts: ClusterFacts): Evidence | null {
  const byToken = new Map<string, MemberFacts[]>();
  for (const m of facts.members) {
    for (const token of promotedTokens(m.normalized)) {
      const members = byToken.get(token);
      if (members) members.push(m);
      else byToken.set(token, [m]);
    }
  }
  let best: { token: string; voices: number; threads: number } | null = null;
  for (const [token, members] of byToken) {
    const voices = new Set(members.map(voiceOf)).size;
    const threads = new Set(members.map((m) => m.threadId)).size;
    if (voices < 3 || threads < 2) continue;
    if (best === null || voices > best.voices || (voices === best.voices && token < best.token)) best = { token, voices, threads };
  }
  if (best === null) return null;
  return {
    signal: 'promotion',
    effect: 'add',
    weight: Math.min(0.65, 0.35 + 0.1 * (best.voices - 3)),
    text: `${best.voices} accounts point to ${best.token} with this text, in ${best.threads} threads`,
  };
}

/**
 * Several accounts asking readers to do one thing (subscribe, visit their channel, make money)
 * with similar text: promotion spam, whatever the topic under it. Readers discussing a video or
 * an article rarely ask anything of each other, and almost never the same thing in the same words.
 */
export function callToActionSignal(facts: ClusterFacts): Evidence | null {
  const byAction = new Map<string, Set<string>>();
  for (const m of facts.members) {
    for (const action of callsToAction(m.normalized)) {
      const voices = byAction.get(action);
      if (voices) voices.add(voiceOf(m));
      else byAction.set(action, new Set([voiceOf(m)]));
    }
  }
  const all = new Set(facts.members.map(voiceOf)).size;
  let best: { action: string; voices: number } | null = null;
  for (const [action, voices] of byAction) {
    // Most of the cluster's voices must ask it: one promoter among readers is not a cluster's doing.
    if (voices.size < 3 || voices.size * 2 < all) continue;
    if (best === null || voices.size > best.voices) best = { action, voices: voices.size };
  }
  if (best === null) return null;
  return {
    signal: 'call-to-action',
    effect: 'add',
    weight: Math.min(0.55, 0.3 + 0.05 * (best.voices - 2)),
    text: `${best.voices} accounts ask readers to ${best.action} with this text`,
  };
}
