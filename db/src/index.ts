export * from './schema.js';
export * from './connection.js';
export * from './migrate.js';
export * from './repositories/tenants-repo.js';
export * from './repositories/api-keys-repo.js';
export * from './repositories/comments-repo.js';
export * from './repositories/graph-repo.js';
export * from './repositories/clusters-repo.js';
