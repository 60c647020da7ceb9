import { decideComponent } from '../verdict/decide.js';
import { MemoryPorts, type MemoryCluster, type MemoryVerdict } from '../ports/memory-ports.js';
import type { MemorySemanticPorts } from '../ports/memory-semantic.js';
import { linkLexicallyInThread, linkLexicallySplit } from './lexical-thread.js';
import { linkComment, linkEcho, linkSemantic, type PipelineParams } from '../pipeline/pipeline.js';
import { semanticApplies, type CommentRecord } from '../records/comment-record.js';
import { linkRing } from '../behaviour/ring.js';
import { linkSwarm } from '../behaviour/swarm.js';
import { DEFAULT_SEMANTIC } from '../similarity/semantic.js';
import { linkShortParaphrases } from '../similarity/short-paraphrase.js';
import { withKnownTimes } from '../records/time-precision.js';

export interface AnalysisResult {
  readonly verdicts: ReadonlyMap<string, MemoryVerdict>;
  readonly clusters: readonly MemoryCluster[];
}

/**
 * Runs a whole corpus through the pipeline in memory: every comment is linked in posting order, then
 * each component is clustered once (the same clusters the incremental service reaches).
 * `onProgress` is called with the number of comments linked so far. With `lexicalThread` the work
 * is spread over two cores, with the same edges: with a semantic stage, the lexical stage runs in a
 * worker thread beside it; without one, a worker thread verifies the lexical candidates that this
 * thread looks up.
 */
export async function analyzeCorpus(
  input: readonly CommentRecord[],
  params: PipelineParams,
  options: { onProgress?: (done: number) => void; semantic?: MemorySemanticPorts; ports?: MemoryPorts; lexicalThread?: boolean } = {},
): Promise<AnalysisResult> {
  const { onProgress, semantic } = options;
  // Times coarser than the timing evidence's windows count as unknown (time-precision.ts).
  const records = withKnownTimes(input);
  const ports = options.ports ?? new MemoryPorts();
  ports.semantic = semantic;
  for (const r of records) ports.add(r);
  const threaded = options.lexicalThread === true;
  const lexicalEdges = semantic && threaded ? linkLexicallyInThread(records, params) : undefined;
  // A rejection is awaited below; until then it must not count as unhandled.
  lexicalEdges?.catch(() => undefined);
  if (!semantic && threaded) await linkLexicallySplit(ports, records, params, onProgress);
  // A sentence vector serves a stream post only to compare a reply with its parent (semanticApplies).
  const parents = new Set(records.map((r) => r.parentId).filter((p) => p !== null));
  const embedded = (r: CommentRecord) => semanticApplies(r) || r.parentId !== null || parents.has(r.externalId);
  await semantic?.prepare(records.filter(embedded));
  let done = 0;
  for (const r of records) {
    if (!threaded) await linkComment(ports, r, params);
    if (semantic && embedded(r)) await linkSemantic(ports, semantic, r, params);
    await linkShortParaphrases(ports, r, (params.semantic ?? DEFAULT_SEMANTIC).minWords);
    await linkEcho(ports, r, semantic);
    await linkRing(ports, r);
    if (++done % 1000 === 0) onProgress?.(done);
  }
  if (lexicalEdges && records.length > 0) await ports.addEdges(records[0].scope, await lexicalEdges);
  // Swarm edges read the similarity edges around each comment, so they come once all are stored.
  for (const r of records) await linkSwarm(ports, r, semantic);
  onProgress?.(done);
  // Clustering depends only on the graph, so each whole component is decided once at the end.
  for (const component of ports.allComponents()) {
    const scope = ports.comments.get(component.nodes[0])!.scope;
    // A comment linked to nothing is in no cluster: no need to run the clustering for it.
    const lone = component.nodes.length === 1 && component.edges.length === 0;
    ports.decideComponent(scope, component, lone ? () => ({ clusters: [], unclustered: component.nodes }) : (input) => decideComponent(input, params.scoring));
  }
  const clusters = [...ports.clusters.values()].sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  return { verdicts: ports.verdicts, clusters };
}
