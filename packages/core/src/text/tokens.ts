// Word-level helpers shared by the reply-echo and genericness signals.

import { GenerationalCache } from '../support/generational-cache.js';

const STOPWORDS = new Set(
  'a an and are as at be been being but by can could did do does doing for from had has have having he her here hers him his how i if in into is it its itself just me more most my no nor not of off on once only or other our ours out over own same she should so some such than that the their theirs them then there these they this those through to too under until up very was we were what when where which while who whom why will with would you your yours yourself im its thats dont cant wont isnt arent wasnt didnt doesnt ive id youre theyre were weve lets also like really even much many may might must shall one get got would ll re ve s t d m'.split(
    ' ',
  ),
);

/** Lower-case word tokens of a normalized text (letters, digits and inner apostrophes). */
export function words(normalized: string): string[] {
  return normalized.match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu) ?? [];
}

/** Words that carry content: not stopwords, at least two characters, apostrophes dropped. */
export function contentWords(normalized: string): string[] {
  const out: string[] = [];
  for (const w of words(normalized)) {
    // Possessives count as the word itself ("nato's" restates "nato").
    const bare = w.replace(/'s$/, '').replace(/'/g, '');
    if (bare.length >= 2 && !STOPWORDS.has(bare)) out.push(bare);
  }
  return out;
}

const AGREEMENT_OPENERS = [
  'exactly',
  'agreed',
  'agree',
  'i agree',
  'absolutely',
  'valid point',
  'good point',
  'great point',
  'fair point',
  'well said',
  'so true',
  'very true',
  'true',
  'this',
  'precisely',
  'totally',
  'indeed',
  'spot on',
  'couldnt agree more',
  'i couldnt agree more',
  'right',
  'yes',
  'yep',
  'correct',
  '100%',
  'same here',
  'i concur',
  'definitely',
  'thank you',
  'thanks',
  'amen',
  'bingo',
  'this is it',
  'you nailed it',
  'nailed it',
  'well put',
  'excellent point',
  'i completely agree',
  'completely agree',
  'i fully agree',
  'fully agree',
  'i totally agree',
  'totally agree',
  'i agree completely',
  'makes sense',
];
const OPENER_RE = new RegExp(
  `^(?:${AGREEMENT_OPENERS.sort((a, b) => b.length - a.length)
    .map((o) => o.replace(/[%]/g, '\\$&'))
    .join('|')})(?:[\\s,.!;:-]|$)`,
);

