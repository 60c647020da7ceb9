import { Worker } from 'node:worker_threads';
import { PACKED_KINDS, type SimilarityEdge } from '../graph/similarity-edge.js';
import type { MemoryPorts } from '../ports/memory-ports.js';
import { lexicalFeatures } from '../similarity/lexical.js';
import type { CommentRecord } from '../records/comment-record.js';
import type { PipelineParams } from '../pipeline/pipeline.js';

/** Edges as flat arrays (record positions, kind, similarity): what the lexical thread sends back, without cloning a million objects. */
export interface PackedEdges {
  readonly a: Int32Array<ArrayBuffer>;
  readonly b: Int32Array<ArrayBuffer>;
  readonly kind: Uint8Array<ArrayBuffer>;
  readonly similarity: Float64Array<ArrayBuffer>;
}

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

function startThread(workerData: Record<string, unknown>): Worker {
  return new Worker(new URL('./thread-bootstrap.mjs', import.meta.url), {
    workerData: { module: new URL('./lexical-thread-worker.ts', import.meta.url).href, ...workerData },
  });
}

/** Settles with the thread's first message, or rejects when it fails or exits before sending one. */
function firstMessage<T>(worker: Worker): Promise<T> {
  return new Promise((resolve, reject) => {
    const fail = (error: Error) => {
      worker.off('message', done);
      worker.off('exit', exited);
      reject(error);
    };
    const exited = (code: number) => fail(new Error(`the lexical thread exited with code ${code} before answering`));
    const done = (message: T) => {
      worker.off('error', fail);
      worker.off('exit', exited);
      resolve(message);
    };
    worker.once('message', done);
    worker.once('error', fail);
    worker.once('exit', exited);
  });
}

/**
 * The lexical stage of a batch run (what linkComment finds for every record, in order, on its own memory
 * ports) in a worker thread, so that it runs beside the semantic stage on another core. Lexical
 * edges depend on the texts and the lexical buckets only, so they are the same edges, in the same
 * order, as when the stages run one after the other.
 */
export async function linkLexicallyInThread(records: readonly CommentRecord[], params: PipelineParams): Promise<SimilarityEdge[]> {
  const worker = startThread({ task: 'link', records, params });
  try {
    return unpackEdges(await firstMessage<PackedEdges>(worker), records);
  } finally {
    await worker.terminate();
  }
}

/** Comments per message to the verifying thread. */
const VERIFY_BATCH = 500;

/**
 * The lexical stage of a batch run on two cores: this thread computes each comment's features and
 * looks up its candidates (the buckets change with every comment, so in order), a worker thread
 * verifies them (verifyLexicalCandidates, batch by batch, while the lookups go on). The edges are
 * stored batch by batch in order: the same edges, in the same order, as linkComment gives.
 */
export async function linkLexicallySplit(ports: MemoryPorts, records: readonly CommentRecord[], params: PipelineParams, onProgress?: (done: number) => void): Promise<void> {
  const positionOf = new Map(records.map((r, i) => [r.id, i]));
  const worker = startThread({ task: 'verify', records, params });
  try {
    // The thread answers each message with one message, in order. Batches are posted as soon as they
    // are full (this loop seldom yields to the event loop, so it must not wait for answers).
    const answers: PackedEdges[] = [];
    let sent = 0;
    let finished = false;
    const allAnswered = new Promise<void>((resolve, reject) => {
      worker.on('message', (packed: PackedEdges) => {
        answers.push(packed);
        if (answers.length === sent && finished) resolve();
      });
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the lexical thread exited with code ${code} before answering`)));
    });
    allAnswered.catch(() => undefined);
    let list = new Int32Array(1 << 16);
    let length = 0;
    const append = (value: number) => {
      if (length === list.length) {
        const grown = new Int32Array(list.length * 2);
        grown.set(list);
        list = grown;
      }
      list[length++] = value;
    };
    const send = () => {
      const message = list.slice(0, length);
      length = 0;
      sent++;
      worker.postMessage(message, [message.buffer]);
    };
    // Record positions by the ports' candidate numbers (-1: not looked up yet).
    let positions = new Int32Array(records.length).fill(-1);
    const positionOfNumber = (n: number): number => {
      if (n >= positions.length) {
        const grown = new Int32Array(Math.max(n + 1, positions.length * 2)).fill(-1);
        grown.set(positions);
        positions = grown;
      }
      if (positions[n] < 0) positions[n] = positionOf.get(ports.idOfNumber(n))!;
      return positions[n];
    };
    let inBatch = 0;
    for (const [i, r] of records.entries()) {
      const { candidates, exact } = ports.lexicalCandidateNumbers(r, lexicalFeatures(r.text));
      append(i);
      append(candidates.length);
      for (const n of candidates) {
        append(positionOfNumber(n));
        append(exact.has(n) ? 1 : 0);
      }
      if (++inBatch === VERIFY_BATCH) {
        send();
        inBatch = 0;
      }
      if ((i + 1) % 1000 === 0) onProgress?.(i + 1);
    }
    if (inBatch > 0) send();
    finished = true;
    if (answers.length < sent) await allAnswered;
    for (const packed of answers) {
      const edges = unpackEdges(packed, records);
      if (edges.length > 0) await ports.addEdges(records[0].scope, edges);
    }
  } finally {
    await worker.terminate();
  }
}
