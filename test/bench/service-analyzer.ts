// The corpora of the service bench as files, and `chorus analyze` timed on the same file, as a user
// runs it (a child process: `node --import tsx packages/cli/src/main.ts analyze FILE`, default model).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import type { LabeledComment } from '../eval/generate-corpus.js';
import { ROOT } from './service-processes.js';
import { round } from './bench-kit.js';

/** A comment as the analyzer reads it (JSONL, with its label) and, less the label, as the API takes it. */
export type FileComment = LabeledComment;

export interface AnalyzerTime {
  /** The command's own "analyzed in" figure (model load and analysis, not reading the file). */
  readonly seconds: number;
  /** The whole child process, start-up and file reading included. */
  readonly processSeconds: number;
  readonly commentsPerSecond: number;
  readonly flagged: number;
}

const tempDir = mkdtempSync(join(os.tmpdir(), 'chorus-service-bench-'));
process.once('exit', () => rmSync(tempDir, { recursive: true, force: true }));

/** Writes comments as JSONL in a temporary folder removed when the bench exits. */
export function writeCorpusFile(name: string, comments: readonly FileComment[]): string {
  const file = join(tempDir, `${name}.jsonl`);
  writeFileSync(file, comments.map((c) => JSON.stringify(c)).join('\n') + '\n');
  return file;
}

/** Runs `chorus analyze FILE --out …` and reads its summary line, and which comments it flagged. */
export async function timeAnalyzer(file: string, timeoutSeconds: number): Promise<AnalyzerTime & { readonly flaggedIds: ReadonlySet<string> }> {
  const started = performance.now();
  const out = `${file}.result.json`;
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'packages/cli/src/main.ts', 'analyze', file, '--out', out], {
    cwd: ROOT,
    timeout: timeoutSeconds * 1000,
    maxBuffer: 64 * 2 ** 20,
  });
  const processSeconds = (performance.now() - started) / 1000;
  const summary = /^(\d+) comments analyzed in ([\d.]+) s/m.exec(stdout);
  const counts = /^coordinated (\d+), suspect (\d+), clean (\d+)/m.exec(stdout);
  if (!summary || !counts) throw new Error(`service bench: unexpected chorus analyze output: ${stdout.slice(0, 300)}`);
  const seconds = Number(summary[2]);
  return {
    seconds,
    processSeconds: round(processSeconds, 1),
    commentsPerSecond: Math.round(Number(summary[1]) / Math.max(seconds, 0.001)),
    flagged: Number(counts[1]) + Number(counts[2]),
    flaggedIds: new Set(
      (JSON.parse(readFileSync(out, 'utf8')) as { comments: { id: string; verdict: string }[] }).comments.filter((c) => c.verdict !== 'clean').map((c) => c.id),
    ),
  };
}
