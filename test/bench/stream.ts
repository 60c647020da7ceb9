// The threadless stream side by side with the coordination-network-toolkit (issue 13):
// `npm run bench -- --only stream`. The generated stream (test/eval/shapes/stream.ts) is written
// at each size as the toolkit's CSV; `chorus analyze` (a child process, default model) and the
// toolkit (co_similar_tweet, 60 s window) run on the same file, each under a time limit, and both
// are scored on accounts: campaign accounts found, organic accounts flagged.
//
//   BENCH_STREAM_SIZES       messages per run, comma-separated (default 10000,30000,100000)
//   BENCH_STREAM_TIMEOUT_S   time limit per run and tool (default 600); past it: "not finished"
//   COORDINATION_TOOLKIT_SRC the toolkit's source folder (holding coordination_network_toolkit/);
//                            unset or missing: Chorus runs alone and the result says how to install
//   BENCH_PYTHON             Debian's python3 with networkx and regex (default /usr/bin/python3)
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { accountFigures, type AccountFigures } from '../eval/shapes/account-recall.js';
import { analyzeInChild, runWithLimit } from '../eval/shapes/analyze-child.js';
import { streamToCsv } from '../eval/shapes/stream-csv.js';
import { generateStream } from '../eval/shapes/stream.js';
import { progress, round } from './bench-kit.js';

export const TOOLKIT_INSTALL = [
  'fetch github:QUT-Digital-Observatory/coordination-network-toolkit and `git --git-dir=<path> archive HEAD | tar -x -C SRC`',
  'apt-get install -y python3-networkx python3-regex python3-requests',
  'COORDINATION_TOOLKIT_SRC=SRC npm run bench -- --only stream (see /work/shared/peers/README.md)',
].join('; ');
const SEED = 13;
const WINDOW_S = 60;

export interface ToolRun {
  readonly status: 'finished' | 'not finished' | 'not installed';
  readonly note: string | null;
  readonly seconds: number | null;
  readonly accounts: AccountFigures | null;
}

export interface StreamSizeRow {
  readonly messages: number;
  readonly accounts: number;
  readonly campaignAccounts: number;
  readonly chorus: ToolRun;
  readonly toolkit: ToolRun;
}

export interface StreamResult {
  readonly seed: number;
  readonly timeoutSeconds: number;
  readonly toolkitWindowSeconds: number;
  /** How to install the toolkit, when it was not found. */
  readonly toolkitInstall: string | null;
  readonly sizes: readonly StreamSizeRow[];
}

// The toolkit's preprocess module imports twarc, used only for Twitter JSON: a stand-in package.
function twarcStub(dir: string): string {
  const pkg = join(dir, 'stub', 'twarc');
  mkdirSync(pkg, { recursive: true });
  const body = 'def ensure_flattened(*args, **kwargs):\n    raise NotImplementedError\n\n\nclass Twarc2:\n    def __init__(self, *args, **kwargs):\n        raise NotImplementedError\n';
  writeFileSync(join(pkg, '__init__.py'), body);
  writeFileSync(join(pkg, 'client2.py'), body);
  return join(dir, 'stub');
}

const EDGES_SCRIPT = 'import sqlite3,sys\nfor a,b,w in sqlite3.connect(sys.argv[1]).execute("select user_1,user_2,weight from co_similar_tweet_network"):\n    print(a,b,w)\n';

async function runToolkit(src: string, python: string, csv: string, dir: string, timeoutMs: number, truth: readonly { userId: string; label: string }[]): Promise<ToolRun> {
  const env = { ...process.env, PYTHONPATH: `${src}:${twarcStub(dir)}` };
  const db = join(dir, 'toolkit.db');
  const started = performance.now();
  const steps = [
    [db, 'preprocess', '--format', 'csv', csv],
    [db, 'compute', 'co_similar_tweet', '--time_window', String(WINDOW_S)],
  ];
  for (const step of steps) {
    const left = timeoutMs - (performance.now() - started);
    const r = await runWithLimit(python, ['-m', 'coordination_network_toolkit', ...step], env, Math.max(1, left));
    const seconds = round((performance.now() - started) / 1000, 1);
    if (r.timedOut || left <= 0) return { status: 'not finished', note: `not finished in ${Math.round(timeoutMs / 1000)} s (${step[1]})`, seconds, accounts: null };
    if (r.code !== 0) return { status: 'not finished', note: `${step[1]} exit ${r.code}: ${r.stderr.trim().split('\n').slice(-2).join(' | ')}`, seconds, accounts: null };
  }
  const seconds = round((performance.now() - started) / 1000, 1);
  const edges = await runWithLimit(python, ['-c', EDGES_SCRIPT, db], env, 60_000);
  const flagged = new Set<string>();
  for (const line of edges.stdout.split('\n')) {
    const [a, b] = line.split(' ');
    if (a && b && a !== b) flagged.add(a).add(b);
  }
  return { status: 'finished', note: 'accounts with any co_similar_tweet edge', seconds, accounts: accountFigures(truth, flagged) };
}

