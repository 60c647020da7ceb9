/** `echo` links a reply to the parent it agrees with and restates: not similarity, so it never forms clusters. `ring` links agreeing replies posted together in one thread (ring.ts): behaviour, not text, but it does form clusters. `swarm` links the wordings of a paraphrase swarm (swarm.ts): clusterGraph leaves it out, and decideComponent joins the clusters it links afterwards. */
export type EdgeKind = 'exact' | 'lexical' | 'semantic' | 'echo' | 'ring' | 'swarm';

export interface SimilarityEdge {
  readonly a: string;
  readonly b: string;
  readonly kind: EdgeKind;
  readonly similarity: number;
}

/** An edge found in the texts (a copy, a near-duplicate, a paraphrase), not in posting behaviour (echo, ring, swarm). */
export function isTextSimilarity(e: Pick<SimilarityEdge, 'kind'>): boolean {
  return e.kind === 'exact' || e.kind === 'lexical' || e.kind === 'semantic';
}

/** Edge kinds by number, where edges are held as flat arrays (edge-graph.ts, the lexical thread's messages). */
export const PACKED_KINDS: readonly EdgeKind[] = ['exact', 'lexical', 'semantic', 'echo', 'ring', 'swarm'];
