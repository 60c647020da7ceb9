// The service end to end, as a publisher uses it: real API and detector worker processes
// (node --import tsx), PostgreSQL and Redis on this machine, comments posted through HTTP. For each
// corpus (generated ~10k and ~100k, the real forum sample) and each worker count: ingest/s and end to
// end comments/s (first post -> chorus_comments_pending = 0), beside `chorus analyze` on the same
// file; 202 -> verdict latency at an offered 200/s; worker RSS; and the flood scenario. Every wait is
// capped: a run that does not finish says how many comments were still pending. Options:
// service-options.ts (SERVICE_BENCH_*); docs/service-bench.md explains the figures.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { corpusOptionsForSize, generateCorpus } from '../eval/generate-corpus.js';
import { timeAnalyzer, writeCorpusFile, type AnalyzerTime, type FileComment } from './service-analyzer.js';
import { benchFlood, type FloodResult } from './service-flood.js';
import { serviceBenchOptions, skippedParts, type ServiceBenchOptions } from './service-options.js';
import { ROOT } from './service-processes.js';
import { endToEnd, latencyAtRate, type EndToEndRun, type LatencyRun } from './service-runs.js';
import { progress, round } from './bench-kit.js';

const FORUM = 'test/fixtures/organic-forum-dev.jsonl.gz';
const API_MAX_TEXT = 10_000;

export const SERVICE_TARGETS = {
  endToEndPerSecond: 1000,
  maxTimesAnalyzer: 2,
  maxRateRatio100kTo10k: 1.5,
  maxWorkerRssMb: 600,
  floodFlaggedP95Seconds: 5,
} as const;

/** met / MISSED, or null when the options skipped what it needs. */
type Verdict = boolean | null;

export interface ServiceCorpusResult {
  readonly name: string;
  readonly comments: number;
  readonly note?: string;
  readonly analyzer: AnalyzerTime | { readonly error: string } | null;
  readonly runs: readonly (EndToEndRun | { readonly workers: number; readonly error: string })[];
}

export interface ServiceResult {
  readonly options: ServiceBenchOptions;
  readonly skipped: readonly string[];
  readonly corpora: readonly ServiceCorpusResult[];
  readonly latency: readonly (LatencyRun | { readonly workers: number; readonly error: string })[];
  readonly flood: FloodResult | { readonly error: string } | null;
  readonly targets: {
    readonly endToEnd: { readonly worstPerSecond: number | null; readonly met: Verdict };
    readonly vsAnalyzer: { readonly worstRatio: number | null; readonly met: Verdict };
    readonly growth100kVs10k: { readonly ratio: number | null; readonly met: Verdict };
    readonly twoWorkersVsOne: { readonly ratios: Readonly<Record<string, number>>; readonly met: Verdict };
    readonly workerRss: { readonly peakMb: number | null; readonly met: Verdict };
    readonly floodFlagged: { readonly p95Seconds: number | null; readonly met: Verdict };
  };
  readonly secondsByPart: Readonly<Record<string, number>>;
}

const errorOf = (err: unknown) => (err instanceof Error ? err.message : String(err));
const isRun = (r: ServiceCorpusResult['runs'][number]): r is EndToEndRun => !('error' in r);
/** The run's rate: end to end when it finished, else scored so far (an upper bound on it). */
const rateOf = (r: EndToEndRun) => r.commentsPerSecond ?? r.scoredPerSecond;

function forumCorpus(): { comments: FileComment[]; truncated: number } {
  const lines = gunzipSync(readFileSync(`${ROOT}/${FORUM}`)).toString('utf8').split('\n').filter(Boolean);
  let truncated = 0;
  const comments = lines.map((line) => {
    const c = JSON.parse(line) as FileComment;
    if (c.text.length <= API_MAX_TEXT) return c;
    truncated++;
    return { ...c, text: c.text.slice(0, API_MAX_TEXT) };
  });
  return { comments, truncated };
}

async function runCorpus(options: ServiceBenchOptions, name: string, comments: readonly FileComment[], note?: string): Promise<ServiceCorpusResult> {
  let analyzer: ServiceCorpusResult['analyzer'] = null;
  let analyzerFlagged: ReadonlySet<string> | undefined;
  if (options.analyzer) {
    progress(`service: chorus analyze on ${name} (${comments.length} comments)`);
    try {
      const { flaggedIds, ...time } = await timeAnalyzer(writeCorpusFile(name, comments), 1800);
      [analyzer, analyzerFlagged] = [time, flaggedIds];
    } catch (err) {
      analyzer = { error: errorOf(err) };
    }
  }
  const runs: ServiceCorpusResult['runs'][number][] = [];
  for (const workers of options.workers) runs.push(await endToEnd(options, name, comments, workers, analyzerFlagged).catch((err: unknown) => ({ workers, error: errorOf(err) })));
  return { name, comments: comments.length, note, analyzer, runs };
}