async function runChorus(csv: string, timeoutMs: number, messages: ReturnType<typeof generateStream>, truth: readonly { userId: string; label: string }[]): Promise<ToolRun> {
  const r = await analyzeInChild(csv, timeoutMs);
  if (!r.finished) return { status: 'not finished', note: r.reason, seconds: r.seconds, accounts: null };
  const flagged = new Set(messages.filter((m) => (r.result.verdicts.get(m.message_id)?.verdict ?? 'clean') !== 'clean').map((m) => m.user_id));
  return { status: 'finished', note: `analyzer ${r.analyzeSeconds ?? '-'} s of ${r.seconds} s (model load and reading included)`, seconds: r.seconds, accounts: accountFigures(truth, flagged) };
}

/** The stream at each size through both tools. */
export async function benchStream(): Promise<StreamResult> {
  const sizes = (process.env.BENCH_STREAM_SIZES ?? '10000,30000,100000').split(',').map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 100)) throw new Error(`BENCH_STREAM_SIZES must be integers >= 100, got "${process.env.BENCH_STREAM_SIZES}"`);
  const timeoutMs = Number(process.env.BENCH_STREAM_TIMEOUT_S ?? 600) * 1000;
  const src = process.env.COORDINATION_TOOLKIT_SRC;
  const python = process.env.BENCH_PYTHON ?? '/usr/bin/python3';
  const toolkitFound = src !== undefined && existsSync(join(src, 'coordination_network_toolkit')) && existsSync(python);
  if (!toolkitFound) progress(`stream: toolkit not found (COORDINATION_TOOLKIT_SRC); Chorus alone. To install: ${TOOLKIT_INSTALL}`);
  const rows: StreamSizeRow[] = [];
  for (const size of sizes) {
    const dir = mkdtempSync(join(tmpdir(), 'chorus-bench-stream-'));
    try {
      const messages = generateStream({ seed: SEED, messages: size });
      const truth = messages.map((m) => ({ userId: m.user_id, label: m.label }));
      const csv = join(dir, 'stream.csv');
      writeFileSync(csv, streamToCsv(messages));
      progress(`stream: ${size} messages: chorus analyze`);
      const chorus = await runChorus(csv, timeoutMs, messages, truth);
      progress(`stream: ${size} messages: chorus ${chorus.status} in ${chorus.seconds} s; toolkit`);
      const toolkit: ToolRun = toolkitFound ? await runToolkit(src!, python, csv, dir, timeoutMs, truth) : { status: 'not installed', note: TOOLKIT_INSTALL, seconds: null, accounts: null };
      progress(`stream: ${size} messages: toolkit ${toolkit.status} in ${toolkit.seconds ?? '-'} s`);
      const a = accountFigures(truth, new Set());
      rows.push({ messages: messages.length, accounts: a.campaignAccounts + a.organicAccounts, campaignAccounts: a.campaignAccounts, chorus, toolkit });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return { seed: SEED, timeoutSeconds: timeoutMs / 1000, toolkitWindowSeconds: WINDOW_S, toolkitInstall: toolkitFound ? null : TOOLKIT_INSTALL, sizes: rows };
}

/** Rows for the bench table: per size, both tools. */
export function streamRows(r: StreamResult): (readonly [string, string, string])[] {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const cell = (t: ToolRun): [string, string] =>
    t.status !== 'finished' || !t.accounts
      ? [t.status + (t.seconds !== null ? ` (${t.seconds} s)` : ''), t.note ?? '']
      : [`${t.seconds} s; campaign accounts ${pct(t.accounts.campaignAccountRecall)} (${t.accounts.campaignAccountsFound}/${t.accounts.campaignAccounts}); organic flagged ${pct(t.accounts.organicAccountsFlaggedShare)} (${t.accounts.organicAccountsFlagged})`, t.note ?? ''];
  const rows: (readonly [string, string, string])[] = [];
  for (const s of r.sizes) {
    rows.push([`${s.messages} messages, ${s.accounts} accounts: chorus`, ...cell(s.chorus)]);
    rows.push([`  toolkit (co_similar_tweet, ${r.toolkitWindowSeconds} s)`, ...cell(s.toolkit)]);
  }
  rows.push(['targets at 100k (issue 13)', '<= 30 s, >= 95% campaign accounts, <= 1% organic accounts', `seed ${r.seed}; time limit ${r.timeoutSeconds} s per tool`]);
  return rows;
}
