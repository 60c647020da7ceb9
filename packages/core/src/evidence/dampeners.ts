import { COARSE_TIME_TEXT } from '../records/time-precision.js';
import { isGenericText, isPromotional } from '../text/tokens.js';
import type { ClusterFacts } from './cluster-facts.js';
import type { Evidence } from './evidence.js';

// Dampeners: what lowers confidence in the evidence instead of adding to it (they scale the score).

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
  const text =
    coarse.length === 0
      ? 'Posting times unknown for most comments: timing could not be checked'
      : `Posting times too coarse to use for most comments (${coarse.map((c) => COARSE_TIME_TEXT[c]).join('; ')}): timing was treated as unknown`;
  return { signal: 'missing-times', effect: 'scale', weight: 0.95, text };
}
