import { agreementOpener, contentWords } from '../text/tokens.js';
import type { ClusterFacts, MemberFacts } from './cluster-facts.js';
import type { Evidence } from './evidence.js';
import { byThread } from './posting-windows.js';

// The agree-and-echo pattern by text: replies that open with agreement and restate their parent.

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
