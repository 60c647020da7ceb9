import { cosineIfBoth, memberFacts, type ComponentDecision, type ComponentInput, type DetectionPorts } from '@chorus/core';
import { attachToCluster, attachWithin, loadForDetection, neighbourClusters, parentComments, saveComponentDecision, settleUnlinked, threadSizes, withComponentLock, type ClusterWrite, type Db, type DbTransaction, type LockedComponent } from '@chorus/db';
import { groupsSharingComponents, planAttachments, RESCORE_GROWTH } from './attach-plan.js';
import { createBatchedReads, toRecord } from './batched-reads.js';
import { ReclusterRounds, type ReclusterOne, type SettleFast } from './recluster-rounds.js';
import type { RedisBucketIndex } from './redis-bucket-index.js';

export interface ServicePortsOptions {
  /** Largest component reclustered at once; beyond it the neighbourhood nearest the comment is used. */
  readonly componentLimit: number;
  /** Most exact copies linked to a new comment (the group stays connected through them). */
  readonly exactLimit: number;
  readonly now: () => Date;
  /** Comparable vectors by comment id, when the semantic stage runs (for reply-to-parent similarity). */
  readonly loadVectors?: (scope: string, ids: readonly string[]) => Promise<Map<string, Float32Array>>;
  /** A cluster that members joined without a full decision is decided in full once none has joined for this long. */
  readonly settleAfterMs?: number;
}

/** Default of ServicePortsOptions.settleAfterMs. */
export const SETTLE_AFTER_MS = 5000;

/**
 * Components of one round reclustered at once by a process (each under its own lock). One: comments
 * reaching one large component by different paths are not known to share it until it is loaded,
 * and three lanes loaded it up to three times a round (generated 3,000 with the model: 63 -> 119/s).
 */
const RECLUSTER_LANES = 1;
/** How long a round gathers requests before it starts: comments of a burst share one decision of their component. */
const ROUND_GATHER_MS = 100;

/**
 * Saves what a decision of a component cut at the limit says about the comments it scores, and
 * nothing else: it saw only part of the clusters it names, so it must not shrink them. A scored
 * comment joins the stored cluster most of its decided cluster's members are in (or, when they are
 * in none, the decided cluster is stored as new); one decided into no cluster is scored as it is.
 */
async function saveCutDecision(trx: DbTransaction, scope: string, component: LockedComponent, clusters: readonly ClusterWrite[], scored: readonly string[], now: Date): Promise<void> {
  const toScore = new Set(scored);
  for (const c of clusters) {
    const mine = c.members.filter((m) => toScore.has(m));
    if (mine.length === 0) continue;
    const votes = new Map<string, number>();
    for (const m of c.members) {
      const current = component.clusterOf.get(m);
      if (current) votes.set(current, (votes.get(current) ?? 0) + 1);
    }
    const [stored] = [...votes].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
    if (stored) await attachWithin(trx, stored[0], mine, now);
    else {
      const members = new Set(c.members);
      await saveComponentDecision(trx, scope, { ...component, nodes: c.members, edges: component.edges.filter((e) => members.has(e.a) && members.has(e.b)) }, [c], mine, now);
    }
    for (const m of mine) toScore.delete(m);
  }
  if (toScore.size > 0) await trx.updateTable('comments').set({ status: 'scored', scored_at: now }).where('id', 'in', [...toScore]).where('status', '=', 'pending').execute();
}

