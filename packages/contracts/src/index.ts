export * from './limits.js';
export * from './comment-input.js';
export * from './verdicts.js';
export * from './jobs.js';
export * from './settings.js';
