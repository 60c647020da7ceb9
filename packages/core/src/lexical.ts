import stringSimilarity from 'string-similarity';
import { bandKeys, DEFAULT_LSH, type LshParams } from './lsh.js';
import { DEFAULT_MINHASH, minhashSignature, type MinHashParams } from './minhash.js';
import { compactText, normalizeCached } from './normalize.js';
import { charShingles } from './shingles.js';
import { textFingerprint } from './hash.js';

export interface LexicalFeatures {
  readonly normalized: string;
  /** Fingerprint of the normalized text: equal for exact copies after obfuscation is removed. */
  readonly hash: string;
  /** LSH band keys of the MinHash signature; empty when the text has nothing to shingle. */
  readonly bandKeys: readonly string[];
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
  return {
    normalized,
    hash: textFingerprint(normalized),
    bandKeys: shingles.length === 0 ? [] : bandKeys(minhashSignature(shingles, params.minhash), params.lsh),
  };
}

/** Fingerprint of a text's normalized form (what exact-copy lookups are keyed by). */
export function normalizedHash(text: string): string {
  return textFingerprint(normalizeCached(text));
}

/** Lexical similarity used to verify candidates: Dice coefficient on character bigrams of the normalized texts (string-similarity's compareTwoStrings). */
export function lexicalSimilarity(normalizedA: string, normalizedB: string): number {
  if (normalizedA === normalizedB) return 1;
  return stringSimilarity.compareTwoStrings(normalizedA, normalizedB);
}

function sortedBigrams(compact: string): Uint32Array {
  const out = new Uint32Array(Math.max(0, compact.length - 1));
  for (let i = 0; i < out.length; i++) out[i] = ((compact.charCodeAt(i) << 16) | compact.charCodeAt(i + 1)) >>> 0;
  return out.sort();
}

/**
 * The same Dice coefficient as lexicalSimilarity (string-similarity's formula, to the last bit:
 * whitespace removed, bigram multisets of UTF-16 code units), about ten times faster for one text
 * against many: its bigrams are encoded and sorted once, each candidate's merged against them, and
 * a length bound skips pairs that cannot reach `threshold`. Returns 0 for a skipped pair.
 */
export function createLexicalVerifier(normalized: string, threshold = 0): (other: string) => number {
  const mine = normalized.replace(/\s+/g, '');
  const mineBigrams = sortedBigrams(mine);
  return (other: string) => {
    const theirs = other.replace(/\s+/g, '');
    if (mine === theirs) return 1;
    if (mine.length < 2 || theirs.length < 2) return 0;
    const total = mine.length + theirs.length - 2;
    if ((2 * Math.min(mine.length - 1, theirs.length - 1)) / total < threshold) return 0;
    const theirBigrams = sortedBigrams(theirs);
    let i = 0;
    let j = 0;
    let shared = 0;
    while (i < mineBigrams.length && j < theirBigrams.length) {
      if (mineBigrams[i] === theirBigrams[j]) {
        shared++;
        i++;
        j++;
      } else if (mineBigrams[i] < theirBigrams[j]) i++;
      else j++;
    }
    return (2.0 * shared) / total;
  };
}
