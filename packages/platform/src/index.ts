export * from './errors.js';
export * from './config.js';
export * from './logger.js';
export * from './redis.js';
export * from './queues.js';
export * from './metrics.js';
export * from './timeout.js';
export * from './csv.js';
