// Evidence: what a cluster's members and edges say about coordination. Each signal is a pure
// function from the cluster's facts (members, their times, accounts, threads and texts, edge
// kinds) to one weighted reason a moderator can read, or nothing; dampeners scale or cap the
// combined score instead of adding to it. registry.ts lists every signal a cluster's reasons can
// name, with what it measures, its weights and its reason text: the place to read "why flagged".
export * from './cluster-facts.js';
export * from './evidence.js';
export { TOGETHER_WINDOW_MS, togetherVoices } from './posting-windows.js';
export * from './voices.js';
export * from './replies.js';
export * from './rings-and-swarms.js';
export * from './timing.js';
export * from './threads.js';
export * from './accounts.js';
export * from './promotion.js';
export * from './dampeners.js';
export * from './signals.js';
export * from './registry.js';