/** The detection pipeline's ports on PostgreSQL (record, graph, clusters) and Redis (LSH buckets). */
export function createServicePorts(db: Db, index: RedisBucketIndex, options: ServicePortsOptions): DetectionPorts {
  /**
   * Reclusters one component under its own lock (not the tenant's: other workers recluster other
   * components meanwhile) and returns its comments. The requested comments inside it are scored
   * with it: each asked for reclustering after its own edges were stored. A component larger than
   * the limit is cut to the neighbourhood nearest the comment, and that neighbourhood's requested
   * comments are scored with it too.
   */
  const reclusterOne: ReclusterOne<(input: ComponentInput) => ComponentDecision> = (scope, id, decide, requested) =>
    withComponentLock(db, id, options.componentLimit, async (trx, component) => {
      const rows = await loadForDetection(trx, component.nodes);
      const parents = await parentComments(trx, scope, rows.map((r) => r.parent_external_id).filter((p): p is string => p !== null));
      // A member replying to another member is also a parent: fetch each vector once.
      const vectorIds = [...new Set([...rows.map((r) => r.id), ...[...parents.values()].map((p) => p.id)])];
      // Independent reads (PostgreSQL, Redis) run together: the lock is held for less time.
      const [sizes, vectors] = await Promise.all([
        threadSizes(trx, scope, rows.map((r) => r.thread_id)),
        options.loadVectors ? options.loadVectors(scope, vectorIds) : new Map<string, Float32Array>(),
      ]);
      const decision = decide({
        members: rows.map((r) => {
          const parent = r.parent_external_id ? parents.get(r.parent_external_id) : undefined;
          const mine = vectors.get(r.id);
          const theirs = parent ? vectors.get(parent.id) : undefined;
          return memberFacts(toRecord(r), parent?.text ?? null, cosineIfBoth(mine, theirs));
        }),
        edges: component.edges,
        threadSizes: sizes,
      });
      const byId = new Map(rows.map((r) => [r.id, r]));
      const clusters = decision.clusters.map((c) => {
        const members = c.members.map((m) => byId.get(m)!);
        return {
          ...c,
          accountCount: new Set(members.map((m) => m.account_id).filter((a) => a !== null)).size,
          threadCount: new Set(members.map((m) => m.thread_id)).size,
        };
      });
      const scored = component.nodes.filter((n) => n === id || requested.has(n));
      if (component.nodes.length < options.componentLimit) await saveComponentDecision(trx, scope, component, clusters, scored, options.now());
      else await saveCutDecision(trx, scope, component, clusters, scored, options.now());
      return component.nodes;
    });
  type Decide = (input: ComponentInput) => ComponentDecision;
  /** Per cluster that members joined without a full decision: the timer of its decision once the flood is over. */
  const quiet = new Map<string, NodeJS.Timeout>();
  /** Each tenant's latest decision function (its thresholds), for the decisions the process asks for itself. */
  const decideFor = new Map<string, Decide>();
  const decideWhenQuiet = (scope: string, clusterId: string, member: string) => {
    clearTimeout(quiet.get(clusterId));
    const timer = setTimeout(() => {
      quiet.delete(clusterId);
      // Best effort: a worker that stops first leaves the cluster as its last full decision plus members attached since.
      const decide = decideFor.get(scope);
      if (decide) rounds.request(scope, member, decide, true).catch(() => undefined);
    }, options.settleAfterMs ?? SETTLE_AFTER_MS);
    timer.unref();
    quiet.set(clusterId, timer);
  };
  const settle: SettleFast = async (scope, ids) => {
    const now = options.now();
    const settled = new Set(await settleUnlinked(db, ids, now));
    const linked = ids.filter((id) => !settled.has(id));
    const again: string[] = [];
    const neighbours = await neighbourClusters(db, linked);
    const plan = planAttachments(linked, neighbours);
    for (const [clusterId, joining] of plan) {
      const attached = await attachToCluster(db, clusterId, joining, now);
      if (!attached || attached.ids.length === 0) continue;
      for (const id of attached.ids) settled.add(id);
      // Past the component limit a full decision would see only part of the cluster: it keeps its last one.
      if (attached.size >= options.componentLimit) continue;
      if (attached.size > attached.decidedSize * RESCORE_GROWTH) again.push(attached.ids[0]);
      else decideWhenQuiet(scope, clusterId, attached.ids[0]);
    }
    const rest = linked.filter((id) => !settled.has(id));
    const groups = groupsSharingComponents(rest, neighbours);
    return { settled, again, groups };
  };
  const rounds = new ReclusterRounds<Decide>(reclusterOne, { settle, parallel: RECLUSTER_LANES, gatherMs: ROUND_GATHER_MS });
  return {
    ...createBatchedReads(db, { exactLimit: options.exactLimit }),
    lexicalCandidates: (scope, id, keys) => index.addAndQuery(scope, id, keys),
    recluster: (scope, id, decide) => {
      decideFor.set(scope, decide);
      return rounds.request(scope, id, decide);
    },
  };
}