function targetsOf(corpora: readonly ServiceCorpusResult[], latency: ServiceResult['latency'], flood: ServiceResult['flood']): ServiceResult['targets'] {
  const runs = corpora.flatMap((c) => c.runs.filter(isRun).map((r) => ({ corpus: c, run: r })));
  const worst = runs.length ? Math.min(...runs.map(({ run }) => rateOf(run))) : null;
  const ratios = runs.flatMap(({ corpus, run }) => (corpus.analyzer && !('error' in corpus.analyzer) ? [run.finished ? run.seconds / corpus.analyzer.seconds : Number.POSITIVE_INFINITY] : []));
  const worstRatio = ratios.length ? Math.max(...ratios) : null;
  const byName = (name: string, workers: number) => corpora.find((c) => c.name === name)?.runs.filter(isRun).find((r) => r.workers === workers);
  const small = byName('generated-10k', 1);
  const large = byName('generated-100k', 1);
  const growth = small && large ? round(rateOf(small) / rateOf(large), 2) : null;
  const pairs: Record<string, number> = {};
  for (const c of corpora) {
    const one = byName(c.name, 1);
    const two = byName(c.name, 2);
    if (one && two) pairs[c.name] = round(rateOf(two) / rateOf(one), 2);
  }
  const rss = [...runs.map(({ run }) => run.peakWorkerRssMb), ...latency.flatMap((l) => ('error' in l ? [] : [l.peakWorkerRssMb])), ...(flood && !('error' in flood) ? [flood.peakWorkerRssMb] : [])];
  const floodP95 = flood && !('error' in flood) ? flood.fifthPerThread.p95Seconds : null;
  const floodMeasured = flood !== null && !('error' in flood);
  return {
    endToEnd: { worstPerSecond: worst, met: worst === null ? null : worst >= SERVICE_TARGETS.endToEndPerSecond && runs.every(({ run }) => run.finished) },
    vsAnalyzer: { worstRatio: worstRatio === null || !Number.isFinite(worstRatio) ? null : round(worstRatio, 2), met: worstRatio === null ? null : worstRatio <= SERVICE_TARGETS.maxTimesAnalyzer },
    growth100kVs10k: { ratio: growth, met: growth === null ? null : growth <= SERVICE_TARGETS.maxRateRatio100kTo10k && !!large?.finished },
    twoWorkersVsOne: { ratios: pairs, met: Object.keys(pairs).length ? Object.values(pairs).every((r) => r >= 1) : null },
    workerRss: { peakMb: rss.length ? Math.max(...rss) : null, met: rss.length ? Math.max(...rss) <= SERVICE_TARGETS.maxWorkerRssMb : null },
    floodFlagged: { p95Seconds: floodP95, met: floodMeasured ? floodP95 !== null && floodP95 <= SERVICE_TARGETS.floodFlaggedP95Seconds : null },
  };
}

/** Runs the service benchmark with the options in SERVICE_BENCH_* (see service-options.ts). */
export async function benchService(): Promise<ServiceResult> {
  const options = serviceBenchOptions(process.env);
  const secondsByPart: Record<string, number> = {};
  const part = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    try {
      return await fn();
    } finally {
      secondsByPart[name] = round((Date.now() - started) / 1000, 1);
    }
  };
  const corpora: ServiceCorpusResult[] = [];
  for (const size of options.sizes) {
    const name = `generated-${size >= 1000 ? `${Math.round(size / 1000)}k` : size}`;
    const comments = generateCorpus(corpusOptionsForSize(size, options.seed));
    corpora.push(await part(name, () => runCorpus(options, name, comments, `write-corpus --size ${size} --seed ${options.seed}`)));
  }
  if (options.forum) {
    const forum = forumCorpus();
    corpora.push(await part('forum', () => runCorpus(options, 'forum', forum.comments, `${FORUM}; ${forum.truncated} posts over ${API_MAX_TEXT.toLocaleString('en-US')} chars cut to fit the API`)));
  }
  const latency: ServiceResult['latency'][number][] = [];
  if (options.latency.enabled) {
    const needed = options.latency.rate * options.latency.seconds;
    const comments = generateCorpus(corpusOptionsForSize(Math.max(2000, Math.round(needed * 1.1)), options.seed + 1));
    for (const workers of options.workers) {
      latency.push(await part(`latency-w${workers}`, () => latencyAtRate(options, comments, workers)).catch((err: unknown) => ({ workers, error: errorOf(err) })));
    }
  }
  let flood: ServiceResult['flood'] = null;
  if (options.flood.enabled) {
    const workers = options.workers[options.workers.length - 1];
    flood = await part('flood', () => benchFlood(options, workers)).catch((err: unknown) => ({ error: errorOf(err) }));
  }
  return { options, skipped: skippedParts(options), corpora, latency, flood, targets: targetsOf(corpora, latency, flood), secondsByPart };
}
