// Shapes unlike the corpus generator (issue 13), each with its own targets: a threadless stream in
// the toolkit's layout, video comments with promotion spam, and threads whose times are coarse.
// Seeds here are never tuned on.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EvalAnalyzer } from './eval-analyzer.js';
import { isFlagged, quality, tally, type Quality } from './eval-metrics.js';
import { accountFigures, type AccountFigures } from './shapes/account-recall.js';
import { analyzeInChild } from './shapes/analyze-child.js';
import { recordsFromStream, streamToCsv } from './shapes/stream-csv.js';
import { generateStream } from './shapes/stream.js';
import { recordsFromShape } from './shapes/shape-comment.js';
import { generateVideoComments } from './shapes/video.js';
import { coarsenTimes, withoutTimes, type Precision } from './shapes/coarse-times.js';
import { generateCorpus } from './generate-corpus.js';
import type { LabeledRecord } from './eval-records.js';

export const SHAPE_TARGETS = {
  /** Threadless stream: share of campaign accounts with a flagged message. */
  streamCampaignAccounts: 0.95,
  /** Threadless stream: share of organic accounts with a flagged message. */
  streamOrganicAccounts: 0.01,
  /** Threadless stream of 100,000 messages, default model, this machine (the bench measures it). */
  streamSeconds100k: 30,
  /** Video comments: promo recall at the precision below, and organic comments flagged. */
  promoRecall: 0.3,
  promoPrecision: 0.97,
  promoOrganicFlagged: 0.005,
} as const;

export interface StreamShapeRow {
  readonly seed: number;
  readonly messages: number;
  readonly accounts: number;
  readonly campaignMessages: number;
  readonly status: 'finished' | 'not finished';
  /** Why not finished (time limit, exit status). */
  readonly note: string | null;
  /** Child wall time (start-up and model load included), and the analyzer's own figure. */
  readonly seconds: number;
  readonly analyzeSeconds: number | null;
  readonly quality: Quality | null;
  readonly accountFigures: AccountFigures | null;
  readonly targetsMet: { readonly campaignAccounts: boolean; readonly organicAccounts: boolean } | null;
}

export interface VideoShapeRow {
  readonly seed: number;
  readonly videos: number;
  readonly comments: number;
  readonly analyzeSeconds: number;
  readonly quality: Quality;
  /** Promo comments and how many were flagged, per kind of spam (paste, money, self). */
  readonly byKind: Readonly<Record<string, { readonly comments: number; readonly flagged: number; readonly accounts: number }>>;
  readonly targetsMet: { readonly recall: boolean; readonly precision: boolean; readonly organicFlagged: boolean };
}

export interface CoarseTimesRow {
  readonly seed: number;
  readonly threads: number;
  /** Per precision: the coarse threads' organic comments flagged with the original, coarse and no times. */
  readonly byPrecision: Readonly<Record<Precision, { readonly threads: number; readonly organic: number; readonly flaggedOriginal: number; readonly flaggedCoarse: number; readonly flaggedNoTimes: number }>>;
  /** Campaign comments in the coarse threads flagged with coarse times and with none (recall kept?). */
  readonly campaign: { readonly comments: number; readonly flaggedCoarse: number; readonly flaggedNoTimes: number };
  /** Coarse threads flagged no more often than the same threads without times. */
  readonly targetMet: boolean;
}

export interface ShapeResults {
  readonly stream: StreamShapeRow;
  readonly video: VideoShapeRow;
  readonly coarseTimes: CoarseTimesRow;
}

