// What `npm run demo` prints, from the service's answers or from the in-process pipeline alike.
import { formatTable } from '../packages/cli/src/table.js';

export interface ReportCluster {
  readonly id: string;
  readonly verdict: string;
  readonly score: number;
  readonly accountCount: number;
  readonly reasons: readonly { readonly text: string }[];
  readonly members: readonly { readonly id: string; readonly author_id: string | null; readonly text: string }[];
}

export interface ReportComment {
  readonly id: string;
  readonly thread_id: string;
  /** null while pending. */
  readonly verdict: string | null;
}

/** The flagged clusters (members, accounts, score, reasons) and a per-thread summary. */
export function printReport(print: (s?: string) => void, clusters: readonly ReportCluster[], comments: readonly ReportComment[]): void {
  print();
  print(`Flagged clusters: ${clusters.length}`);
  for (const c of clusters) {
    print();
    print(`Cluster ${c.id}: ${c.verdict.toUpperCase()}  score ${c.score.toFixed(2)}  ${c.members.length} comments, ${c.accountCount} named accounts`);
    for (const r of c.reasons) print(`  - ${r.text}`);
    print(formatTable(['comment', 'author', 'text'], c.members.map((m) => [m.id, m.author_id ?? '(anonymous)', m.text]), 90).replace(/^/gm, '    '));
  }
  print();
  const threads = [...new Set(comments.map((s) => s.thread_id))];
  print('Per thread:');
  print(
    formatTable(
      ['thread', 'comments', 'coordinated', 'suspect', 'clean', 'pending'],
      threads.map((t) => {
        const vs = comments.filter((v) => v.thread_id === t);
        const count = (verdict: string) => vs.filter((v) => v.verdict === verdict).length;
        return [t, vs.length, count('coordinated'), count('suspect'), count('clean'), vs.filter((v) => v.verdict === null).length];
      }),
    ),
  );
  print();
  print(`Stayed clean: ${comments.filter((v) => v.verdict === 'clean').map((v) => v.id).join(', ') || 'none'}`);
}
