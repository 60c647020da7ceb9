// Unseen seeds, one corpus each: sums hide a seed where a campaign type collapses, so the figures
// here are the minimum and the median over seeds, per campaign type, beside the summed tables.
import { CAMPAIGN_TYPES, type Quality } from './eval-metrics.js';

/** Seeds 13..40 at 40 threads: never tuned on (issue 13). */
export const UNSEEN_SEEDS: readonly number[] = Array.from({ length: 28 }, (_, i) => 13 + i);
export const UNSEEN_THREADS = 40;
/** The target for the paraphrase minimum over unseen seeds. */
export const PARAPHRASE_MIN_RECALL_TARGET = 0.8;

export interface SeedRow {
  readonly seed: number;
  readonly threads: number;
  readonly comments: number;
  readonly analyzeSeconds: number;
  readonly quality: Quality;
}

export interface Spread {
  readonly min: number;
  /** The seed where the minimum is reached (the first, when several). */
  readonly minSeed: number;
  readonly median: number;
  readonly max: number;
}

export interface SeedSpread {
  /** Which seeds ran, as the EVAL_SEEDS value that selects them. */
  readonly selection: string;
  readonly threads: number;
  readonly seeds: readonly SeedRow[];
  /** Comment-level recall per campaign type, over the seeds that have the type. */
  readonly recallByType: Readonly<Record<string, Spread>>;
  readonly precision: Spread;
  readonly organicFalsePositiveRate: Spread;
  readonly paraphraseMinRecallTarget: number;
  readonly paraphraseMinRecallMet: boolean;
}

/**
 * Parses EVAL_SEEDS: "13-40" (every seed), "13-40:3" (every third: 13, 16, ... 40), "13,20,31", or
 * "none". Undefined gives every unseen seed. Seeds below 13 are refused: those are tuning corpora.
 */
export function parseSeedSelection(raw: string | undefined): number[] {
  if (raw === undefined || raw.trim() === '') return [...UNSEEN_SEEDS];
  const s = raw.trim();
  if (s === 'none') return [];
  const range = /^(\d+)-(\d+)(?::(\d+))?$/.exec(s);
  let seeds: number[];
  if (range) {
    const [from, to, step] = [Number(range[1]), Number(range[2]), Number(range[3] ?? 1)];
    if (step < 1 || to < from) throw new Error(`EVAL_SEEDS "${raw}": expected FROM-TO[:STEP] with FROM <= TO and STEP >= 1`);
    seeds = [];
    for (let x = from; x <= to; x += step) seeds.push(x);
    if (seeds[seeds.length - 1] !== to) seeds.push(to);
  } else if (/^\d+(,\d+)*$/.test(s)) seeds = s.split(',').map(Number);
  else throw new Error(`EVAL_SEEDS "${raw}": expected FROM-TO[:STEP], a comma list, or none`);
  const tuned = seeds.filter((x) => x < 13);
  if (tuned.length) throw new Error(`EVAL_SEEDS "${raw}": seeds ${tuned.join(', ')} are tuning or held-out corpora; unseen seeds start at 13`);
  return [...new Set(seeds)];
}

/** Minimum (with its seed), median and maximum of one figure over seeds. */
export function spread(values: readonly { seed: number; value: number }[]): Spread {
  if (values.length === 0) return { min: 0, minSeed: 0, median: 0, max: 0 };
  const sorted = [...values].sort((a, b) => a.value - b.value || a.seed - b.seed);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid].value : (sorted[mid - 1].value + sorted[mid].value) / 2;
  return { min: sorted[0].value, minSeed: sorted[0].seed, median: Math.round(median * 10000) / 10000, max: sorted[sorted.length - 1].value };
}

/** The spread over the seed rows. */
export function seedSpread(selection: string, rows: readonly SeedRow[]): SeedSpread {
  const recallByType: Record<string, Spread> = {};
  for (const t of CAMPAIGN_TYPES) {
    const values = rows.filter((r) => r.quality.byType[t]).map((r) => ({ seed: r.seed, value: r.quality.byType[t].recall }));
    if (values.length) recallByType[t] = spread(values);
  }
  const paraphrase = recallByType.paraphrase;
  return {
    selection,
    threads: UNSEEN_THREADS,
    seeds: rows,
    recallByType,
    precision: spread(rows.map((r) => ({ seed: r.seed, value: r.quality.precision }))),
    organicFalsePositiveRate: spread(rows.map((r) => ({ seed: r.seed, value: r.quality.organic.falsePositiveRate }))),
    paraphraseMinRecallTarget: PARAPHRASE_MIN_RECALL_TARGET,
    paraphraseMinRecallMet: paraphrase !== undefined && paraphrase.min >= PARAPHRASE_MIN_RECALL_TARGET,
  };
}