/** A generator corpus with 30% of its threads given coarse times, against the same threads with none. */
export async function evalCoarseTimes(analyzer: EvalAnalyzer, seed: number, threads: number): Promise<CoarseTimesRow> {
  const original = generateCorpus({ seed, threads });
  const coarse = coarsenTimes(original, seed);
  const touched = new Set([...coarse.threads.date, ...coarse.threads.hour]);
  const variants = [original, coarse.comments, withoutTimes(original, touched)];
  const runs: { records: LabeledRecord[]; flagged: (id: string) => boolean }[] = [];
  for (const comments of variants) {
    const records = recordsFromShape(comments);
    const run = await analyzer.analyze(records);
    runs.push({ records, flagged: (id) => isFlagged(run.result, id) });
  }
  const count = (run: (typeof runs)[number], inThreads: ReadonlySet<string>, organic: boolean) =>
    run.records.filter((r) => inThreads.has(r.threadId) && (r.label === 'organic') === organic && run.flagged(r.id)).length;
  const byPrecision = {} as Record<Precision, CoarseTimesRow['byPrecision'][Precision]>;
  for (const p of ['date', 'hour'] as const) {
    const set = new Set(coarse.threads[p]);
    byPrecision[p] = {
      threads: set.size,
      organic: runs[0].records.filter((r) => set.has(r.threadId) && r.label === 'organic').length,
      flaggedOriginal: count(runs[0], set, true),
      flaggedCoarse: count(runs[1], set, true),
      flaggedNoTimes: count(runs[2], set, true),
    };
  }
  return {
    seed,
    threads,
    byPrecision,
    campaign: { comments: runs[0].records.filter((r) => touched.has(r.threadId) && r.label !== 'organic').length, flaggedCoarse: count(runs[1], touched, false), flaggedNoTimes: count(runs[2], touched, false) },
    targetMet: byPrecision.date.flaggedCoarse <= byPrecision.date.flaggedNoTimes && byPrecision.hour.flaggedCoarse <= byPrecision.hour.flaggedNoTimes,
  };
}

/** Video comments with promotion spam, through the eval's analyzer. */
export async function evalVideo(analyzer: EvalAnalyzer, seed: number, videos: number): Promise<VideoShapeRow> {
  const records = recordsFromShape(generateVideoComments({ seed, videos }));
  const run = await analyzer.analyze(records);
  const q = quality(tally(records, run.result));
  const byKind: Record<string, { comments: number; flagged: number; accounts: number }> = {};
  const accounts = new Map<string, Set<string | null>>();
  for (const r of records) {
    if (r.label === 'organic') continue;
    const kind = r.label.split(':')[2].replace(/\d+$/, '');
    const k = (byKind[kind] ??= { comments: 0, flagged: 0, accounts: 0 });
    k.comments++;
    if (isFlagged(run.result, r.id)) k.flagged++;
    accounts.set(kind, (accounts.get(kind) ?? new Set()).add(r.authorId));
  }
  for (const [kind, a] of accounts) byKind[kind].accounts = a.size;
  const promo = q.byType.promo;
  return {
    seed,
    videos,
    comments: records.length,
    analyzeSeconds: Math.round(run.seconds * 100) / 100,
    quality: q,
    byKind,
    targetsMet: { recall: (promo?.recall ?? 0) >= SHAPE_TARGETS.promoRecall, precision: q.precision >= SHAPE_TARGETS.promoPrecision, organicFlagged: q.organic.falsePositiveRate <= SHAPE_TARGETS.promoOrganicFlagged },
  };
}

/** The stream through `chorus analyze` in a child process (it may be slow: killed after `timeoutMs`). */
export async function evalStream(seed: number, messages: number, timeoutMs: number): Promise<StreamShapeRow> {
  const stream = generateStream({ seed, messages });
  const dir = mkdtempSync(join(tmpdir(), 'chorus-eval-stream-'));
  try {
    const file = join(dir, 'stream.csv');
    writeFileSync(file, streamToCsv(stream));
    const run = await analyzeInChild(file, timeoutMs);
    const base = { seed, messages: stream.length, accounts: new Set(stream.map((m) => m.user_id)).size, campaignMessages: stream.filter((m) => m.label !== 'organic').length, seconds: run.seconds };
    if (!run.finished) return { ...base, status: 'not finished', note: run.reason, analyzeSeconds: null, quality: null, accountFigures: null, targetsMet: null };
    const records = recordsFromStream(stream);
    const flaggedUsers = new Set(stream.filter((m) => (run.result.verdicts.get(m.message_id)?.verdict ?? 'clean') !== 'clean').map((m) => m.user_id));
    const figures = accountFigures(stream.map((m) => ({ userId: m.user_id, label: m.label })), flaggedUsers);
    return {
      ...base,
      status: 'finished',
      note: null,
      analyzeSeconds: run.analyzeSeconds,
      quality: quality(tally(records, run.result)),
      accountFigures: figures,
      targetsMet: { campaignAccounts: figures.campaignAccountRecall >= SHAPE_TARGETS.streamCampaignAccounts, organicAccounts: figures.organicAccountsFlaggedShare <= SHAPE_TARGETS.streamOrganicAccounts },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
