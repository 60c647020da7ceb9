import type { NeighbourRow } from '@chorus/db';

// A flood is thousands of copies and near-copies of one text: each new one is linked only to
// comments of one cluster that is already large, and deciding that cluster's whole component
// again for every new member made the thousandth copy cost a thousand times the first. Such a
// comment is attached to the cluster instead (its aggregates grow, its verdict is the cluster's),
// and the cluster is decided in full again once it has grown by RESCORE_GROWTH since its last full
// decision (so the full decisions cost a bounded share of the attachments, and the figures a
// moderator reads lag the cluster by at most that share), and once more when the flood is over.

/** Smallest cluster that new comments join without a full decision: below it, deciding again is cheap and exact. */
export const ATTACH_MIN_SIZE = 50;
/** A cluster is decided in full again once it has this many times the members of its last full decision. */
export const RESCORE_GROWTH = 1.25;

/**
 * Of the requested comments, those that join one cluster of ATTACH_MIN_SIZE or more without a
 * full decision, by cluster: a comment whose every similarity edge leads into that cluster, to
 * other requested comments, or to comments whose own detection is still to finish (they join or
 * decide in full when their turn comes, and see these members then); and a comment linked to no
 * cluster at all, whose requested neighbours that join a cluster all join that one (a flood's
 * copies of one round link to each other first: the fifty latest copies of a text are mostly
 * still arriving). An edge to another cluster or to a settled comment in no cluster means the
 * comment may change how the component clusters: it is decided in full, and so is a comment
 * linked to requested comments joining two clusters. A requested neighbour that joins nothing
 * stops no one: it is decided in full in the same round, after the attachments, and that decision
 * places the comments attached beside it too.
 */
export function planAttachments(requested: readonly string[], neighbours: readonly NeighbourRow[], minSize = ATTACH_MIN_SIZE): Map<string, string[]> {
  const wanted = new Set(requested);
  const edgesOf = new Map<string, NeighbourRow[]>();
  for (const n of neighbours) {
    if (!wanted.has(n.id)) continue;
    const list = edgesOf.get(n.id);
    if (list) list.push(n);
    else edgesOf.set(n.id, [n]);
  }
  const target = new Map<string, string>();
  for (const [id, edges] of edgesOf) {
    const clusters = new Set(edges.filter((e) => e.otherCluster !== null).map((e) => e.otherCluster!));
    if (clusters.size !== 1) continue;
    const [cluster] = clusters;
    const big = edges.some((e) => e.otherCluster === cluster && (e.otherClusterSize ?? 0) >= minSize);
    if (big && edges.every((e) => e.otherCluster !== null || wanted.has(e.other) || e.otherPending)) target.set(id, cluster);
  }
  // Through the round: linked to no cluster, only to requested comments and comments still arriving.
  const throughRound = [...edgesOf].filter(([id, edges]) => !target.has(id) && edges.every((e) => e.otherCluster === null && (wanted.has(e.other) || e.otherPending)));
  for (let changed = true; changed; ) {
    changed = false;
    for (const [id, edges] of throughRound) {
      if (target.has(id)) continue;
      const via = new Set(edges.flatMap((e) => target.get(e.other) ?? []));
      if (via.size !== 1) continue;
      target.set(id, [...via][0]);
      changed = true;
    }
  }
  // Between two clusters joining: decided in full (both ends, at once: neither waits on the other).
  const between = [...target].filter(([id, cluster]) => edgesOf.get(id)!.some((e) => target.has(e.other) && target.get(e.other) !== cluster));
  for (const [id] of between) target.delete(id);
  const byCluster = new Map<string, string[]>();
  for (const [id, cluster] of target) {
    const list = byCluster.get(cluster);
    if (list) list.push(id);
    else byCluster.set(cluster, [id]);
  }
  return byCluster;
}
