import { cosineIfBoth, GenerationalCache, memberFacts, type ComponentDecision, type ComponentInput, type DetectionPorts } from '@chorus/core';
import { addOutcome, attachMany, loadForDetection, lockingTransaction, markScored, neighbourClusters, parentComments, saveComponentDecision, saveCutDecision, threadSizes, withComponentLock, withSmallComponentsLock, type Attached, type DbTransaction, type DecisionOutcome, type Db, type DetectionRow, type LockedComponent, type PastLimit } from '@chorus/db';
import { planAttachments, RESCORE_GROWTH } from './attach-plan.js';
import type { OnDecided } from './decision-events.js';
import { detectionText } from '@chorus/contracts';
import { createBatchedReads, toRecord } from './batched-reads.js';
import { ReclusterRounds, type ReclusterMany, type ReclusterOne, type SettleFast } from './recluster-rounds.js';
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
  /** Told of what each decision changed once it committed (webhook events, verdict latency). */
  readonly onDecided?: OnDecided;
}

/** Default of ServicePortsOptions.settleAfterMs. */
export const SETTLE_AFTER_MS = 5000;

/** How long a round gathers requests before it starts: comments of a burst share one decision of their component. */
const ROUND_GATHER_MS = 100;

/** Most comments whose components one transaction decides together (reclusterMany). */
const SMALL_SEEDS = 32;

/** Most comments remembered as being in a component past the limit (two generations of this many: some 30 MB at most). */
const PAST_LIMIT_REMEMBERED = 200_000;

/** PastLimit in a two-generation cache: the older generation is forgotten when the newer fills (a component that shrank, by erasure, is walked again in time). */
function rememberPastLimit(): PastLimit {
  const remembered = new GenerationalCache<true>(PAST_LIMIT_REMEMBERED);
  return {
    has: (id) => remembered.has(id),
    add: (ids) => {
      for (const id of ids) remembered.get(id, () => true);
    },
  };
}

/** DetectionPorts that decide clusters on their own too (once a flood is over), until closed. */
export interface ServicePorts extends DetectionPorts {
  /** No more decisions of the process's own: pending ones are dropped, running ones end first. Call once the workers have stopped. */
  close(): Promise<void>;
}

