import type { ClusterFacts, MemberFacts } from '../evidence/cluster-facts.js';
import { clusterGraph, type ClusterAssignment } from '../graph/clustering.js';
import { isTextSimilarity, type EdgeKind, type SimilarityEdge } from '../graph/similarity-edge.js';
import { compareIds } from '../support/ids.js';
import { scoreCluster } from './score.js';
import { flaggedByThread, mirroredSibling, swarmSibling } from './sibling-evidence.js';
import { dripCarriers, dripNetwork } from './drip.js';
import type { Evidence } from '../evidence/evidence.js';
import type { ComponentDecision, ComponentInput } from './decision.js';
import { DEFAULT_SCORING, type ScoringSettings } from './verdict.js';

/** The cluster (position in `assignments`) of each clustered comment. */
function clusterIndex(assignments: readonly ClusterAssignment[]): Map<string, number> {
  const clusterOf = new Map<string, number>();
  assignments.forEach((a, i) => {
    for (const m of a.members) clusterOf.set(m, i);
  });
  return clusterOf;
}

/**
 * A reply that agrees with and restates a clustered comment, but is in no cluster itself, belongs
 * with its parent's cluster: the echo is part of the same campaign (the seed thread's pattern).
 */
function attachEchoes(assignments: ClusterAssignment[], edges: readonly SimilarityEdge[]): ClusterAssignment[] {
  const clusterOf = clusterIndex(assignments);
  const extra = assignments.map(() => [] as string[]);
  // Echo edges point from the reply (a) to its parent (b).
  for (const e of edges.filter((x) => x.kind === 'echo').sort((x, y) => compareIds(x.a, y.a))) {
    if (clusterOf.has(e.a)) continue;
    const parentCluster = clusterOf.get(e.b);
    if (parentCluster === undefined || extra[parentCluster].includes(e.a)) continue;
    extra[parentCluster].push(e.a);
  }
  return withExtraMembers(assignments, extra);
}

/**
 * A paraphrase swarm's wordings are linked by swarm edges (swarm.ts), sparsely: only pairs close
 * enough in meaning. Clustering them with the text edges let one swarm edge pull a comment away
 * from its own near-duplicate (two wordings merged first, the copy left over), so clusters are
 * made from the text edges alone, and then the clusters and loose comments that swarm edges link
 * are joined (named after the largest cluster among them; of equal ones, the one whose
 * representative sorts first).
 *
 * A cluster takes part only when swarm edges reach more than half of it, and then only with the
 * members they reach and those bound to them by any edge but a semantic one (copies, near-copies,
 * echoing replies, ring mates): an organic comment posted amid a swarm must not bring in its
 * copies from other threads, nor a comment that is only alike in meaning to one wording bring
 * itself in. What is left of such a
 * cluster stays a cluster of its own when two or more comments are left.
 */
