// Graph: the similarity graph and its clustering. Edges (exact, lexical, semantic, echo, ring,
// swarm) are held in flat typed arrays (edge-graph.ts); clusterGraph cuts a connected component
// into clusters by average linkage, never single-link chaining, with a merge heap, per-pair maxima
// and cross-links as its data structures (internal to core).
export { isTextSimilarity, type EdgeKind, type SimilarityEdge } from './similarity-edge.js';
export * from './clustering.js';
