// The per-seed section of the evaluation's output: minimum and median over unseen seeds per
// campaign type, then one row per seed.
import { formatTable } from '../../packages/cli/src/table.js';
import { CAMPAIGN_TYPES } from './eval-metrics.js';
import type { SeedSpread, Spread } from './eval-seeds.js';

const pct = (share: number) => `${(share * 100).toFixed(2)}%`;
const cells = (s: Spread, f: (n: number) => string) => [f(s.min), String(s.minSeed), f(s.median), f(s.max)];

/** Tables of one SeedSpread. */
export function formatSeedSpread(s: SeedSpread): string {
  const out: string[] = [];
  out.push(`UNSEEN SEEDS (${s.seeds.length} corpora of ${s.threads} threads, seeds ${s.selection}; never tuned on; EVAL_SEEDS chooses them): minimum and median over seeds`);
  if (s.seeds.length === 0) return `${out[0]}\n  (none run)`;
  const f4 = (n: number) => n.toFixed(4);
  const para = s.recallByType.paraphrase;
  out.push(
    formatTable(
      ['figure', 'min', 'min at seed', 'median', 'max', 'target'],
      [
        ...Object.entries(s.recallByType).map(([t, sp]) => [`recall: ${t}`, ...cells(sp, f4), t === 'paraphrase' ? `min >= ${s.paraphraseMinRecallTarget}: ${para && s.paraphraseMinRecallMet ? 'met' : 'MISSED'}` : '']),
        ['precision', ...cells(s.precision, f4), ''],
        ['organic false-positive rate', ...cells(s.organicFalsePositiveRate, pct), ''],
      ],
    ),
  );
  out.push('\nper seed (comment-level recall per type)');
  out.push(
    formatTable(
      ['seed', 'comments', 'organic FP', 'precision', ...CAMPAIGN_TYPES, 'analyze s'],
      s.seeds.map((r) => [r.seed, r.comments, r.quality.organic.flagged, r.quality.precision.toFixed(3), ...CAMPAIGN_TYPES.map((t) => (r.quality.byType[t] ? r.quality.byType[t].recall.toFixed(3) : '-')), r.analyzeSeconds.toFixed(1)]),
    ),
  );
  return out.join('\n');
}
