import type { ClusterFacts, MemberFacts, Reason } from './cluster-facts.js';
import { isAgreeingText, RING_MIN_VOICES, RING_WINDOW_MS, voiceOf } from '../behaviour/ring.js';
import { SWARM_MIN_GROUPS, SWARM_WINDOW_MS } from '../behaviour/swarm.js';
import { COARSE_TIME_TEXT } from '../records/time-precision.js';
import { agreementOpener, callsToAction, contentWords, isGenericText, isPromotional, promotedTokens, words } from '../text/tokens.js';

// Each signal reads the cluster's facts and returns its evidence (or null when silent).
// Weights are combined as independent evidence by score.ts.

export interface Evidence extends Reason {
  /** How the signal acts: adds evidence, or scales the combined score (dampeners). */
  readonly effect: 'add' | 'scale' | 'cap';
  /** Signals whose evidence this one overrules (dropped from the score and the reasons). */
  readonly overrules?: readonly string[];
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** Share of the cluster's similarity edges that are textual copies (exact or near-duplicate) rather than paraphrases. */
export function copyShare(facts: ClusterFacts): number {
  const k = facts.edgeKinds;
  const copies = (k.exact ?? 0) + (k.lexical ?? 0);
  const total = copies + (k.semantic ?? 0);
  return total === 0 ? 1 : copies / total;
}

function similarityKind(facts: ClusterFacts): string {
  const k = facts.edgeKinds;
  if ((k.exact ?? 0) > 0 && (k.lexical ?? 0) === 0 && (k.semantic ?? 0) === 0) return 'identical (after normalization)';
  if ((k.semantic ?? 0) > (k.exact ?? 0) + (k.lexical ?? 0)) return 'paraphrases of one talking point';
  return 'near-duplicates';
}

/**
 * 0 for copies of a short sentence (15 words or fewer), rising to 1 at 35 words (median member).
 * Readers repeat lines of 15-25 words across threads (the generated organic threads do it far
 * more than real ones); a campaign's paragraph is longer (docs/evaluation.md).
 */
export function copyLength(facts: ClusterFacts): number {
  const lengths = facts.members.map((m) => words(m.normalized).length).sort((a, b) => a - b);
  const median = lengths[Math.floor(lengths.length / 2)] ?? 0;
  return Math.min(1, Math.max(0, (median - 15) / 20));
}

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
function busiestThreadWindow(timed: readonly MemberFacts[], windowMs: number): { voices: number; minutes: number } {
  let best = { voices: 0, minutes: 0 };
  for (const members of byThread(timed).values()) {
    const window = windowVoices(members, windowMs);
    if (window.voices > best.voices) best = { voices: window.voices, minutes: Math.max(1, Math.round(window.spanMs / 60000)) };
  }
  return best;
}

/** Members grouped by thread, in their order. */
function byThread(members: readonly MemberFacts[]): Map<string, MemberFacts[]> {
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

/**
 * Many distinct accounts saying the same thing is the core of a swarm; one account repeating itself is spam.
 * Copies count wherever and whenever they were posted: people do not type the same paragraph by
 * chance. Paraphrases count only as far as their authors posted them together (within hours): on
 * a topic, people independently make the same points in their own words, thread after thread, so
 * a point repeated over weeks by unrelated accounts is opinion, not a swarm (DESIGN: semantic
 * similarity alone is never a verdict).
 */
export function voicesSignal(facts: ClusterFacts): Evidence | null {
  const n = facts.members.length;
  const k = facts.edgeKinds;
  // A cluster held together only by posting behaviour (a reply ring) has no shared text to weigh.
  if ((k.exact ?? 0) + (k.lexical ?? 0) + (k.semantic ?? 0) === 0) return null;
  const accounts = new Set(facts.members.map((m) => m.authorId).filter((a): a is string => a !== null));
  const anonymous = facts.members.filter((m) => m.authorId === null).length;
  if (accounts.size <= 1 && anonymous === 0) {
    return { signal: 'single-account', effect: 'cap', weight: 0.2, text: `One account posted all ${n} comments: repetition by one person, not coordination` };
  }
  const voices = accounts.size + anonymous;
  const copies = copyShare(facts);
  const { most, groups } = togetherVoices(facts);
  const together = Math.min(voices, most);
  // Copies: evidence grows from the second voice on. A long text copied by many accounts is a
  // campaign whenever it was posted; a short sentence can recur by chance over weeks, so for
  // short copies only the voices posting together count in full.
  const copyTogether = Math.min(voices, Math.max(most, groups));
  const copyVoices = copyTogether + copyLength(facts) * (voices - copyTogether);
  const copyWeight = 1 - Math.exp(-0.25 * (copyVoices - 1));
  // Paraphrases: a pair posted together is common in any lively thread, and a few people making
  // the same point in the busy first hours of a thread are normal too; a swarm posts nearly all
  // of its members together, so the evidence grows with the voices together and their share.
  const concentrated = together * Math.sqrt(together / Math.max(1, voices));
  const paraphraseWeight = 0.85 * (1 - Math.exp(-0.45 * Math.max(0, concentrated - 2)));
  const weight = copies * copyWeight + (1 - copies) * paraphraseWeight;
  const who =
    anonymous === 0 ? plural(accounts.size, 'account') : accounts.size === 0 ? plural(anonymous, 'anonymous commenter') : `${plural(accounts.size, 'account')} and ${anonymous} anonymous`;
  const when = together >= 2 && together < voices ? `; up to ${together} of them within ${TOGETHER_WINDOW_MS / 3600000} hours` : '';
  return { signal: 'distinct-voices', effect: 'add', weight, text: `${n} comments are ${similarityKind(facts)}, posted by ${who}${when}` };
}

function restatesParent(m: Pick<MemberFacts, 'normalized' | 'parentNormalized' | 'parentSimilarity'>): boolean {
  // 0.65 after common-component removal: the seed thread's echo replies score 0.67-0.77 with their parents,
  // organic agreeing replies 0.38 at the median (12% reach 0.65), so only a repeated echo counts.
  if (m.parentSimilarity !== null && m.parentSimilarity >= 0.65) return true;
  if (m.parentNormalized === null) return false;
  const parent = new Set(contentWords(m.parentNormalized));
  const own = new Set(contentWords(m.normalized));
  let shared = 0;
  for (const w of own) if (parent.has(w)) shared++;
  return shared >= 3 || (own.size > 0 && shared / own.size >= 0.25);
}

/** A reply that opens with agreement ("Exactly.", "Valid point.") and restates the comment it answers. */
export function isEchoReply(m: Pick<MemberFacts, 'normalized' | 'parentNormalized' | 'parentSimilarity'>): boolean {
  return m.parentNormalized !== null && agreementOpener(m.normalized) !== null && restatesParent(m);
}

/** Replies that open with agreement and restate their parent, repeated in one thread: the agree-and-echo pattern. */
export function replyEchoSignal(facts: ClusterFacts): Evidence | null {
  const echoes = facts.members.filter((m) => m.parentId !== null && isEchoReply(m));
  // Agreeing replies scattered over many threads are how readers talk; a ring works one thread.
  const perThread = byThread(echoes);
  const ring = [...perThread.values()].reduce((a, b) => (b.length > a.length ? b : a), [] as MemberFacts[]);
  if (ring.length < 2) return null;
  const openers = [...new Set(ring.map((m) => `"${agreementOpener(m.normalized)}"`))].slice(0, 4).join(', ');
  const where = perThread.size > 1 ? ' in one thread' : '';
  return {
    signal: 'reply-echo',
    effect: 'add',
    // Two echoing replies say little about the other fifty members of a large cluster.
    weight: Math.min(0.6, 0.3 + 0.1 * ring.length) * Math.min(1, ring.length / (0.25 * facts.members.length)),
    text: `${ring.length} replies${where} open with agreement (${openers}) and restate the comment they answer`,
  };
}

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

/** Members posted within minutes of each other, or at a machine-like regular interval. */
export function timingSignal(facts: ClusterFacts): Evidence | null {
  const times = facts.members.map((m) => m.postedAt).filter((t): t is number => t !== null).sort((a, b) => a - b);
  if (times.length < 3) return null;
  const spanMin = (times[times.length - 1] - times[0]) / 60000;
  if (spanMin <= 15) {
    return { signal: 'burst', effect: 'add', weight: 0.3, text: `${times.length} comments posted within ${Math.max(1, Math.round(spanMin))} minutes` };
  }
  if (times.length >= 4) {
    const gaps = times.slice(1).map((t, i) => t - times[i]);
    const mean = gaps.reduce((s, g) => s + g, 0) / gaps.length;
    const sd = Math.sqrt(gaps.reduce((s, g) => s + (g - mean) ** 2, 0) / gaps.length);
    if (mean > 0 && sd / mean < 0.15) {
      return { signal: 'cadence', effect: 'add', weight: 0.3, text: `${times.length} comments posted at a regular interval of about ${Math.round(mean / 60000)} minutes` };
    }
  }
  return null;
}

/** The same text in several threads. */
export function spreadSignal(facts: ClusterFacts): Evidence | null {
  const threads = new Set(facts.members.map((m) => m.threadId));
  if (threads.size < 2) return null;
  // A template copied across threads is a campaign's footprint; the same point made in several
  // threads in different words is what on-topic readers do, so it is no evidence by itself (the
  // voices signal counts paraphrases only when posted together, serial posting counts accounts
  // that carry them from thread to thread).
  if (copyShare(facts) < 0.5) return null;
  const weight = Math.min(0.5, 0.15 * (threads.size - 1)) * copyLength(facts);
  if (weight === 0) return null;
  return { signal: 'spread', effect: 'add', weight, text: `The same text appears in ${threads.size} threads` };
}

/** The threads each named account posted these comments in. */
export function threadsByAccount(members: readonly MemberFacts[]): Map<string, Set<string>> {
  const threadsOf = new Map<string, Set<string>>();
  for (const m of members) {
    if (m.authorId !== null) threadsOf.set(m.authorId, (threadsOf.get(m.authorId) ?? new Set<string>()).add(m.threadId));
  }
  return threadsOf;
}

/** A few accounts each carry the same point into thread after thread: the slow-drip pattern. */
export function serialPostingSignal(facts: ClusterFacts): Evidence | null {
  const threadsOf = threadsByAccount(facts.members);
  const repeaters = [...threadsOf.values()].filter((t) => t.size >= 2);
  // One account alone is the single-account case; it needs at least two accounts doing it.
  if (repeaters.length < 2) return null;
  const threads = new Set(repeaters.flatMap((t) => [...t])).size;
  const carried = facts.members.filter((m) => m.authorId !== null && (threadsOf.get(m.authorId)?.size ?? 0) >= 2).length;
  return {
    signal: 'serial-posting',
    effect: 'add',
    // A few regulars inside a large cluster of other voices is no drip: weigh by the share they posted.
    weight: Math.min(0.5, 0.2 + 0.1 * repeaters.length) * Math.min(1, (2 * carried) / facts.members.length),
    text: `${repeaters.length} accounts each posted this in more than one thread (${threads} threads between them)`,
  };
}

/** The same accounts turn up together with this text in thread after thread. */
export function coOccurrenceSignal(facts: ClusterFacts): Evidence | null {
  const threadsOf = threadsByAccount(facts.members);
  // Only accounts seen in two or more threads can co-occur repeatedly; cap the pair count.
  const movers = [...threadsOf].filter(([, t]) => t.size >= 2).slice(0, 200);
  let pairs = 0;
  let most = 0;
  const involved = new Set<string>();
  for (let i = 0; i < movers.length; i++) {
    for (let j = i + 1; j < movers.length; j++) {
      let shared = 0;
      for (const t of movers[i][1]) if (movers[j][1].has(t)) shared++;
      if (shared < 2) continue;
      pairs++;
      most = Math.max(most, shared);
      involved.add(movers[i][0]).add(movers[j][0]);
    }
  }
  if (pairs === 0) return null;
  return {
    signal: 'account-co-occurrence',
    effect: 'add',
    weight: Math.min(0.45, 0.15 + 0.05 * involved.size),
    text: `${involved.size} accounts posted this together in up to ${most} threads`,
  };
}

/** A large share of one thread belongs to this cluster (a stream is no thread: its share says nothing). */
export function takeoverSignal(facts: ClusterFacts): Evidence | null {
  const perThread = new Map<string, number>();
  for (const m of facts.members) if (!m.stream) perThread.set(m.threadId, (perThread.get(m.threadId) ?? 0) + 1);
  let best: Evidence | null = null;
  for (const [thread, count] of perThread) {
    const size = facts.threadSizes.get(thread) ?? count;
    const share = count / size;
    if (size >= 5 && count >= 3 && share >= 0.3 && (best === null || share * 0.6 > best.weight)) {
      best = { signal: 'thread-takeover', effect: 'add', weight: Math.min(0.5, share * 0.6), text: `${count} of the ${size} comments in thread "${thread}" belong to this cluster` };
    }
  }
  return best;
}

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

/** Short common phrases from many people are organic: do not flag them on text alone. A short text that promotes ("Check out this video on YouTube:") is no common phrase: readers do not write it by chance. */
export function genericnessSignal(facts: ClusterFacts): Evidence | null {
  const generic = facts.members.filter((m) => isGenericText(m.normalized) && !isPromotional(m.normalized)).length;
  if (generic * 2 < facts.members.length) return null;
  return { signal: 'generic-text', effect: 'scale', weight: 0.3, text: 'Short, common phrase that many people write independently: text similarity alone is weak evidence' };
}

/** Missing authors lower confidence instead of counting for or against. */
export function anonymitySignal(facts: ClusterFacts): Evidence | null {
  const anonymous = facts.members.filter((m) => m.authorId === null).length;
  if (anonymous === 0) return null;
  const share = anonymous / facts.members.length;
  return { signal: 'missing-authors', effect: 'scale', weight: 1 - 0.15 * share, text: `${anonymous} of ${facts.members.length} comments have no author: confidence lowered` };
}

/** Missing timestamps lower confidence slightly: timing cannot corroborate. */
export function missingTimesSignal(facts: ClusterFacts): Evidence | null {
  const unknown = facts.members.filter((m) => m.postedAt === null);
  if (unknown.length * 2 < facts.members.length) return null;
  const coarse = [...new Set(unknown.map((m) => m.coarseTime).filter((c) => c !== undefined))];
  const text = coarse.length === 0
    ? 'Posting times unknown for most comments: timing could not be checked'
    : `Posting times too coarse to use for most comments (${coarse.map((c) => COARSE_TIME_TEXT[c]).join('; ')}): timing was treated as unknown`;
  return { signal: 'missing-times', effect: 'scale', weight: 0.95, text };
}

export const CLUSTER_SIGNALS = [
  voicesSignal,
  replyEchoSignal,
  agreementRingSignal,
  swarmSignal,
  timingSignal,
  spreadSignal,
  coOccurrenceSignal,
  serialPostingSignal,
  takeoverSignal,
  promotionSignal,
  callToActionSignal,
  genericnessSignal,
  anonymitySignal,
  missingTimesSignal,
] as const;
