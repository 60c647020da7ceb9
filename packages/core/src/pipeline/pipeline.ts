import type { SimilarityEdge } from '../graph/similarity-edge.js';
import { decideComponent } from '../verdict/decide.js';
import { actionKeys, createLexicalVerifier, lexicalFeatures } from '../similarity/lexical.js';
import { normalizeCached } from '../text/normalize.js';
import { bucketsOfCodes, cosineIfBoth } from '../candidates/hyperplane-lsh.js';
import { DEFAULT_SEMANTIC, semanticThreshold, wordCountOf, type SemanticParams } from '../similarity/semantic.js';
import { linkRing } from '../behaviour/ring.js';
import { linkSwarm } from '../behaviour/swarm.js';
import { linkShortParaphrases } from '../similarity/short-paraphrase.js';
import { isEchoReply } from '../evidence/replies.js';
import { promotedTokens } from '../text/tokens.js';
import { semanticApplies, type CommentRecord } from '../records/comment-record.js';
import type { DetectionPorts, SemanticPorts } from '../ports/detection-ports.js';
import type { ScoringSettings } from '../verdict/verdict.js';

export interface PipelineParams {
  /** Minimum Dice similarity (on normalized text) for a lexical candidate to become an edge. */
  readonly lexicalThreshold: number;
  readonly scoring: ScoringSettings;
  readonly semantic?: SemanticParams;
}

export interface DetectionOutcome {
  readonly candidates: number;
  readonly edges: number;
}

/**
 * The last step of a comment's detection, once its similarity edges are stored: short-paraphrase,
 * echo, reply-ring and swarm edges, then clustering and scoring of its component (and of those that ring or swarm edges
 * changed elsewhere).
 */
export async function finishDetection(ports: DetectionPorts, comment: CommentRecord, params: PipelineParams, semantic?: SemanticPorts): Promise<void> {
  await linkShortParaphrases(ports, comment, (params.semantic ?? DEFAULT_SEMANTIC).minWords);
  await linkEcho(ports, comment, semantic);
  const ring = await linkRing(ports, comment);
  const swarm = await linkSwarm(ports, comment, semantic);
  for (const id of new Set([comment.id, ...ring.elsewhere, ...swarm.elsewhere])) await ports.recluster(comment.scope, id, (input) => decideComponent(input, params.scoring));
}

/** The semantic half of linking: embeds (through the cache), finds hyperplane candidates in the time window, verifies by exact cosine against the length-calibrated threshold. */
export async function linkSemantic(ports: DetectionPorts, semantic: SemanticPorts, comment: CommentRecord, params: PipelineParams): Promise<DetectionOutcome> {
  const settings = params.semantic ?? DEFAULT_SEMANTIC;
  const vector = await semantic.vectorOf(comment);
  if (vector === null) return { candidates: 0, edges: 0 };
  const words = wordCountOf(comment.text);
  // Short texts, and stream posts, are stored (reply-echo compares them with their parent) but get no semantic edges.
  const buckets = words >= settings.minWords && semanticApplies(comment) ? semantic.lsh.buckets(vector) : bucketsOfCodes(new Int32Array(0));
  // Cosine first, on the candidates' stored vectors: only the few that can pass the lowest
  // threshold are loaded from the record store.
  const lowest = Math.min(...settings.thresholds.map(([, t]) => t));
  const { candidates, close } = await semantic.closeCandidates(comment.scope, comment.id, vector, buckets, lowest);
  const others = await ports.loadComments([...close.keys()]);
  const edges: SimilarityEdge[] = [];
  for (const other of others) {
    if (other.scope !== comment.scope) continue;
    if (!semanticApplies(other)) continue;
    if (comment.postedAt !== null && other.postedAt !== null && Math.abs(comment.postedAt - other.postedAt) > settings.windowMs) continue;
    const threshold = semanticThreshold(words, wordCountOf(other.text), settings);
    const similarity = close.get(other.id)!;
    if (threshold !== null && similarity >= threshold) edges.push({ a: comment.id, b: other.id, kind: 'semantic', similarity: Math.round(similarity * 10000) / 10000 });
  }
  await ports.addEdges(comment.scope, edges);
  return { candidates, edges: edges.length };
}

/**
 * The first half of detection: finds and verifies the comment's similar predecessors and stores the
 * edges. Clustering depends only on the final graph, so a batch run may link every comment first and
 * cluster each component once at the end, with the same result as the incremental service.
 */
export async function linkComment(ports: DetectionPorts, comment: CommentRecord, params: PipelineParams): Promise<DetectionOutcome> {
  const { candidates, exact, count } = await lexicalCandidatesOf(ports, comment);
  const edges = verifyLexicalCandidates(comment, candidates, exact, params);
  await ports.addEdges(comment.scope, edges);
  return { candidates: count, edges: edges.length };
}

