import { wordCount } from '../text/tokens.js';
import type { ClusterFacts } from './cluster-facts.js';
import type { Evidence } from './evidence.js';
import { TOGETHER_WINDOW_MS, togetherVoices } from './posting-windows.js';

// Many accounts saying the same thing, weighed by how they said it (copies or paraphrases) and when.

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
  const lengths = facts.members.map((m) => wordCount(m.normalized)).sort((a, b) => a - b);
  const median = lengths[Math.floor(lengths.length / 2)] ?? 0;
  return Math.min(1, Math.max(0, (median - 15) / 20));
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
  const who = anonymous === 0 ? plural(accounts.size, 'account') : accounts.size === 0 ? plural(anonymous, 'anonymous commenter') : `${plural(accounts.size, 'account')} and ${anonymous} anonymous`;
  const when = together >= 2 && together < voices ? `; up to ${together} of them within ${TOGETHER_WINDOW_MS / 3600000} hours` : '';
  return { signal: 'distinct-voices', effect: 'add', weight, text: `${n} comments are ${similarityKind(facts)}, posted by ${who}${when}` };
}
