// Entry of Chorus's worker threads: the code is TypeScript, run through tsx's loader, which a
// worker thread does not inherit from its parent; so the thread registers it, then loads its module.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.module);
