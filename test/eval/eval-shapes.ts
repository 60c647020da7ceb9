// Shapes unlike the corpus generator (issue 13), each with its own targets: a threadless stream in
// the toolkit's layout, video comments with promotion spam, and threads whose times are coarse.
// Seeds here are never tuned on.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { quality, tally, type Quality } from './eval-metrics.js';
import { accountFigures, type AccountFigures } from './shapes/account-recall.js';
import { analyzeInChild } from './shapes/analyze-child.js';
import { recordsFromStream, streamToCsv } from './shapes/stream-csv.js';
import { generateStream } from './shapes/stream.js';

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

export interface ShapeResults {
  readonly stream: StreamShapeRow;
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
