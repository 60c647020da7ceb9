export * from './app.js';
export * from './config.js';
export type * from './deps.js';
