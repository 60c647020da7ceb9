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

/** Lexical similarity used to verify candidates: Dice coefficient on character bigrams of the normalized texts. */
export function lexicalSimilarity(normalizedA: string, normalizedB: string): number {
  if (normalizedA === normalizedB) return 1;
  return stringSimilarity.compareTwoStrings(normalizedA, normalizedB);
}
