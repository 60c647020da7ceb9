import type { PairKind } from './calibration-corpus.js';
import type { Distribution } from './score-stats.js';

export interface SeparationRow {
  readonly bucket: string;
  readonly paraphrasePairs: number;
  readonly auc?: number;
  readonly organicAtRecall90?: number;
  readonly organicAtRecall100?: number;
}

export interface SuggestedThreshold {
  readonly threshold: number;
  readonly paraphraseRecall: number | null;
}

export interface VariantResult {
  readonly variant: string;
  readonly description: string;
  readonly thresholds: readonly number[];
  readonly distributions: Readonly<Record<PairKind, Readonly<Record<string, Distribution | null>>>>;
  readonly separation: readonly SeparationRow[];
  readonly suggested: readonly { bucket: string; organic1pct: SuggestedThreshold | null; organic01pct: SuggestedThreshold | null }[];
}

const fmt = (value: number | null | undefined, digits = 3) =>
  value === null || value === undefined || Number.isNaN(value) ? '-' : value.toFixed(digits);
const pct = (value: number | null | undefined) =>
  value === null || value === undefined || Number.isNaN(value) ? '-' : `${(value * 100).toFixed(2)}%`;
const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
const rule = (columns: number) => row(Array.from({ length: columns }, () => '---'));

/** Markdown tables, ready to paste into docs/semantic-calibration.md. */
export function distributionTable(result: VariantResult, kinds: readonly PairKind[], buckets: readonly string[]): string {
  const header = ['pairs', 'bucket', 'n', 'p10', 'p50', 'p90', 'p99', 'p99.9', 'max', ...result.thresholds.map((t) => `>=${t}`)];
  const lines = [row(header), rule(header.length)];
  for (const kind of kinds) {
    for (const bucket of buckets) {
      const d = result.distributions[kind][bucket];
      if (d === null || d === undefined) continue;
      const shares = result.thresholds.map((t) => pct(d.above[t.toFixed(2)]));
      lines.push(row([kind, bucket, String(d.n), fmt(d.p10), fmt(d.p50), fmt(d.p90), fmt(d.p99), fmt(d.p999), fmt(d.max), ...shares]));
    }
  }
  return lines.join('\n');
}

export function suggestedTable(result: VariantResult): string {
  const lines = [row(['bucket', 'threshold @1% organic', 'paraphrase recall', 'threshold @0.1% organic', 'paraphrase recall']), rule(5)];
  for (const s of result.suggested) {
    lines.push(row([s.bucket, fmt(s.organic1pct?.threshold), pct(s.organic1pct?.paraphraseRecall), fmt(s.organic01pct?.threshold), pct(s.organic01pct?.paraphraseRecall)]));
  }
  return lines.join('\n');
}

export function separationTable(results: readonly VariantResult[]): string {
  const lines = [row(['variant', 'bucket', 'paraphrase pairs', 'AUC', 'organic >= paraphrase p10', 'organic >= paraphrase min']), rule(6)];
  for (const result of results) {
    for (const s of result.separation) {
      if (s.auc === undefined) continue;
      lines.push(row([result.variant, s.bucket, String(s.paraphrasePairs), fmt(s.auc, 4), pct(s.organicAtRecall90), pct(s.organicAtRecall100)]));
    }
  }
  return lines.join('\n');
}
