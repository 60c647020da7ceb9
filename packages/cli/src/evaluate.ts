import type { Verdict } from '@chorus/core';

export interface LabeledVerdict {
  readonly label: string | null;
  readonly verdict: Verdict;
}

export interface Evaluation {
  readonly labeled: number;
  readonly precision: number;
  readonly recall: number;
  readonly falsePositiveRate: number;
  /** Recall per campaign type (`campaign:<type>:<id>` labels), or per label otherwise. */
  readonly recallByType: Readonly<Record<string, { total: number; flagged: number; recall: number }>>;
}

const isOrganic = (label: string) => label === 'organic' || label === 'clean';
const typeOf = (label: string) => (label.startsWith('campaign:') ? label.split(':')[1] : label);
const ratio = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 10000) / 10000);

/** Comment-level quality against labels: a comment is flagged when its verdict is suspect or coordinated. */
export function evaluate(rows: readonly LabeledVerdict[]): Evaluation | null {
  const labeled = rows.filter((r): r is LabeledVerdict & { label: string } => r.label !== null);
  if (labeled.length === 0) return null;
  let tp = 0;
  let fp = 0;
  let negatives = 0;
  let positives = 0;
  const byType: Record<string, { total: number; flagged: number; recall: number }> = {};
  for (const r of labeled) {
    const flagged = r.verdict !== 'clean';
    if (isOrganic(r.label)) {
      negatives++;
      if (flagged) fp++;
    } else {
      positives++;
      if (flagged) tp++;
      const t = (byType[typeOf(r.label)] ??= { total: 0, flagged: 0, recall: 0 });
      t.total++;
      if (flagged) t.flagged++;
    }
  }
  for (const t of Object.values(byType)) t.recall = ratio(t.flagged, t.total);
  return { labeled: labeled.length, precision: ratio(tp, tp + fp), recall: ratio(tp, positives), falsePositiveRate: ratio(fp, negatives), recallByType: byType };
}
