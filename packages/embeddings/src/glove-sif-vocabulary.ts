/** Special tokens, in id order. All four embed to zero rows, so they add nothing to a sentence. */
export const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]'] as const;

// The punctuation class of transformers.js' BertPreTokenizer (Unicode P plus ASCII symbols).
const PUNCTUATION = '\\p{P}\\u0021-\\u002F\\u003A-\\u0040\\u005B-\\u0060\\u007B-\\u007E';
const UNSPLIT_WORD = new RegExp(`^[^\\s${PUNCTUATION}]+$`, 'u');

const HAS_LETTER = /\p{L}/u;

/**
 * True when `word` is worth a vocabulary slot: BertPreTokenizer can emit it as one token (GloVe
 * keeps "well-known" or "u.s." whole, but the pre-tokenizer splits them at the punctuation, so
 * they could never be looked up), and it has a letter. Punctuation and symbols stay out on
 * purpose: "?!" or "Привет, как дела?" must embed to the zero vector ("no known word") rather
 * than to the direction of the comma, which would make every such text look alike.
 */
export function isVocabularyWord(word: string): boolean {
  return UNSPLIT_WORD.test(word) && HAS_LETTER.test(word);
}

/** The `size` most frequent vocabulary words, most frequent first. */
export function selectVocabulary(wordsByRank: readonly string[], size: number): string[] {
  const kept: string[] = [];
  const seen = new Set<string>(SPECIAL_TOKENS);
  for (const word of wordsByRank) {
    if (kept.length >= size) break;
    if (seen.has(word) || !isVocabularyWord(word)) continue;
    seen.add(word);
    kept.push(word);
  }
  return kept;
}

/**
 * SIF weights a / (a + p(w)) (Arora et al. 2017) for every word of the source list. GloVe ships
 * no counts, only the frequency order, so p(w) is estimated with Zipf's law, p(rank) ∝ 1/rank,
 * normalized over the whole source vocabulary (not just the kept words, whose share of the
 * corpus is what it is whether we keep the tail or not).
 */
export function zipfSifWeights(sourceVocabularySize: number, a: number): Float64Array {
  let harmonic = 0;
  for (let rank = 1; rank <= sourceVocabularySize; rank += 1) harmonic += 1 / rank;
  const weights = new Float64Array(sourceVocabularySize);
  for (let index = 0; index < sourceVocabularySize; index += 1) {
    const probability = 1 / ((index + 1) * harmonic);
    weights[index] = a / (a + probability);
  }
  return weights;
}
