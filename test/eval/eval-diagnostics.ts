// What to look at when tuning: the flagged clusters that hold organic comments, and the campaign
// comments the detector missed with the reason (no similarity edge at all, linked but left out of
// every cluster, or in a cluster that scored clean).
import { isTextSimilarity, voiceOf, type MemoryCluster } from '@chorus/core';
import type { AnalyzedCorpus } from './eval-analyzer.js';
import { isFlagged, typeOfLabel } from './eval-metrics.js';
import type { LabeledRecord } from './eval-records.js';

export interface MemberSample {
  readonly id: string;
  readonly authorId: string | null;
  readonly label: string;
  /** The first 100 characters, whitespace collapsed. */
  readonly text: string;
}

export interface ClusterSample {
  readonly corpus: string;
  readonly id: string;
  readonly verdict: string;
  readonly score: number;
  readonly size: number;
  readonly accounts: number;
  readonly threads: number;
  /** Members per label type ("organic", "copypasta", ...). */
  readonly composition: Readonly<Record<string, number>>;
  readonly reasons: readonly string[];
  /** The signal names of the reasons, in the same order. */
  readonly signals: readonly string[];
  readonly samples: readonly MemberSample[];
}

export type MissCause = 'no-edge' | 'unclustered' | 'clean-cluster';

export interface MissedMember {
  readonly corpus: string;
  readonly type: string;
  readonly member: MemberSample;
  readonly cause: MissCause;
  /** Size of the similarity component the comment sits in (1 when it has no edge). */
  readonly componentSize: number;
  /** For "clean-cluster": the cluster that scored under the suspect threshold. */
  readonly cluster: { readonly id: string; readonly score: number; readonly size: number; readonly sameCampaign: number; readonly organic: number; readonly reasons: readonly string[] } | null;
}

/** MemoryPorts' default bound on a similarity component (its breadth-first search stops there). */
export const COMPONENT_LIMIT = 2000;

export interface ComponentCensus {
  /** Similarity components with at least one edge (searches, when a component exceeds the bound). */
  readonly linked: number;
  readonly largest: number;
  /** Breadth-first searches that stopped at the bound (a component bigger than it takes several,
   * overlapping), and the comments first reached by one: clustering sees only part of their component. */
  readonly atLimit: number;
  readonly commentsAtLimit: number;
}

/**
 * How often organic comments say what another account's comment says (a text-similarity edge
 * between them): in another thread, and in the same thread. Readers of real threads rarely
 * repeat one another across threads; text similarity across threads is only evidence as long as
 * the generated organic comments are as rare to repeat as real ones.
 */
export interface OrganicRepetition {
  readonly organic: number;
  readonly repeatedInOtherThreads: number;
  readonly repeatedInSameThread: number;
}

export interface CorpusDiagnostics {
  readonly components: ComponentCensus;
  readonly organicRepetition: OrganicRepetition;
  /** Flagged clusters with at least one organic member. */
  readonly falsePositiveClusters: readonly ClusterSample[];
  readonly missed: readonly MissedMember[];
}

const snippet = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 100);
const sample = (r: LabeledRecord): MemberSample => ({ id: r.id, authorId: r.authorId, label: r.label, text: snippet(r.text) });

function clusterSample(corpus: string, c: MemoryCluster, byId: ReadonlyMap<string, LabeledRecord>, prefer: (r: LabeledRecord) => boolean): ClusterSample {
  const members = c.members.map((m) => byId.get(m)!);
  const composition: Record<string, number> = {};
  for (const m of members) composition[typeOfLabel(m.label)] = (composition[typeOfLabel(m.label)] ?? 0) + 1;
  const ordered = [...members.filter(prefer), ...members.filter((m) => !prefer(m))];
  return {
    corpus,
    id: c.id,
    verdict: c.verdict,
    score: c.score,
    size: members.length,
    accounts: new Set(members.map((m) => m.authorId).filter((a) => a !== null)).size,
    threads: new Set(members.map((m) => m.threadId)).size,
    composition,
    reasons: c.reasons.map((r) => r.text),
    signals: c.reasons.map((r) => r.signal),
    samples: ordered.slice(0, 2).map(sample),
  };
}

