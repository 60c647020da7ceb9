// Runs `chorus analyze FILE --out JSON` in a child process with a time limit, so a slow run is
// reported as not finished instead of hanging the evaluation or the bench.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { VerdictSource } from '../eval-metrics.js';

const CLI = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'packages', 'cli', 'src', 'main.ts');

export type ChildRun =
  | {
      readonly finished: true;
      /** Wall time of the child: start-up and model load included. */
      readonly seconds: number;
      /** What the analyzer itself reports ("N comments analyzed in X s"). */
      readonly analyzeSeconds: number | null;
      /** Verdict per comment id, and the clusters, as the figures read them. */
      readonly result: VerdictSource;
    }
  | { readonly finished: false; readonly seconds: number; readonly reason: string };

/** Runs a command, killed after `timeoutMs`: its exit code (null when killed), stdout, and the tail of stderr. */
export function runWithLimit(cmd: string, args: readonly string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<{ code: number | null; timedOut: boolean; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr = (stderr + b.toString()).slice(-2000)));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, timedOut, stdout, stderr });
    });
  });
}

/** `chorus analyze` on `file` with `args` (e.g. --no-semantic); killed after `timeoutMs`. */
export async function analyzeInChild(file: string, timeoutMs: number, args: readonly string[] = []): Promise<ChildRun> {
  const dir = mkdtempSync(join(tmpdir(), 'chorus-analyze-'));
  const out = join(dir, 'out.json');
  const started = performance.now();
  try {
    const { code, timedOut, stdout, stderr } = await runWithLimit(process.execPath, ['--import', 'tsx', CLI, 'analyze', file, '--out', out, ...args], process.env, timeoutMs);
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    if (timedOut) return { finished: false, seconds, reason: `not finished in ${Math.round(timeoutMs / 1000)} s` };
    if (code !== 0) return { finished: false, seconds, reason: `exit ${code}: ${stderr.trim().split('\n').slice(-3).join(' | ')}` };
    const doc = JSON.parse(readFileSync(out, 'utf8')) as { comments: { id: string; verdict: string }[]; clusters: { verdict: string; members: string[] }[] };
    const m = /analyzed in ([\d.]+) s/.exec(stdout);
    return { finished: true, seconds, analyzeSeconds: m ? Number(m[1]) : null, result: { verdicts: new Map(doc.comments.map((c) => [c.id, { verdict: c.verdict }])), clusters: doc.clusters } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