function joinSwarms(assignments: readonly ClusterAssignment[], edges: readonly SimilarityEdge[]): ClusterAssignment[] {
  const swarmEdges = edges.filter((e) => e.kind === 'swarm');
  if (swarmEdges.length === 0) return [...assignments];
  const reached = new Set(swarmEdges.flatMap((e) => [e.a, e.b]));
  const boundTo = new Map<string, string[]>();
  for (const e of edges) {
    if (e.kind === 'semantic' || e.kind === 'swarm') continue;
    if (!reached.has(e.a) && !reached.has(e.b)) continue;
    for (const [x, y] of [
      [e.a, e.b],
      [e.b, e.a],
    ]) {
      const bound = boundTo.get(x);
      if (bound) bound.push(y);
      else boundTo.set(x, [y]);
    }
  }
  // Units: the swarm part of each joining cluster, then each loose comment a swarm edge reaches.
  const units: string[][] = [];
  const unitOf = new Map<string, number>();
  const kept: ClusterAssignment[] = [];
  for (const a of assignments) {
    const inSwarm = a.members.filter((m) => reached.has(m));
    if (inSwarm.length * 2 <= a.members.length) {
      kept.push(a);
      continue;
    }
    const members = new Set(a.members);
    const part = new Set(inSwarm);
    for (const m of inSwarm) for (const c of boundTo.get(m) ?? []) if (members.has(c)) part.add(c);
    const rest = a.members.filter((m) => !part.has(m));
    if (rest.length >= 2) kept.push({ representative: rest.includes(a.representative) ? a.representative : rest[0], members: rest });
    const unit = [...part].sort(compareIds);
    // The swarm part keeps the cluster's name when it holds the representative.
    if (part.has(a.representative)) {
      unit.splice(unit.indexOf(a.representative), 1);
      unit.unshift(a.representative);
    }
    for (const m of unit) unitOf.set(m, units.length);
    units.push(unit);
  }
  const clustered = new Set(assignments.flatMap((a) => a.members));
  for (const e of swarmEdges) {
    for (const id of [e.a, e.b]) {
      if (unitOf.has(id) || clustered.has(id)) continue;
      unitOf.set(id, units.length);
      units.push([id]);
    }
  }
  const parent = units.map((_, i) => i);
  const find = (x: number): number => {
    if (parent[x] !== x) parent[x] = find(parent[x]);
    return parent[x];
  };
  for (const e of swarmEdges) {
    const [ua, ub] = [unitOf.get(e.a), unitOf.get(e.b)];
    if (ua === undefined || ub === undefined) continue;
    const [x, y] = [find(ua), find(ub)];
    if (x !== y) parent[Math.max(x, y)] = Math.min(x, y);
  }
  const joined = new Map<number, number[]>();
  units.forEach((_, i) => {
    const parts = joined.get(find(i));
    if (parts) parts.push(i);
    else joined.set(find(i), [i]);
  });
  for (const parts of joined.values()) {
    const members = parts.flatMap((i) => units[i]).sort(compareIds);
    if (members.length < 2) continue;
    const named = parts.reduce((best, i) => (units[i].length > units[best].length || (units[i].length === units[best].length && compareIds(units[i][0], units[best][0]) < 0) ? i : best), parts[0]);
    kept.push({ representative: units[named][0], members });
  }
  return kept.sort((x, y) => compareIds(x.representative, y.representative));
}

/** The assignments with `extra[i]` added to cluster i (members kept in id order). */
function withExtraMembers(assignments: readonly ClusterAssignment[], extra: readonly string[][]): ClusterAssignment[] {
  return assignments.map((a, i) => (extra[i].length === 0 ? a : { representative: a.representative, members: [...a.members, ...extra[i]].sort(compareIds) }));
}

/**
 * A comment in no cluster whose account carried the component's comments into DRIP_MIN_THREADS
 * threads or more joins the cluster it shares most similarity edges with, when carriers posted at
 * least half of that cluster: average linkage leaves out the variants of a drip that are alike
 * to several small clusters but close enough to none.
 */
function attachCarried(assignments: ClusterAssignment[], edges: readonly SimilarityEdge[], byId: ReadonlyMap<string, MemberFacts>, carriers: ReadonlySet<string>): ClusterAssignment[] {
  if (carriers.size === 0) return assignments;
  const clusterOf = clusterIndex(assignments);
  const isCarried = (id: string) => {
    const author = byId.get(id)!.authorId;
    return author !== null && carriers.has(author);
  };
  const carriedCluster = assignments.map((a) => a.members.filter(isCarried).length * 2 >= a.members.length);
  const links = new Map<string, Map<number, number>>();
  for (const e of edges) {
    if (!isTextSimilarity(e)) continue;
    for (const [loose, member] of [
      [e.a, e.b],
      [e.b, e.a],
    ]) {
      const cluster = clusterOf.get(member);
      if (clusterOf.has(loose) || cluster === undefined || !carriedCluster[cluster] || !isCarried(loose)) continue;
      const counts = links.get(loose) ?? new Map<number, number>();
      counts.set(cluster, (counts.get(cluster) ?? 0) + 1);
      links.set(loose, counts);
    }
  }
  const extra = assignments.map(() => [] as string[]);
  for (const [loose, counts] of [...links].sort((x, y) => compareIds(x[0], y[0]))) {
    const [best] = [...counts].sort((x, y) => y[1] - x[1] || x[0] - y[0])[0];
    extra[best].push(loose);
  }
  return withExtraMembers(assignments, extra);
}

