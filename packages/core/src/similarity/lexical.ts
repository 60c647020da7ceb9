import stringSimilarity from 'string-similarity';
import { bandHashes, DEFAULT_LSH, keysOfBandHashes, type LshParams } from '../candidates/lsh.js';
import { DEFAULT_MINHASH, minhashSignature, type MinHashParams } from '../candidates/minhash.js';
import { GenerationalCache } from '../support/generational-cache.js';
import { compactText, normalizeCached } from '../text/normalize.js';
import { charShingles } from '../text/shingles.js';
import { textFingerprint } from '../text/hash.js';
import { callsToAction, promotedTokens } from '../text/tokens.js';
import type { CommentRecord } from '../records/comment-record.js';

export interface LexicalFeatures {
  readonly normalized: string;
  /** Fingerprint of the normalized text: equal for exact copies after obfuscation is removed. */
  readonly hash: string;
  /** LSH band keys of the MinHash signature; empty when the text has nothing to shingle. */
  readonly bandKeys: readonly string[];
  /** The same bands as numbers (bandHashes): what an in-memory index keys by, without building strings. */
  readonly bandHashes: Uint32Array;
  /** Bucket keys of the little-known sites and hashtags the text promotes (siteKey): comments naming one are candidates of each other, however else they are worded. */
  readonly siteKeys: readonly string[];
}

export interface LexicalParams {
  readonly minhash: MinHashParams;
  readonly lsh: LshParams;
  readonly shingleSize: number;
}

export const DEFAULT_LEXICAL: LexicalParams = { minhash: DEFAULT_MINHASH, lsh: DEFAULT_LSH, shingleSize: 5 };

/** Everything the lexical stage needs from one comment's text. */
export function lexicalFeatures(text: string, params: LexicalParams = DEFAULT_LEXICAL): LexicalFeatures {
  const normalized = normalizeCached(text);
  const compact = compactText(normalized);
  const shingles = charShingles(compact, params.shingleSize);
  const hashes = shingles.length === 0 ? new Uint32Array(0) : bandHashes(minhashSignature(shingles, params.minhash), params.lsh);
  let keys: string[] | undefined;
  return {
    normalized,
    hash: textFingerprint(normalized),
    bandHashes: hashes,
    siteKeys: promotedTokens(normalized).map(siteKey),
    // Spelled out only when read: the in-memory index keys by the numbers.
    get bandKeys() {
      keys ??= keysOfBandHashes(hashes);
      return keys;
    },
  };
}

/**
 * The bucket keys of the calls to action a comment makes (callsToAction), per thread: promoters
 * under one article or video ask the same of its readers in their own words ("subscribe to my
 * channel", "sub me back"), so they are candidates of each other there, however else they are
 * worded. A stream has no thread to narrow them: its posts get none.
 */
export function actionKeys(record: Pick<CommentRecord, 'threadId' | 'stream'>, normalized: string): string[] {
  if (record.stream) return [];
  return callsToAction(normalized).map((action) => `cta:${record.threadId}:${action}`);
}

/** The bucket key of a promoted site or hashtag (no band key starts with a letter). */
export const siteKey = (token: string): string => `site:${token}`;

/** Fingerprint of a text's normalized form (what exact-copy lookups are keyed by). */
export function normalizedHash(text: string): string {
  return textFingerprint(normalizeCached(text));
}

/** Lexical similarity used to verify candidates: Dice coefficient on character bigrams of the normalized texts (string-similarity's compareTwoStrings). */
export function lexicalSimilarity(normalizedA: string, normalizedB: string): number {
  if (normalizedA === normalizedB) return 1;
  return stringSimilarity.compareTwoStrings(normalizedA, normalizedB);
}

export function sortedBigrams(compact: string): Uint32Array {
  const out = new Uint32Array(Math.max(0, compact.length - 1));
  for (let i = 0; i < out.length; i++) out[i] = ((compact.charCodeAt(i) << 16) | compact.charCodeAt(i + 1)) >>> 0;
  return out.sort();
}

/** What the Dice verifier needs of one comment text: its normalized form without whitespace, and that form's bigrams, sorted. */
interface BigramProfile {
  readonly joined: string;
  readonly bigrams: Uint32Array;
}

// A stored comment is verified against many later ones, often long after it was posted (half the
// candidates in a 100k-comment corpus are over 20k comments old): its profile is built once, from
// one normalization, and kept while it is in use. A generation is full at 16M bigrams plus one per
// entry (64 MB of bigrams; about 85k comments of 190 characters).
const profiles = new GenerationalCache<BigramProfile>(16_000_000, (p) => 1 + p.bigrams.length);

function bigramProfile(text: string): BigramProfile {
  return profiles.get(text, () => {
    const joined = normalizeCached(text).replace(/\s+/g, '');
    return { joined, bigrams: sortedBigrams(joined) };
  });
}

/** The fewest shared bigrams for which string-similarity's formula, 2 * shared / total, reaches `threshold`. */
function sharedBigramsNeeded(total: number, threshold: number): number {
  let needed = Math.max(0, Math.floor((threshold * total) / 2) - 1);
  while ((2.0 * needed) / total < threshold) needed++;
  return needed;
}

/**
 * Size of the intersection of two sorted bigram multisets, or -1 as soon as it cannot reach
 * `needed`: each element skipped without a match lowers what its side can still contribute.
 */
export function sharedBigrams(a: Uint32Array, b: Uint32Array, needed: number): number {
  const spareA = a.length - needed;
  const spareB = b.length - needed;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) {
      if (++i - shared > spareA) return -1;
    } else if (++j - shared > spareB) return -1;
  }
  return shared;
}

/**
 * Verifies one comment text against many: the same Dice coefficient as lexicalSimilarity on their
 * normalized forms (string-similarity's formula, to the last bit: whitespace removed, bigram
 * multisets of UTF-16 code units), far faster. Bigrams are encoded and sorted once per text (and
 * kept for recently used texts), each distinct text is compared once per verifier, and a length
 * bound and an early exit from the merge skip pairs that cannot reach `threshold`. Returns 0 for a
 * skipped pair.
 */
export function createLexicalVerifier(text: string, threshold = 0): (otherText: string) => number {
  const mine = bigramProfile(text);
  const seen = new Map<string, number>();
  const compare = (otherText: string): number => {
    const theirs = bigramProfile(otherText);
    if (mine.joined === theirs.joined) return 1;
    if (mine.joined.length < 2 || theirs.joined.length < 2) return 0;
    const total = mine.bigrams.length + theirs.bigrams.length;
    if ((2 * Math.min(mine.bigrams.length, theirs.bigrams.length)) / total < threshold) return 0;
    const shared = sharedBigrams(mine.bigrams, theirs.bigrams, sharedBigramsNeeded(total, threshold));
    return shared < 0 ? 0 : (2.0 * shared) / total;
  };
  return (otherText: string) => {
    let similarity = seen.get(otherText);
    if (similarity === undefined) {
      similarity = compare(otherText);
      seen.set(otherText, similarity);
    }
    return similarity;
  };
}
