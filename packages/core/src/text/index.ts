// Text: the first stage every comment goes through. Normalization (NFKC, case fold, invisible
// characters, look-alike letters, quotes, markup, URLs and @mentions) makes obfuscated copies
// equal; word tokens, stopwords, agreement openers, promoted sites and calls to action are read
// from the normalized text; hashes fingerprint it and character shingles feed MinHash.
export * from './normalize.js';
export * from './tokens.js';
export * from './hash.js';
export * from './shingles.js';