/** The lexical half's lookups: stored comments sharing a band with the comment, or its normalized text (`exact`: their ids). */
export async function lexicalCandidatesOf(ports: DetectionPorts, comment: CommentRecord): Promise<{ candidates: CommentRecord[]; exact: ReadonlySet<string>; count: number }> {
  const features = lexicalFeatures(comment.text);
  const keys = [...features.siteKeys, ...actionKeys(comment, features.normalized)];
  const [banded, exact] = await Promise.all([
    ports.lexicalCandidates(comment.scope, comment.id, keys.length === 0 ? features.bandKeys : [...features.bandKeys, ...keys]),
    ports.exactMatches(comment.scope, features.hash, comment.id),
  ]);
  const candidateIds = new Set(banded);
  for (const id of exact) candidateIds.add(id);
  candidateIds.delete(comment.id);
  return { candidates: await ports.loadComments([...candidateIds]), exact: new Set(exact), count: candidateIds.size };
}

/**
 * Dice similarity that two comments promoting the same little-known site or hashtag need for a
 * lexical edge (or the tenant's threshold, if lower). A campaign rewords its pitch from one thread
 * to the next but keeps pointing to its own site; readers who agree rarely name the same one.
 */
export const SHARED_SITE_LEXICAL_THRESHOLD = 0.7;

/**
 * The similarity a lexical edge gets between two comments of one thread making the same call to
 * action (actionKeys) when their wording is less alike: enough for average linkage to join a
 * thread's promoters, not enough to pull in a comment that only shares words with one of them.
 */
export const SHARED_ACTION_SIMILARITY = 0.6;

/** The lexical half's verification (no I/O): an exact edge to each copy, a lexical edge to each candidate whose Dice similarity reaches the threshold (a lower one for a candidate promoting the same site; SHARED_ACTION_SIMILARITY at least for one in the same thread making the same call to action). */
export function verifyLexicalCandidates(comment: CommentRecord, candidates: readonly CommentRecord[], exact: ReadonlySet<string>, params: PipelineParams): SimilarityEdge[] {
  const edges: SimilarityEdge[] = [];
  const actions = new Set(actionKeys(comment, normalizeCached(comment.text)));
  const sites = new Set(promotedTokens(normalizeCached(comment.text)));
  const siteThreshold = Math.min(params.lexicalThreshold, SHARED_SITE_LEXICAL_THRESHOLD);
  // The verifier is exact down to the lowest threshold a candidate may need.
  const verify = createLexicalVerifier(comment.text, sites.size === 0 ? params.lexicalThreshold : siteThreshold);
  for (const other of candidates) {
    if (other.scope !== comment.scope) continue;
    if (exact.has(other.id)) {
      edges.push({ a: comment.id, b: other.id, kind: 'exact', similarity: 1 });
      continue;
    }
    const shared = sites.size > 0 && promotedTokens(normalizeCached(other.text)).some((t) => sites.has(t));
    const similarity = verify(other.text);
    if (similarity >= (shared ? siteThreshold : params.lexicalThreshold)) edges.push({ a: comment.id, b: other.id, kind: 'lexical', similarity: Math.round(similarity * 10000) / 10000 });
    else if (actions.size > 0 && actionKeys(other, normalizeCached(other.text)).some((k) => actions.has(k))) {
      edges.push({ a: comment.id, b: other.id, kind: 'lexical', similarity: Math.max(SHARED_ACTION_SIMILARITY, Math.round(similarity * 10000) / 10000) });
    }
  }
  return edges;
}

/**
 * Links a reply to the parent it agrees with and restates (an `echo` edge, reply first), checking
 * both the comment's own parent and replies to it that arrived earlier. Run after the comment's
 * vector is stored: of a reply and its parent, whichever is linked second sees both vectors.
 */
export async function linkEcho(ports: DetectionPorts, comment: CommentRecord, semantic?: SemanticPorts): Promise<number> {
  const { parent, replies } = await ports.relatives(comment);
  const pairs: [CommentRecord, CommentRecord][] = replies.map((r) => [r, comment]);
  if (parent) pairs.push([comment, parent]);
  if (pairs.length === 0) return 0;
  const vectors = semantic ? await semantic.loadVectors(comment.scope, [...new Set(pairs.flat().map((c) => c.id))]) : new Map<string, Float32Array>();
  const edges: SimilarityEdge[] = [];
  for (const [reply, to] of pairs) {
    const mine = vectors.get(reply.id);
    const theirs = vectors.get(to.id);
    const parentSimilarity = cosineIfBoth(mine, theirs);
    if (isEchoReply({ normalized: normalizeCached(reply.text), parentNormalized: normalizeCached(to.text), parentSimilarity })) {
      edges.push({ a: reply.id, b: to.id, kind: 'echo', similarity: Math.round((parentSimilarity ?? 0) * 10000) / 10000 });
    }
  }
  await ports.addEdges(comment.scope, edges);
  return edges.length;
}
