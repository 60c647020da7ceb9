// Run by the semantic benchmark in a fresh process (`node --expose-gc --import tsx`): the memory and
// time a detector worker spends on loading the embedding model, as workers/detector/src/main.ts loads
// it. Memory is read after a full GC. Prints one JSON object on stdout.
import { performance } from 'node:perf_hooks';

export interface MemorySnapshot {
  readonly rssMb: number;
  readonly heapUsedMb: number;
  /** Memory of C++ objects bound to JS ones (ONNX tensors, Buffers). */
  readonly externalMb: number;
}

export interface ChildReport {
  readonly beforeLoad: MemorySnapshot;
  readonly afterImport: MemorySnapshot;
  readonly afterLoad: MemorySnapshot;
  readonly afterFirstBatch: MemorySnapshot;
  /** Peak resident set of the process (getrusage maxrss). */
  readonly maxRssMb: number;
  readonly importMs: number;
  readonly loadEncoderMs: number;
  readonly firstBatchMs: number;
}

const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
const gc = (globalThis as { gc?: () => void }).gc;

function snapshot(): MemorySnapshot {
  gc?.();
  const m = process.memoryUsage();
  return { rssMb: mb(m.rss), heapUsedMb: mb(m.heapUsed), externalMb: mb(m.external) };
}

const beforeLoad = snapshot();
let t = performance.now();
const embeddings = await import('@chorus/embeddings');
const importMs = performance.now() - t;
const afterImport = snapshot();
t = performance.now();
const { embedder } = await embeddings.loadEncoder({
  model: embeddings.DEFAULT_EMBEDDING_MODEL,
  modelDir: embeddings.defaultModelDir(),
  allowRemote: false,
  removeCommonComponent: true,
});
const loadEncoderMs = performance.now() - t;
const afterLoad = snapshot();
const sample = (await embeddings.referenceComments()).slice(0, 32);
t = performance.now();
await embedder.embed(sample);
const firstBatchMs = performance.now() - t;
const afterFirstBatch = snapshot();
const report: ChildReport = {
  beforeLoad,
  afterImport,
  afterLoad,
  afterFirstBatch,
  maxRssMb: mb(process.resourceUsage().maxRSS * 1024),
  importMs: Math.round(importMs),
  loadEncoderMs: Math.round(loadEncoderMs),
  firstBatchMs: Math.round(firstBatchMs * 10) / 10,
};
process.stdout.write(`${JSON.stringify(report)}\n`);
