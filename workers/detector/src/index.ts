export * from './detector.js';
export * from './config.js';
export * from './redis-bucket-index.js';
export * from './service-ports.js';
