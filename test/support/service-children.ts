// The API and a detector worker as real processes (`node --import tsx` on their entry points), for
// tests where a process dying is the failure being looked for. Children are killed when the test
// process exits, whatever path ends it.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

export class ServiceChild {
  private tail = '';
  private readonly seen = new Set<string>();
  private readonly proc: ChildProcess;

  constructor(readonly name: string, script: string, env: Readonly<Record<string, string>>) {
    // CHORUS_CHILD_NODE_ARGS (space-separated) goes before the script: `--cpu-prof --cpu-prof-dir=/tmp/prof` profiles a bench's processes.
    const nodeArgs = (process.env.CHORUS_CHILD_NODE_ARGS ?? '').split(' ').filter((a) => a !== '');
    this.proc = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    live.add(this.proc);
    this.proc.once('exit', () => live.delete(this.proc));
    let partial = '';
    this.proc.stdout?.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        this.keep(`${line}\n`);
        // pino writes one JSON object a line; remember each message, to wait for one.
        const msg = /"msg":"([^"]*)"/.exec(line)?.[1];
        if (msg) this.seen.add(msg);
      }
    });
    this.proc.stderr?.on('data', (chunk: Buffer) => this.keep(chunk.toString('utf8')));
  }

  private keep(text: string): void {
    this.tail = (this.tail + text).slice(-6000);
  }

  /** The child's process id (for /proc readings such as its resident memory). */
  get pid(): number {
    return this.proc.pid ?? -1;
  }

  get exited(): boolean {
    return this.proc.exitCode !== null || this.proc.signalCode !== null;
  }

  /** The exit status and the last output: what a failing assertion should show. */
  describe(): string {
    return `${this.name} ${this.exited ? `exited (${this.proc.exitCode ?? this.proc.signalCode})` : 'running'}; last output:\n${this.tail.slice(-3000)}`;
  }

  /** Resolves once the process has logged `msg`; rejects if it exits first or the time is up. */
  async logged(msg: string, timeoutMs = 30_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!this.seen.has(msg)) {
      if (this.exited || Date.now() > until) throw new Error(`${this.name} did not log "${msg}": ${this.describe()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** SIGTERM, then SIGKILL after `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    if (this.exited) return;
    const gone = new Promise<void>((resolve) => this.proc.once('exit', () => resolve()));
    this.proc.kill('SIGTERM');
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), graceMs);
    await gone;
    clearTimeout(timer);
  }
}

/** `npm run api` as a child, ready once it listens. */
export async function startApiProcess(env: Readonly<Record<string, string>>): Promise<ServiceChild> {
  const api = new ServiceChild('api', 'services/api/src/server.ts', { LOG_LEVEL: 'info', HOST: '127.0.0.1', ...env });
  await api.logged('api listening');
  return api;
}

/** `npm run worker` as a child, ready once its workers run. */
export async function startWorkerProcess(env: Readonly<Record<string, string>>): Promise<ServiceChild> {
  const worker = new ServiceChild('worker', 'workers/detector/src/main.ts', { LOG_LEVEL: 'info', ...env });
  await worker.logged('detector started', 60_000);
  return worker;
}
