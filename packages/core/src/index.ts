// The detection domain, pure: no I/O, no environment, no clock. The folders are the stages a
// comment goes through, in order; each folder's index.ts says what its stage does.
export * from './support/index.js';
export * from './text/index.js';
export * from './records/index.js';
export * from './candidates/index.js';
export * from './similarity/index.js';
export * from './behaviour/index.js';
export * from './graph/index.js';
export * from './evidence/index.js';
export * from './verdict/index.js';
export * from './ports/index.js';
export * from './pipeline/index.js';
export * from './analyze/index.js';
export * from './network/index.js';
