// Support: small helpers every stage leans on and none owns: the stable order of comment ids (so
// every process breaks ties alike), seeded randomness (so hyperplanes and tests repeat), and the
// bounded two-generation cache behind the normalization and feature caches (generational-cache.ts;
// a worker remembers components past the limit in one too).
export * from './generational-cache.js';
export * from './ids.js';
export * from './random.js';
