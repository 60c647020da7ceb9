// Ports: where the pipeline reads and writes (detection-ports.ts: the interfaces), and their
// implementation in one process's memory. The service implements
// the same interfaces on Redis and PostgreSQL; the offline analyzer and the tests use these, with
// the same buckets, caps and component rules, so both reach the same clusters.
export * from './detection-ports.js';
export * from './memory-ports.js';
export * from './memory-semantic.js';
