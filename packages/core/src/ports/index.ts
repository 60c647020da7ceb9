// Ports: where the pipeline reads and writes, held in one process's memory. The service implements
// the same interfaces on Redis and PostgreSQL; the offline analyzer and the tests use these, with
// the same buckets, caps and component rules, so both reach the same clusters.
export * from './memory-ports.js';
export * from './memory-semantic.js';
