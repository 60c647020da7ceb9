// The body of the lexical worker threads (see lexical-thread.ts): either the whole lexical stage
// ('link') or the verification of candidates found by the parent thread ('verify').
import { parentPort, workerData } from 'node:worker_threads';
import type { SimilarityEdge } from '../graph/similarity-edge.js';
import { packEdges } from './lexical-thread.js';
import { MemoryPorts } from '../ports/memory-ports.js';
import { reserveNormalizeCache } from '../text/normalize.js';
import { lexicalFeatures } from '../similarity/lexical.js';
import { verifyLexicalCandidates, type PipelineParams } from '../pipeline/pipeline.js';
import type { CommentRecord } from '../records/comment-record.js';

const { task, records, params } = workerData as { task: 'link' | 'verify'; records: CommentRecord[]; params: PipelineParams };
reserveNormalizeCache(records.length);
const positionOf = new Map(records.map((r, i) => [r.id, i]));
const port = parentPort!;

function sendEdges(edges: readonly SimilarityEdge[]): void {
  const packed = packEdges(edges, positionOf);
  port.postMessage(packed, [packed.a.buffer, packed.b.buffer, packed.kind.buffer, packed.similarity.buffer]);
}

if (task === 'link') {
  const ports = new MemoryPorts();
  const edges: SimilarityEdge[] = [];
  for (const r of records) ports.add(r);
  // linkComment's edges, in the order it finds them, from the lookups by number (no band key
  // strings); the ports' graph is not needed here, the edges are sent back.
  const recordOf = (n: number) => ports.comments.get(ports.idOfNumber(n))!;
  for (const r of records) {
    const { candidates, exact } = ports.lexicalCandidateNumbers(r, lexicalFeatures(r.text));
    const exactIds = new Set([...exact].map((n) => ports.idOfNumber(n)));
    for (const e of verifyLexicalCandidates(r, candidates.map(recordOf), exactIds, params)) edges.push(e);
  }
  sendEdges(edges);
} else {
  // Each message: [comment position, candidate count, then per candidate its position and 1 if an exact copy], repeated.
  port.on('message', (list: Int32Array) => {
    const edges: SimilarityEdge[] = [];
    for (let i = 0; i < list.length; ) {
      const comment = records[list[i]];
      const count = list[i + 1];
      const candidates: CommentRecord[] = [];
      const exact = new Set<string>();
      for (let k = 0, at = i + 2; k < count; k++, at += 2) {
        const other = records[list[at]];
        candidates.push(other);
        if (list[at + 1] === 1) exact.add(other.id);
      }
      for (const e of verifyLexicalCandidates(comment, candidates, exact, params)) edges.push(e);
      i += 2 + 2 * count;
    }
    sendEdges(edges);
  });
}
