export * from './app.js';
export * from './config.js';
export type * from './deps.js';
export * from './http-server.js';
