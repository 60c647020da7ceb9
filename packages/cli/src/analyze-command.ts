import { readFileSync, writeFileSync } from 'node:fs';
import { accountNetwork, analyzeCorpus, DEFAULT_SCORING, HyperplaneLsh, MemorySemanticPorts, networkToGraphml, type AnalysisResult } from '@chorus/core';
import { DEFAULT_EMBEDDING_MODEL, defaultModelDir, loadEncoder } from '@chorus/embeddings';
import { detectionText } from '@chorus/contracts';
import { csvField } from '@chorus/platform';
import { stringFlag, UsageError } from './args.js';
import { analysisDocument } from './analysis-document.js';
import { readDump, type DumpRecord } from './read-dump.js';
import { formatTable } from './table.js';
import { reportInputFromAnalysis } from './report-input.js';
import { renderReport } from '@chorus/report';

const numberFlag = (flags: Map<string, string | true>, name: string, fallback: number): number => {
  const v = stringFlag(flags, name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new UsageError(`--${name} must be a number`);
  return n;
};

function progress(total: number): ((done: number) => void) | undefined {
  if (total < 5000 || !process.stderr.isTTY) return undefined;
  return (done) => {
    const width = 30;
    const filled = Math.round((done / total) * width);
    process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`);
  };
}

/** Below this many comments a worker thread costs more to start (about half a second) than it saves. */
const THREAD_MIN_COMMENTS = 2000;


/** `chorus analyze FILE [--out FILE] [--graphml FILE] [--edges-csv FILE]`: the detection pipeline on a dump, offline. */
export async function analyzeCommand(args: string[], flags: Map<string, string | true>, out: (s: string) => void): Promise<void> {
  const [file] = args;
  if (!file) throw new UsageError('usage: chorus analyze FILE [--out FILE] [--graphml FILE] [--edges-csv FILE] [--report FILE] [--lexical-threshold 0.8] [--window-hours 24] [--min-edge-weight 1] [--no-semantic] [--model ID] [--model-dir DIR] [--one-thread]');
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`cannot read ${file}`);
  }
  const { records, repeatedRows } = readDump(content, file);
  const started = Date.now();
  let semantic: MemorySemanticPorts | undefined;
  if (!flags.has('no-semantic')) {
    const { embedder, encoder } = await loadEncoder({
      model: stringFlag(flags, 'model') ?? DEFAULT_EMBEDDING_MODEL,
      modelDir: stringFlag(flags, 'model-dir') ?? defaultModelDir(),
      allowRemote: false,
      removeCommonComponent: !flags.has('keep-common-component'),
    });
    semantic = new MemorySemanticPorts(new HyperplaneLsh(encoder.dimensions), { embed: (texts) => embedder.embed(texts), adjust: encoder.adjust });
  }
  // A repost (a retweet) copies by design: popular posts are reposted by many accounts within hours.
  // A long text is compared by its prefix, as the service does (DETECTION_TEXT_LIMIT).
  const authored = records.filter((r) => !r.repostOf).map((r) => {
    const text = detectionText(r.text);
    return text === r.text ? r : { ...r, text };
  });
  const result = await analyzeCorpus(authored, { lexicalThreshold: numberFlag(flags, 'lexical-threshold', 0.8), scoring: DEFAULT_SCORING }, { onProgress: progress(records.length), semantic, lexicalThread: !flags.has('one-thread') && authored.length >= THREAD_MIN_COMMENTS });
  const byId = new Map(records.map((r) => [r.id, r]));
  const network = accountNetwork(
    result.clusters.map((c) => ({ id: c.id, verdict: c.verdict, members: c.members.map((m) => ({ authorId: byId.get(m)!.authorId, postedAt: byId.get(m)!.postedAt })) })),
    { windowMs: numberFlag(flags, 'window-hours', 24) * 3600_000, minWeight: numberFlag(flags, 'min-edge-weight', 1) },
  );
  const seconds = (Date.now() - started) / 1000;
  const doc = analysisDocument(file, records, result, network);

  const outFile = stringFlag(flags, 'out');
  if (outFile) writeFileSync(outFile, `${JSON.stringify(doc, null, 2)}\n`);
  const graphml = stringFlag(flags, 'graphml');
  if (graphml) writeFileSync(graphml, networkToGraphml(network));
  const edgesCsv = stringFlag(flags, 'edges-csv');
  if (edgesCsv) writeFileSync(edgesCsv, ['source,target,weight', ...network.edges.map((e) => [e.source, e.target, e.weight].map(csvField).join(','))].join('\n') + '\n');
  const reportFile = stringFlag(flags, 'report');
  if (reportFile) writeFileSync(reportFile, renderReport(reportInputFromAnalysis(file, records, doc, network, new Date())).html);

  const count = (v: string) => doc.comments.filter((c) => c.verdict === v).length;
  if (authored.length < records.length) out(`${records.length - authored.length} reposts left out of the comparison (they carry someone else's words by design)\n`);
  if (repeatedRows > 0) out(`${repeatedRows} ${repeatedRows === 1 ? 'row repeated an earlier row' : 'rows repeated earlier rows'} exactly and ${repeatedRows === 1 ? 'was' : 'were'} skipped\n`);
  out(`${records.length} comments analyzed in ${seconds.toFixed(1)} s (${Math.round(records.length / Math.max(seconds, 0.001))}/s)\n`);
  out(`coordinated ${count('coordinated')}, suspect ${count('suspect')}, clean ${count('clean')}; ${doc.clusters.filter((c) => c.verdict !== 'clean').length} flagged clusters; network ${network.nodes.length} accounts, ${network.edges.length} edges\n\n`);
  const flagged = doc.clusters.filter((c) => c.verdict !== 'clean');
  if (flagged.length > 0) {
    out(`${formatTable(['cluster', 'verdict', 'score', 'size', 'accounts', 'threads', 'strongest reason'], flagged.slice(0, 25).map((c) => [c.id, c.verdict, c.score.toFixed(2), c.size, c.accounts.length, c.threads.length, c.reasons[0]?.text ?? '']), 70)}\n`);
    if (flagged.length > 25) out(`... and ${flagged.length - 25} more (see --out)\n`);
  }
  if (doc.evaluation) {
    const e = doc.evaluation;
    out(`\nAgainst the label column (${e.labeled} labeled): precision ${e.precision.toFixed(3)}, recall ${e.recall.toFixed(3)}, false-positive rate ${(e.falsePositiveRate * 100).toFixed(2)}%\n`);
    const types = Object.entries(e.recallByType);
    if (types.length > 0) out(`${formatTable(['type', 'comments', 'flagged', 'recall'], types.map(([t, s]) => [t, s.total, s.flagged, s.recall.toFixed(3)]))}\n`);
  }
  if (outFile) out(`\nwrote ${outFile}\n`);
  if (reportFile) out(`${outFile ? '' : '\n'}wrote ${reportFile} (open it in a browser; it needs no network)\n`);
}
