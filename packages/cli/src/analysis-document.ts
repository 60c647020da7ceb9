import type { accountNetwork, AnalysisResult } from '@chorus/core';
import { evaluate } from './evaluate.js';
import type { DumpRecord } from './read-dump.js';

/** The analyzer's output document: a stable shape (docs/analyzer.md) that analysts script against. */
export function analysisDocument(file: string, records: readonly DumpRecord[], result: AnalysisResult, network: ReturnType<typeof accountNetwork>) {
  const byId = new Map(records.map((r) => [r.id, r]));
  const evaluation = evaluate(records.map((r) => ({ label: r.label, verdict: result.verdicts.get(r.id)?.verdict ?? 'clean' })));
  return {
    version: 1,
    input: { file, comments: records.length },
    comments: records.map((r) => {
      const v = result.verdicts.get(r.id);
      const reasons = v?.reasons ?? (r.repostOf ? [{ signal: 'repost', weight: 0, text: `A repost of message ${r.repostOf}: it carries someone else's words by design and is not compared` }] : []);
      return { id: r.id, verdict: v?.verdict ?? 'clean', score: v?.score ?? 0, cluster_id: v?.clusterId ?? null, reasons };
    }),
    clusters: result.clusters.map((c) => {
      const members = c.members.map((m) => byId.get(m)!);
      return {
        id: c.id,
        verdict: c.verdict,
        score: c.score,
        size: c.members.length,
        members: c.members,
        accounts: [...new Set(members.map((m) => m.authorId).filter((a) => a !== null))],
        threads: [...new Set(members.map((m) => m.threadId))],
        reasons: c.reasons,
      };
    }),
    network,
    evaluation,
  };
}
