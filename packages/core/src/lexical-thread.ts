import { Worker } from 'node:worker_threads';
import type { EdgeKind, SimilarityEdge } from './clustering.js';
import type { CommentRecord, PipelineParams } from './pipeline.js';

/** Edges as flat arrays (record positions, kind, similarity): what the lexical thread sends back, without cloning a million objects. */
export interface PackedEdges {
  readonly a: Int32Array<ArrayBuffer>;
  readonly b: Int32Array<ArrayBuffer>;
  readonly kind: Uint8Array<ArrayBuffer>;
  readonly similarity: Float64Array<ArrayBuffer>;
}

export const PACKED_KINDS: readonly EdgeKind[] = ['exact', 'lexical', 'semantic', 'echo', 'ring'];

export function packEdges(edges: readonly SimilarityEdge[], positionOf: ReadonlyMap<string, number>): PackedEdges {
  const packed: PackedEdges = { a: new Int32Array(edges.length), b: new Int32Array(edges.length), kind: new Uint8Array(edges.length), similarity: new Float64Array(edges.length) };
  edges.forEach((e, i) => {
    packed.a[i] = positionOf.get(e.a)!;
    packed.b[i] = positionOf.get(e.b)!;
    packed.kind[i] = PACKED_KINDS.indexOf(e.kind);
    packed.similarity[i] = e.similarity;
  });
  return packed;
}

export function unpackEdges(packed: PackedEdges, records: readonly CommentRecord[]): SimilarityEdge[] {
  const edges: SimilarityEdge[] = new Array(packed.a.length);
  for (let i = 0; i < edges.length; i++) edges[i] = { a: records[packed.a[i]].id, b: records[packed.b[i]].id, kind: PACKED_KINDS[packed.kind[i]], similarity: packed.similarity[i] };
  return edges;
}

/**
 * The lexical stage of a batch run (linkComment over every record, in order, on its own memory
 * ports) in a worker thread, so that it runs beside the semantic stage on another core. Lexical
 * edges depend on the texts and the lexical buckets only, so they are the same edges, in the same
 * order, as when the stages run one after the other.
 */
export function linkLexicallyInThread(records: readonly CommentRecord[], params: PipelineParams): Promise<SimilarityEdge[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./thread-bootstrap.mjs', import.meta.url), {
      workerData: { module: new URL('./lexical-thread-worker.ts', import.meta.url).href, records, params },
    });
    let settled = false;
    worker.once('message', (packed: PackedEdges) => {
      settled = true;
      resolve(unpackEdges(packed, records));
      void worker.terminate();
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the lexical thread exited with code ${code} before sending its edges`));
    });
  });
}
