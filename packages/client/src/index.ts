export * from './client.js';
export * from './operations.js';
export * from './webhook-signature.js';
