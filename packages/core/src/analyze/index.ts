// Analyze: a whole corpus through the pipeline in one process, with the in-memory ports: every
// comment linked in posting order, then each component decided once. For large files the lexical
// stage runs in a worker thread (lexical-thread.ts, started through thread-bootstrap.mjs, which
// are loaded by path at run time and must stay beside each other).
export * from './analyze.js';
