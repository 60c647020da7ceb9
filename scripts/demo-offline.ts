// The demo without PostgreSQL or Redis: the same samples through the in-process pipeline (the
// offline analyzer's in-memory ports and the embedded default model), nothing stored.
import { analyzeCorpus, DEFAULT_SCORING, HyperplaneLsh, MemorySemanticPorts } from '@chorus/core';
import type { LoadedEncoder } from '@chorus/embeddings';
import { readDump } from '../packages/cli/src/read-dump.js';
import type { FixtureComment } from '../test/support/fixtures.js';
import { printReport, type ReportCluster } from './demo-report.js';

/** Analyzes `samples` in memory and prints the report the service demo prints. */
export async function runOfflineDemo(samples: readonly FixtureComment[], loaded: LoadedEncoder, print: (s?: string) => void): Promise<void> {
  const { records } = readDump(samples.map((s) => JSON.stringify(s)).join('\n'), 'samples');
  const semantic = new MemorySemanticPorts(new HyperplaneLsh(loaded.encoder.dimensions), { embed: (texts) => loaded.embedder.embed(texts), adjust: loaded.encoder.adjust });
  const result = await analyzeCorpus(records, { lexicalThreshold: 0.8, scoring: DEFAULT_SCORING }, { semantic });
  const byId = new Map(samples.map((s) => [s.id, s]));
  const clusters: ReportCluster[] = result.clusters
    .filter((c) => c.verdict !== 'clean')
    .map((c) => {
      const members = c.members.map((id) => byId.get(id)!);
      return {
        id: c.id,
        verdict: c.verdict,
        score: c.score,
        accountCount: new Set(members.map((m) => m.author_id).filter((a) => a !== null)).size,
        reasons: c.reasons,
        members: members.map((m) => ({ id: m.id, author_id: m.author_id, text: m.text })),
      };
    });
  printReport(print, clusters, samples.map((s) => ({ id: s.id, thread_id: s.thread_id, verdict: result.verdicts.get(s.id)?.verdict ?? 'clean' })));
}
