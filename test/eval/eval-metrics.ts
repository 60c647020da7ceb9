// Quality figures against the generator's labels, as additive tallies so that corpora can be summed
// before ratios are taken. Same definitions as the analyzer's evaluate(): a comment is flagged when
// its verdict is suspect or coordinated; precision and recall are over campaign comments.
import type { LabeledRecord } from './eval-records.js';

export const CAMPAIGN_TYPES = ['copypasta', 'mailmerge', 'paraphrase', 'echo', 'drip'] as const;

export interface Counts {
  total: number;
  flagged: number;
}

export interface Tally {
  /** Organic comments, and how many of them were flagged. */
  readonly organic: Counts;
  /** Campaign comments per type. */
  readonly comments: Record<string, Counts>;
  /** Campaigns per type; "flagged" here means at least half of the campaign's members were flagged. */
  readonly campaigns: Record<string, Counts>;
  /** Flagged clusters, and how many of them are mostly organic. */
  readonly flaggedClusters: Counts;
}

export interface TypeQuality {
  readonly comments: number;
  readonly flagged: number;
  readonly recall: number;
  readonly campaigns: number;
  readonly campaignsDetected: number;
  readonly campaignDetectionRate: number;
}

export interface Quality {
  readonly comments: number;
  readonly organic: { readonly comments: number; readonly flagged: number; readonly falsePositiveRate: number };
  readonly campaign: { readonly comments: number; readonly flagged: number; readonly recall: number };
  readonly precision: number;
  readonly byType: Readonly<Record<string, TypeQuality>>;
  /** Flagged clusters; "mostlyOrganic" counts those whose members are more than half organic. */
  readonly flaggedClusters: { readonly total: number; readonly mostlyOrganic: number };
}

/** What the figures read of an analysis: the analyzer's result, or the `--out` document of `chorus analyze`. */
export interface VerdictSource {
  readonly verdicts: ReadonlyMap<string, { readonly verdict: string }>;
  readonly clusters: readonly { readonly verdict: string; readonly members: readonly string[] }[];
}

export const isFlagged = (result: VerdictSource, id: string): boolean => (result.verdicts.get(id)?.verdict ?? 'clean') !== 'clean';
export const typeOfLabel = (label: string): string => (label.startsWith('campaign:') ? label.split(':')[1] : label);
const ratio = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 10000) / 10000);
const bump = (into: Record<string, Counts>, key: string, flagged: boolean) => {
  const c = (into[key] ??= { total: 0, flagged: 0 });
  c.total++;
  if (flagged) c.flagged++;
};

/** Counts one analyzed corpus. */
export function tally(records: readonly LabeledRecord[], result: VerdictSource): Tally {
  const t: Tally = { organic: { total: 0, flagged: 0 }, comments: {}, campaigns: {}, flaggedClusters: { total: 0, flagged: 0 } };
  const byCampaign = new Map<string, Counts>();
  const labelOf = new Map<string, string>();
  for (const r of records) {
    labelOf.set(r.id, r.label);
    const flagged = isFlagged(result, r.id);
    if (r.label === 'organic') {
      t.organic.total++;
      if (flagged) t.organic.flagged++;
      continue;
    }
    bump(t.comments, typeOfLabel(r.label), flagged);
    const c = byCampaign.get(r.label) ?? { total: 0, flagged: 0 };
    c.total++;
    if (flagged) c.flagged++;
    byCampaign.set(r.label, c);
  }
  for (const [label, c] of byCampaign) bump(t.campaigns, typeOfLabel(label), c.flagged * 2 >= c.total);
  for (const cluster of result.clusters) {
    if (cluster.verdict === 'clean') continue;
    const organic = cluster.members.filter((m) => labelOf.get(m) === 'organic').length;
    t.flaggedClusters.total++;
    if (organic * 2 > cluster.members.length) t.flaggedClusters.flagged++;
  }
  return t;
}

/** Sums tallies of several corpora. */
export function sumTallies(tallies: readonly Tally[]): Tally {
  const out: Tally = { organic: { total: 0, flagged: 0 }, comments: {}, campaigns: {}, flaggedClusters: { total: 0, flagged: 0 } };
  const add = (into: Counts, c: Counts) => {
    into.total += c.total;
    into.flagged += c.flagged;
  };
  for (const t of tallies) {
    add(out.organic, t.organic);
    add(out.flaggedClusters, t.flaggedClusters);
    for (const [k, c] of Object.entries(t.comments)) add((out.comments[k] ??= { total: 0, flagged: 0 }), c);
    for (const [k, c] of Object.entries(t.campaigns)) add((out.campaigns[k] ??= { total: 0, flagged: 0 }), c);
  }
  return out;
}

/** Ratios from a tally (rounded to 4 decimals). */
export function quality(t: Tally): Quality {
  const types = [...new Set([...CAMPAIGN_TYPES, ...Object.keys(t.comments)])].filter((k) => t.comments[k]);
  const byType: Record<string, TypeQuality> = {};
  let positives = 0;
  let truePositives = 0;
  for (const k of types) {
    const c = t.comments[k];
    const camp = t.campaigns[k] ?? { total: 0, flagged: 0 };
    positives += c.total;
    truePositives += c.flagged;
    byType[k] = { comments: c.total, flagged: c.flagged, recall: ratio(c.flagged, c.total), campaigns: camp.total, campaignsDetected: camp.flagged, campaignDetectionRate: ratio(camp.flagged, camp.total) };
  }
  return {
    comments: positives + t.organic.total,
    organic: { comments: t.organic.total, flagged: t.organic.flagged, falsePositiveRate: ratio(t.organic.flagged, t.organic.total) },
    campaign: { comments: positives, flagged: truePositives, recall: ratio(truePositives, positives) },
    precision: ratio(truePositives, truePositives + t.organic.flagged),
    byType,
    flaggedClusters: { total: t.flaggedClusters.total, mostlyOrganic: t.flaggedClusters.flagged },
  };
}