/** False-positive clusters and missed campaign members of one labeled corpus. */
export function diagnoseCorpus(corpus: string, records: readonly LabeledRecord[], analyzed: AnalyzedCorpus): CorpusDiagnostics {
  const { result, ports } = analyzed;
  const byId = new Map(records.map((r) => [r.id, r]));
  const clusters = new Map(result.clusters.map((c) => [c.id, c]));
  const isOrganic = (r: LabeledRecord) => r.label === 'organic';
  const falsePositiveClusters = result.clusters
    .filter((c) => c.verdict !== 'clean' && c.members.some((m) => byId.get(m)?.label === 'organic'))
    .map((c) => clusterSample(corpus, c, byId, isOrganic));
  // One breadth-first search per component (as analyzeCorpus walks them), remembered for every node.
  const componentSize = new Map<string, number>();
  const census = { linked: 0, largest: 1, atLimit: 0, commentsAtLimit: 0 };
  const elsewhere = new Set<string>();
  const here = new Set<string>();
  for (const r of records) {
    if (componentSize.has(r.id)) continue;
    const { nodes, edges } = ports.component(r.id);
    for (const e of edges) {
      const [a, b] = [byId.get(e.a), byId.get(e.b)];
      if (!a || !b || !isTextSimilarity(e) || voiceOf(a) === voiceOf(b)) continue;
      const seen = a.threadId === b.threadId ? here : elsewhere;
      for (const x of [a, b]) if (isOrganic(x)) seen.add(x.id);
    }
    for (const n of nodes) {
      if (componentSize.has(n)) continue;
      componentSize.set(n, nodes.length);
      if (nodes.length >= COMPONENT_LIMIT) census.commentsAtLimit++;
    }
    if (nodes.length > 1) census.linked++;
    census.largest = Math.max(census.largest, nodes.length);
    if (nodes.length >= COMPONENT_LIMIT) census.atLimit++;
  }
  const missed: MissedMember[] = [];
  for (const r of records) {
    if (r.label === 'organic' || isFlagged(result, r.id)) continue;
    const clusterId = result.verdicts.get(r.id)?.clusterId ?? null;
    const size = componentSize.get(r.id) ?? 1;
    const c = clusterId === null ? undefined : clusters.get(clusterId);
    const members = c ? c.members.map((m) => byId.get(m)!) : [];
    missed.push({
      corpus,
      type: typeOfLabel(r.label),
      member: sample(r),
      cause: c ? 'clean-cluster' : size > 1 ? 'unclustered' : 'no-edge',
      componentSize: size,
      cluster: c
        ? { id: c.id, score: c.score, size: c.members.length, sameCampaign: members.filter((m) => m.label === r.label).length, organic: members.filter(isOrganic).length, reasons: c.reasons.map((x) => x.text) }
        : null,
    });
  }
  const organicRepetition = { organic: records.filter(isOrganic).length, repeatedInOtherThreads: elsewhere.size, repeatedInSameThread: here.size };
  return { components: census, organicRepetition, falsePositiveClusters, missed };
}

const organicCount = (c: ClusterSample) => c.composition.organic ?? 0;

/** The largest false-positive clusters: most organic members first, then size. */
export function largestFalsePositives(all: readonly ClusterSample[], n: number): ClusterSample[] {
  return [...all].sort((a, b) => organicCount(b) - organicCount(a) || b.size - a.size || b.score - a.score).slice(0, n);
}

export interface FalsePositiveProfile {
  /** The cluster's signals, sorted and joined with "+". */
  readonly signals: string;
  readonly clusters: number;
  /** Of those, clusters with no campaign member at all. */
  readonly allOrganic: number;
  readonly organicMembers: number;
}

/** Every false-positive cluster grouped by the signals that scored it: which evidence organic talk trips. */
export function profileFalsePositives(all: readonly ClusterSample[]): FalsePositiveProfile[] {
  const rows = new Map<string, { signals: string; clusters: number; allOrganic: number; organicMembers: number }>();
  for (const c of all) {
    const key = [...c.signals].sort().join('+');
    const row = rows.get(key) ?? { signals: key, clusters: 0, allOrganic: 0, organicMembers: 0 };
    row.clusters++;
    if (organicCount(c) === c.size) row.allOrganic++;
    row.organicMembers += organicCount(c);
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => b.organicMembers - a.organicMembers || a.signals.localeCompare(b.signals));
}

export interface MissSummary {
  readonly missed: number;
  readonly byCause: Readonly<Record<MissCause, number>>;
  /** Up to n examples, taken round-robin over the campaigns with the most misses so they differ. */
  readonly examples: readonly MissedMember[];
}

/** Misses per campaign type: counts by cause and a few varied examples. */
export function summarizeMisses(all: readonly MissedMember[], types: readonly string[], n: number): Record<string, MissSummary> {
  const out: Record<string, MissSummary> = {};
  for (const type of types) {
    const mine = all.filter((m) => m.type === type);
    const byCause: Record<MissCause, number> = { 'no-edge': 0, unclustered: 0, 'clean-cluster': 0 };
    mine.forEach((m) => byCause[m.cause]++);
    const byCampaign = new Map<string, MissedMember[]>();
    for (const m of mine) {
      const key = `${m.corpus}\u0000${m.member.label}`;
      byCampaign.set(key, [...(byCampaign.get(key) ?? []), m]);
    }
    const queues = [...byCampaign.values()].sort((a, b) => b.length - a.length);
    const examples: MissedMember[] = [];
    for (let round = 0; examples.length < n && queues.some((q) => q.length > round); round++) {
      for (const q of queues) if (q[round] && examples.length < n) examples.push(q[round]);
    }
    out[type] = { missed: mine.length, byCause, examples };
  }
  return out;
}

/** The highest-scoring flagged clusters of an all-organic corpus, with two members each. */
export function topFlaggedClusters(corpus: string, records: readonly LabeledRecord[], analyzed: AnalyzedCorpus, n: number): ClusterSample[] {
  const byId = new Map(records.map((r) => [r.id, r]));
  return analyzed.result.clusters
    .filter((c) => c.verdict !== 'clean')
    .sort((a, b) => b.score - a.score || b.members.length - a.members.length || a.id.localeCompare(b.id))
    .slice(0, n)
    .map((c) => clusterSample(corpus, c, byId, () => true));
}
