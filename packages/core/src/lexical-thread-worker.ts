// The body of linkLexicallyInThread's worker thread (see lexical-thread.ts).
import { parentPort, workerData } from 'node:worker_threads';
import type { SimilarityEdge } from './clustering.js';
import { packEdges } from './lexical-thread.js';
import { MemoryPorts } from './memory-ports.js';
import { linkComment, type CommentRecord, type PipelineParams } from './pipeline.js';

const { records, params } = workerData as { records: CommentRecord[]; params: PipelineParams };
const ports = new MemoryPorts();
const edges: SimilarityEdge[] = [];
// The ports' graph is not needed here: the edges are collected, in the order they are found, and sent back.
ports.addEdges = async (_scope, found) => {
  for (const e of found) edges.push(e);
};
for (const r of records) ports.add(r);
for (const r of records) await linkComment(ports, r, params);
const packed = packEdges(edges, new Map(records.map((r, i) => [r.id, i])));
parentPort!.postMessage(packed, [packed.a.buffer, packed.b.buffer, packed.kind.buffer, packed.similarity.buffer]);
