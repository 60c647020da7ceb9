// Text normalization: everything that is compared goes through here first; the original text is
// kept elsewhere for display.

import { GenerationalCache } from '../support/generational-cache.js';

// Zero-width and other invisible format characters used to defeat exact matching.
// Combining ones (joiners, inherent vowels, variation selectors) are alternatives of their own: in one
// class with other characters they would read as one character.
const INVISIBLE = /[\u00AD\u061C\u115F\u1160\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFEFF\uFFA0]|\u034F|[\u17B4\u17B5]|[\u180B-\u180F]|[\uFE00-\uFE0F]/g;

// Look-alike letters (Cyrillic, Greek, Armenian...) folded to the Latin letter they imitate.
// Applied after NFKC and lower-casing, so only lower-case forms are needed.
const HOMOGLYPHS: Readonly<Record<string, string>> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  ѕ: 's',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  һ: 'h',
  ӏ: 'l',
  ɡ: 'g',
  α: 'a',
  β: 'b',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ω: 'w',
  γ: 'y',
  օ: 'o',
  ս: 'u',
  ց: 'g',
  հ: 'h',
  ո: 'n',
  ɑ: 'a',
  ı: 'i',
  ȷ: 'j',
};
const HOMOGLYPH_RE = new RegExp(`[${Object.keys(HOMOGLYPHS).join('')}]`, 'g');

const QUOTES: ReadonlyArray<readonly [RegExp, string]> = [
  [/[\u2018\u2019\u201A\u201B\u2032\u02BC\u0060\u00B4]/g, "'"],
  [/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"'],
  [/[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g, '-'],
  [/\u2026/g, '...'],
];

const URL_RE = /\b(?:https?:\/\/|www\.)([^\s/?#]+)[^\s]*/g;
const MENTION_RE = /(^|\s)@[\w.]+/g;

// Detection normalizes the same texts again and again (a candidate is compared with many new
// comments); a cache of recent results saves most of that work.
const cache = new GenerationalCache<string>(20_000);

/**
 * Lets the normalization cache hold `texts` entries per generation: a batch run normalizes every
 * comment when it is stored and again, much later, when it is linked, which a cache sized for a
 * service's recent comments misses.
 */
export function reserveNormalizeCache(texts: number): void {
  cache.reserve(texts);
}

/** normalizeText with a bounded cache of recent results. */
export function normalizeCached(text: string): string {
  return cache.get(text, normalizeText);
}

// Quoted material: "> " lines (reply quoting) and double-quoted passages of five words or more.
const QUOTED_LINE = /^[ \t]*>.*$/gm;
const QUOTED_PASSAGE = /"[^"\n]*"/g;
const MIN_QUOTED_WORDS = 5;

/**
 * Drops what a comment quotes (the article, another comment) and keeps what its author wrote:
 * readers quoting the same sentence are not copying each other. A comment that is nothing but a
 * quote (fewer than two words of its own) is kept whole, so quoting cannot hide a copy.
 */
export function withoutQuotedText(text: string): string {
  if (!text.includes('>') && !text.includes('"')) return text;
  const own = text.replace(QUOTED_LINE, ' ').replace(QUOTED_PASSAGE, (q) => (q.split(/\s+/).filter(Boolean).length >= MIN_QUOTED_WORDS ? ' ' : q));
  return own.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length >= 2 ? own : text;
}

// The named references exports actually carry; numeric ones (&#39; &#x27;) are decoded whatever the code point.
const NAMED_REFERENCES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  hellip: '\u2026',
  mdash: '\u2014',
  ndash: '\u2013',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201C',
  rdquo: '\u201D',
  laquo: '\u00AB',
  raquo: '\u00BB',
  eacute: '\u00E9',
  egrave: '\u00E8',
  agrave: '\u00E0',
  ccedil: '\u00E7',
  uuml: '\u00FC',
  ouml: '\u00F6',
  auml: '\u00E4',
  szlig: '\u00DF',
  euro: '\u20AC',
  pound: '\u00A3',
  copy: '\u00A9',
};
const REFERENCE_RE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,8}));/g;

/**
 * Decodes HTML character references ("&#39;", "&quot;", "&amp;") that comment exports leave in
 * the text, so that an encoded copy reads, compares and displays as the text its author wrote.
 * Unknown names and invalid code points are left as they are.
 */
export function decodeCharacterReferences(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE_RE, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) return NAMED_REFERENCES[name.toLowerCase()] ?? whole;
    const code = dec !== undefined ? Number(dec) : Number.parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
  });
}

const LINK_TAG_RE = /<a\s[^>]*?href\s*=\s*["']([^"']*)["'][^>]*>/gi;
const TAG_RE = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/gi;

/** Drops the HTML markup exports leave in comments ("<br />", "<a href=...>"), keeping a link's address as text. */
export function withoutMarkup(text: string): string {
  if (!text.includes('<')) return text;
  return text.replace(LINK_TAG_RE, ' $1 ').replace(TAG_RE, ' ');
}

/** Normalizes a comment for comparison: character references decoded, HTML markup dropped (links kept), NFKC, case fold, invisible characters removed, look-alikes folded, quotes and dashes unified, quoted passages dropped (withoutQuotedText), URLs reduced to their domain, @mentions to one token, whitespace collapsed. */
export function normalizeText(text: string): string {
  let out = withoutMarkup(decodeCharacterReferences(text)).normalize('NFKC').toLowerCase().replace(INVISIBLE, '');
  // Combining marks can hide a look-alike ("е" + U+0301); strip them after decomposition.
  out = out
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC');
  out = out.replace(HOMOGLYPH_RE, (ch) => HOMOGLYPHS[ch] ?? ch);
  for (const [re, replacement] of QUOTES) out = out.replace(re, replacement);
  out = withoutQuotedText(out);
  out = out.replace(URL_RE, (_m, host: string) => ` ${host.replace(/^www\./, '')} `);
  out = out.replace(MENTION_RE, '$1@user');
  return out.replace(/\s+/g, ' ').trim();
}

/** Letters and digits only, words separated by single spaces: the form shingled for MinHash, so punctuation noise does not matter. */
export function compactText(normalized: string): string {
  return normalized
    .replace(/[^\p{L}\p{N}@' ]+/gu, ' ')
    .replace(/'/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
