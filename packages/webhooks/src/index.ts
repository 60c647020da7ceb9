export * from './signature.js';
export * from './events.js';
export * from './delivery-worker.js';
export * from './delivery-sweeper.js';
