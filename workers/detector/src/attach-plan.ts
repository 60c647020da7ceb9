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
 * Of the requested comments, those whose every similarity edge leads into one cluster of
 * ATTACH_MIN_SIZE or more, to other requested comments joining the same cluster, or to comments
 * whose own detection is still to finish (they join or decide in full when their turn comes, and
 * see these members then): by cluster. Any edge to another cluster, to a settled comment in no
 * cluster, or to a requested comment that does not join the same cluster, means the comment may
 * change how the component clusters: it is decided in full.
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
  // A comment joining through another requested comment joins only if that one joins the same cluster.
  for (let changed = true; changed; ) {
    changed = false;
    for (const [id, cluster] of target) {
      const ok = edgesOf.get(id)!.every((e) => e.otherCluster !== null || (wanted.has(e.other) ? target.get(e.other) === cluster : e.otherPending));
      if (!ok) {
        target.delete(id);
        changed = true;
      }
    }
  }
  const byCluster = new Map<string, string[]>();
  for (const [id, cluster] of target) {
    const list = byCluster.get(cluster);
    if (list) list.push(id);
    else byCluster.set(cluster, [id]);
  }
  return byCluster;
}