/** The agreement opener a reply starts with ("exactly", "valid point"...), or null. */
export function agreementOpener(normalized: string): string | null {
  const bare = normalized.replace(/'/g, '').replace(/^[^\p{L}\p{N}%]+/u, '');
  const m = OPENER_RE.exec(bare);
  return m ? m[0].replace(/[\s,.!;:-]+$/, '') : null;
}

const GENERIC_MAX_CONTENT_WORDS = 4;

/**
 * True for short, common phrases ("first!", "love this song", "agreed", "waka waka") that many
 * independent people write: text similarity among them proves nothing.
 */
export function isGenericText(normalized: string): boolean {
  return traitsOf(normalized).generic;
}

function genericText(normalized: string): boolean {
  const content = new Set(contentWords(normalized));
  return content.size <= GENERIC_MAX_CONTENT_WORDS && words(normalized).length <= 8;
}

// Sites that readers link to on their own all the time: sharing one is no sign of a campaign.
const COMMON_SITES = new Set([
  'youtube.com',
  'youtu.be',
  'wikipedia.org',
  'google.com',
  'twitter.com',
  'x.com',
  'facebook.com',
  'reddit.com',
  'instagram.com',
  'tiktok.com',
  'amazon.com',
  'imgur.com',
  'bbc.co.uk',
  'bbc.com',
  'nytimes.com',
  'cnn.com',
]);
const LINK_RE = /\b((?:[a-z0-9][a-z0-9-]*\.)*[a-z0-9][a-z0-9-]*)(?:\.| dot | ?\(dot\) ?| ?\[dot\] ?)(com|org|net|info|news|io|co|us|biz|uk)\b/g;
const SPACED_NAME_RE = /(?:^|\s)([a-z0-9]{2,}) $/;
// A hashtag starts with a letter: "&#8217;" is a character reference, "#1" a rank.
const HASHTAG_RE = /#(\p{L}[\p{L}\p{N}_]{2,})/gu;

/**
 * The sites and hashtags a comment promotes (normalized text): link domains, also when spelled out
 * ("example dot org", "example (dot) org", "example [dot] org"), hyphens dropped, well-known sites left out; hashtags lower-cased.
 */
export function promotedTokens(normalized: string): readonly string[] {
  return traitsOf(normalized).promoted;
}

function promotedTokensOf(normalized: string): readonly string[] {
  const out = new Set<string>();
  if (normalized.includes('.') || normalized.includes('dot')) {
    for (const m of normalized.matchAll(LINK_RE)) {
      const site = `${m[1].replace(/^www\./, '').replace(/-/g, '')}.${m[2]}`;
      if (COMMON_SITES.has(site) || COMMON_SITES.has(`${m[1]}.${m[2]}`)) continue;
      out.add(site);
      // A spelled-out dot hides a link from filters, and so may a space inside the name ("truth
      // ledger dot net"): the content word before it is then part of the name too.
      const before = m[0].slice(m[1].length).includes('dot') ? SPACED_NAME_RE.exec(normalized.slice(0, m.index)) : null;
      if (before && contentWords(before[1]).length === 1) out.add(`${before[1]}${site}`);
    }
  }
  if (normalized.includes('#')) for (const m of normalized.matchAll(HASHTAG_RE)) out.add(`#${m[1]}`);
  return out.size === 0 ? NONE : [...out];
}

// Calls to action: what a promoter asks of the reader. Each pattern reads normalized text; the name
// is what the reasons say. Readers discussing a video or article rarely ask anyone to subscribe to
// them, to visit their page or to make money; promoters always do.
const CALLS_TO_ACTION: readonly (readonly [string, RegExp])[] = [
  ['subscribe', /\b(?:subscribe|suscribe|subcribe|subscrib)(?: to| back| me|\b)|\bsub (?:to (?:me|my)|me|my|back|4 sub|for sub)\b|\bsub4sub\b/],
  [
    'visit their channel or page',
    /\b(?:check|visit|watch|listen to|look at|go to|come to|support)\b(?: \S+){0,3}? (?:my|our)\b(?: \S+){0,2}? (?:channel|page|site|website|video|videos|vids?|songs?|music|mixtape|album|blog|stream|profile|rap|covers?|remix)\b|\b(?:my|our) (?:(?:new|own|youtube|yt|music|gaming|little|small) )?channel\b/,
  ],
  ['check out a link or video', /\bcheck (?:out )?(?:this|my|our) (?:video|playlist|channel|song|site|website|page|link)\b|\bcheck (?:it|me|us) out\b|\bcheck out my\b/],
  ['follow them', /\bfollow (?:me|us)\b|\badd me\b/],
  ['like a comment', /\b(?:like|thumbs up) (?:this|my) comment\b/],
  [
    'make money',
    /\b(?:you can|you could|easy|easily|fast|quick) (?:\S+ ){0,2}(?:make|earn) (?:\S+ ){0,2}money\b|\b(?:make|earn) (?:\S+ ){0,2}money (?:online|from home|fast|easily|every day|daily)\b|\bfree (?:gift ?cards?|money|followers|views|subscribers|likes)\b|\bpromo code\b|\bgift card codes?\b/,
  ],
];

/** The calls to action in a normalized text ("subscribe", "visit their channel or page"...), by name. */
export function callsToAction(normalized: string): readonly string[] {
  return traitsOf(normalized).actions;
}

function callsToActionOf(normalized: string): readonly string[] {
  const found = CALLS_TO_ACTION.filter(([, re]) => re.test(normalized)).map(([name]) => name);
  return found.length === 0 ? NONE : found;
}

// A link as normalization leaves it: its domain (normalize.ts keeps the host of every URL).
const ANY_LINK_RE = /(?:^|\s)(?:[a-z0-9][a-z0-9-]*\.)+(?:com|be|org|net|ly|io|co|tv|me|gl|info|biz|us|uk)(?:\s|$)/;

/** True for a text that promotes: it asks the reader to act (callsToAction) or carries a link (readers do not write the same link by chance). */
export function isPromotional(normalized: string): boolean {
  return traitsOf(normalized).promotional;
}

/** Number of words of a normalized text (`words`), as the semantic thresholds and copy lengths count them; cached. */
export function wordCount(normalized: string): number {
  return traitsOf(normalized).wordCount;
}

/**
 * What scoring asks of a text each time its component is decided (a service decides a growing
 * component again and again, and its comments' texts with it): worked out once per text. The
 * arrays are shared: callers only read them.
 */
interface TextTraits {
  readonly wordCount: number;
  readonly generic: boolean;
  readonly promoted: readonly string[];
  readonly actions: readonly string[];
  readonly promotional: boolean;
}

const NONE: readonly string[] = Object.freeze([]);
const traits = new GenerationalCache<TextTraits>(20_000);

function traitsOf(normalized: string): TextTraits {
  return traits.get(normalized, () => {
    const promoted = promotedTokensOf(normalized);
    const actions = callsToActionOf(normalized);
    return {
      wordCount: words(normalized).length,
      generic: genericText(normalized),
      promoted,
      actions,
      promotional: actions.length > 0 || ANY_LINK_RE.test(normalized) || promoted.length > 0,
    };
  });
}
