// Candidates: which stored comments a new one is worth comparing with, found in O(1) per comment
// instead of against the whole corpus. MinHash over character shingles with LSH banding finds
// lexical candidates; random-hyperplane LSH over sentence vectors finds semantic ones (with the
// cosine helpers that verify them); the in-memory bucket index holds both kinds of bucket with
// the service's contract (add-then-query, capped, most recent first).
export * from './minhash.js';
export * from './lsh.js';
export * from './hyperplane-lsh.js';
export * from './memory-bucket-index.js';
