// Similarity: the checks that turn a candidate into an edge. Lexical verification (Dice on
// bigrams of the normalized text, with a lower bar for comments promoting the same site), the
// length-calibrated cosine thresholds of the semantic stage, and short paraphrases (content words
// shared by short comments posted beside each other in one thread).
export * from './lexical.js';
export * from './semantic.js';
export * from './short-paraphrase.js';
