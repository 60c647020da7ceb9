export * from './detector.js';
export * from './config.js';
export * from './redis-lexical-index.js';
export * from './service-ports.js';
