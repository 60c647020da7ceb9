import { basename } from 'node:path';
import type { AccountNetwork } from '@chorus/core';
import type { ReportInput } from '@chorus/report';
import type { analysisDocument } from './analysis-document.js';
import type { DumpRecord } from './read-dump.js';

/** What `--report` draws, from the analysis document and the dump's own records (times, threads, texts). */
export function reportInputFromAnalysis(file: string, records: readonly DumpRecord[], doc: ReturnType<typeof analysisDocument>, network: AccountNetwork, now: Date): ReportInput {
  const byId = new Map(records.map((r) => [r.id, r]));
  const threads = new Map<string, number>();
  for (const r of records) threads.set(r.threadId, (threads.get(r.threadId) ?? 0) + 1);
  return {
    title: `Chorus report: ${basename(file)}`,
    scope: `Offline analysis of ${basename(file)} (${records.length.toLocaleString('en-US')} comments).`,
    generatedAt: now,
    comments: records.length,
    accounts: new Set(records.map((r) => r.authorId).filter((a) => a !== null)).size,
    threads: [...threads].map(([id, comments]) => ({ id, title: null, comments })),
    clusters: doc.clusters.map((c) => ({ id: c.id, verdict: c.verdict, size: c.size, accounts: c.accounts.length })),
    flagged: doc.clusters
      .filter((c) => c.verdict !== 'clean')
      .map((c) => ({
        id: c.id,
        verdict: c.verdict,
        size: c.size,
        accounts: c.accounts.length,
        score: c.score,
        reasons: c.reasons,
        members: c.members.map((id) => {
          const r = byId.get(id)!;
          return { id, threadId: r.threadId, author: r.authorId, postedAt: r.postedAt, text: r.text };
        }),
      })),
    network,
  };
}