/** The detection pipeline's ports on PostgreSQL (record, graph, clusters) and Redis (LSH buckets). */
export function createServicePorts(db: Db, index: RedisBucketIndex, options: ServicePortsOptions): ServicePorts {
  const pastLimit = rememberPastLimit();
  /** Per scope, the comments of its current round (set as the round settles) linked to a comment known to be past the limit. */
  const pastLimitNear = new Map<string, Set<string>>();
  type Decide = (input: ComponentInput) => ComponentDecision;
  /**
   * Decides locked components, each apart, reading what the decisions need once for all of them,
   * and saves them: a component cut at the limit with saveCutDecision, whole ones together (a
   * decision of disjoint components is saved as theirs one by one would be). `scoredAmong` picks
   * the comments scored with them.
   */
  const decideLocked = async (trx: DbTransaction, scope: string, components: readonly LockedComponent[], decide: Decide, scoredAmong: (nodes: readonly string[]) => string[]) => {
    const nodes = components.flatMap((c) => c.nodes);
    const rows = await loadForDetection(trx, nodes);
    const parents = await parentComments(trx, scope, rows.map((r) => r.parent_external_id).filter((p): p is string => p !== null));
    // Vectors serve the reply-to-parent similarity only: a reply's and its parent's (a member
    // replying to another member is also a parent: each vector is fetched once).
    const vectorIds = [...new Set(rows.flatMap((r) => {
      const parent = r.parent_external_id ? parents.get(r.parent_external_id) : undefined;
      return parent ? [r.id, parent.id] : [];
    }))];
    // Independent reads (PostgreSQL, Redis) run together: the lock is held for less time.
    const [sizes, vectors] = await Promise.all([
      threadSizes(trx, scope, rows.map((r) => r.thread_id)),
      options.loadVectors ? options.loadVectors(scope, vectorIds) : new Map<string, Float32Array>(),
    ]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    // Each component's rows, in the order they were read.
    const partOf = new Map(components.flatMap((c, i) => c.nodes.map((n) => [n, i] as const)));
    const rowsOf = components.map((): DetectionRow[] => []);
    for (const r of rows) rowsOf[partOf.get(r.id)!].push(r);
    const clusters = components.flatMap((component, i) => {
      const decision = decide({
        members: rowsOf[i].map((r) => {
          const parent = r.parent_external_id ? parents.get(r.parent_external_id) : undefined;
          const mine = vectors.get(r.id);
          const theirs = parent ? vectors.get(parent.id) : undefined;
          return memberFacts(toRecord(r), parent ? detectionText(parent.text) : null, cosineIfBoth(mine, theirs));
        }),
        edges: component.edges,
        threadSizes: sizes,
      });
      return decision.clusters.map((c) => {
        const members = c.members.map((m) => byId.get(m)!);
        return {
          ...c,
          accountCount: new Set(members.map((m) => m.account_id).filter((a) => a !== null)).size,
          threadCount: new Set(members.map((m) => m.thread_id)).size,
        };
      });
    });
    const scored = scoredAmong(nodes);
    if (components.length === 1 && components[0].cut) return saveCutDecision(trx, scope, components[0], clusters, scored, options.now());
    const whole: LockedComponent = {
      nodes,
      edges: components.flatMap((c) => c.edges),
      clusterOf: new Map(components.flatMap((c) => [...c.clusterOf])),
      pending: new Set(components.flatMap((c) => [...c.pending])),
      cut: false,
    };
    return (await saveComponentDecision(trx, scope, whole, clusters, scored, options.now())).outcome;
  };
  /**
   * Reclusters one component under its own lock (not the tenant's: other workers recluster other
   * components meanwhile) and returns its comments. The requested comments inside it are scored
   * with it: each asked for reclustering after its own edges were stored. A component larger than
   * the limit is cut to the neighbourhood nearest the comment, and that neighbourhood's requested
   * comments are scored with it too.
   */
  const reclusterOne: ReclusterOne<Decide> = async (scope, id, decide, requested, covered) => {
    // Past the limit, the round's other comments linked into a component past it are decided alongside.
    const near = pastLimitNear.get(scope) ?? new Set<string>();
    const alongside = [...near].filter((n) => n !== id && !covered.has(n));
    const decided = await withComponentLock(
      db,
      scope,
      id,
      options.componentLimit,
      async (trx, component) => ({
        nodes: component.nodes,
        outcome: await decideLocked(trx, scope, [component], decide, (nodes) => nodes.filter((n) => n === id || requested.has(n))),
      }),
      { pastLimit, alongside, past: near.has(id) },
    );
    // Committed: now it may be told.
    await options.onDecided?.(scope, decided.outcome);
    return decided.nodes;
  };
  /**
   * Decides the round's small components together, SMALL_SEEDS comments' at a time (a group that
   * reaches the component limit together is halved, down to one comment: that one is past the
   * limit, and reclusterOne cuts it). Comments known to be linked into a component past the limit
   * are left to reclusterOne at once.
   */
  const reclusterMany: ReclusterMany<Decide> = async (scope, ids, decide, requested) => {
    const near = pastLimitNear.get(scope);
    const decided: string[] = [];
    const tryGroup = async (seeds: readonly string[]): Promise<void> => {
      const result = await withSmallComponentsLock(db, scope, seeds, options.componentLimit, async (trx, components) => ({
        nodes: components.flatMap((c) => c.nodes),
        outcome: await decideLocked(trx, scope, components, decide, (nodes) => nodes.filter((n) => requested.has(n))),
      }), pastLimit);
      if (result !== null) {
        await options.onDecided?.(scope, result.outcome);
        decided.push(...result.nodes);
      } else if (seeds.length > 1) {
        const half = Math.ceil(seeds.length / 2);
        await tryGroup(seeds.slice(0, half));
        await tryGroup(seeds.slice(half));
      }
    };
    const seeds = ids.filter((id) => !near?.has(id) && !pastLimit.has(id));
    for (let i = 0; i < seeds.length; i += SMALL_SEEDS) await tryGroup(seeds.slice(i, i + SMALL_SEEDS));
    return decided;
  };
  /** Per cluster that members joined without a full decision: the timer of its decision once the flood is over. */
  const quiet = new Map<string, NodeJS.Timeout>();
  /** Each tenant's latest decision function (its thresholds), for the decisions the process asks for itself. */
  const decideFor = new Map<string, Decide>();
  let closed = false;
  const decideWhenQuiet = (scope: string, clusterId: string, member: string) => {
    if (closed) return;
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
    // One read of every requested comment's edges: those with none are lone, the rest may attach.
    const neighbours = await neighbourClusters(db, ids);
    const linked = new Set(neighbours.map((n) => n.id));
    const settled = new Set(ids.filter((id) => !linked.has(id)));
    pastLimitNear.set(scope, new Set(neighbours.filter((n) => pastLimit.has(n.other) || pastLimit.has(n.id)).map((n) => n.id)));
    const outcome: DecisionOutcome = { clusters: [], scored: await markScored(db, [...settled], now) };
    const again: string[] = [];
    const plan = [...planAttachments(ids.filter((id) => linked.has(id)), neighbours)];
    // One transaction attaches them all (the clusters locked in id order, then the comments).
    const attachedTo = plan.length === 0 ? new Map<string, Attached>() : await lockingTransaction(db, (trx) => attachMany(trx, plan.map(([clusterId, joining]) => ({ clusterId, ids: joining })), now));
    for (const [clusterId] of plan) {
      const attached = attachedTo.get(clusterId);
      if (!attached) continue;
      addOutcome(outcome, attached.outcome);
      if (attached.ids.length === 0) continue;
      for (const id of attached.ids) settled.add(id);
      // Past the component limit a full decision would see only part of the cluster: it keeps its last one.
      if (attached.size >= options.componentLimit) continue;
      if (attached.size > attached.decidedSize * RESCORE_GROWTH) again.push(attached.ids[0]);
      else decideWhenQuiet(scope, clusterId, attached.ids[0]);
    }
    await options.onDecided?.(scope, outcome);
    return { settled, again };
  };
  const rounds = new ReclusterRounds<Decide>(reclusterOne, { settle, many: reclusterMany, gatherMs: ROUND_GATHER_MS });
  return {
    ...createBatchedReads(db, { exactLimit: options.exactLimit }),
    lexicalCandidates: (scope, id, keys) => index.addAndQuery(scope, id, keys),
    recluster: (scope, id, decide) => {
      decideFor.set(scope, decide);
      return rounds.request(scope, id, decide);
    },
    async close() {
      closed = true;
      for (const timer of quiet.values()) clearTimeout(timer);
      quiet.clear();
      await rounds.idle();
    },
  };
}