/** Clusters one component and scores each cluster: the whole decision for a set of connected comments. */
export function decideComponent(input: ComponentInput, settings: ScoringSettings = DEFAULT_SCORING): ComponentDecision {
  const byId = new Map(input.members.map((m) => [m.id, m]));
  const clustered = attachEchoes(joinSwarms(clusterGraph([...byId.keys()], input.edges), input.edges), input.edges);
  // Attaching carried comments adds only carriers' comments, so it leaves the carriers as they are.
  const carriers = dripCarriers(clustered.flatMap((a) => a.members.map((id) => byId.get(id)!)));
  const assignments = attachCarried(clustered, input.edges, byId, carriers);
  const clusterOf = clusterIndex(assignments);
  const numberOf = new Map([...byId.keys()].map((id, i) => [id, i]));
  const pairKey = (a: string, b: string) => {
    const [x, y] = [numberOf.get(a)!, numberOf.get(b)!];
    return x < y ? x * byId.size + y : y * byId.size + x;
  };
  // One pass over the edges: edges inside each cluster by kind, and which clusters share a similarity edge.
  const edgeKinds = assignments.map((): Partial<Record<EdgeKind, number>> => ({}));
  // A copied pair also gets a semantic edge (a copy means the same): it counts once, as a copy.
  const copied = new Set<number>();
  const paraphrased: SimilarityEdge[] = [];
  const linkedClusters = new Map<number, Set<number>>();
  for (const e of input.edges) {
    const [x, y] = [clusterOf.get(e.a), clusterOf.get(e.b)];
    if (e.kind === 'echo' || x === undefined || y === undefined) continue;
    if (x === y) {
      if (e.kind === 'semantic') paraphrased.push(e);
      else if (e.kind !== 'exact' && e.kind !== 'lexical') edgeKinds[x][e.kind] = (edgeKinds[x][e.kind] ?? 0) + 1;
      else {
        const before = copied.size;
        copied.add(pairKey(e.a, e.b));
        if (copied.size > before) edgeKinds[x][e.kind] = (edgeKinds[x][e.kind] ?? 0) + 1;
      }
      continue;
    }
    // Clusters are siblings by what their texts share, not by posting behaviour.
    if (!isTextSimilarity(e)) continue;
    for (const [from, to] of [
      [x, y],
      [y, x],
    ]) {
      if (!linkedClusters.has(from)) linkedClusters.set(from, new Set());
      linkedClusters.get(from)!.add(to);
    }
  }
  for (const e of paraphrased) {
    if (copied.has(pairKey(e.a, e.b))) continue;
    const x = clusterOf.get(e.a)!;
    edgeKinds[x].semantic = (edgeKinds[x].semantic ?? 0) + 1;
  }
  const facts = assignments.map((a, i): ClusterFacts => ({ members: a.members.map((id) => byId.get(id)!), edgeKinds: edgeKinds[i], threadSizes: input.threadSizes }));
  const first = assignments.map((a, i) => ({ representative: a.representative, members: a.members, ...scoreCluster(facts[i], settings) }));
  const flaggedNear = flaggedByThread(facts, first);
  const clusters = first.map((c, i) => {
    if (c.verdict !== 'clean') return c;
    const extra = [swarmSibling(i, facts, first, linkedClusters, flaggedNear) ?? mirroredSibling(i, facts, first, flaggedNear), dripNetwork(i, facts, linkedClusters, carriers)].filter(
      (e): e is Evidence => e !== null,
    );
    return extra.length > 0 ? { ...c, ...scoreCluster(facts[i], settings, extra) } : c;
  });
  return { clusters, unclustered: [...byId.keys()].filter((id) => !clusterOf.has(id)) };
}
