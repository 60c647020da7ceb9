export * from './limits.js';
export * from './text-rules.js';
export * from './timestamp.js';
export * from './comment-input.js';
export * from './verdicts.js';
export * from './jobs.js';
export * from './settings.js';
export * from './api-requests.js';
