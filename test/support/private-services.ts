// Private PostgreSQL clusters and Redis servers that fault tests may stop, kill and restart without
// touching the shared ones on 5432 and 6379. PostgreSQL clusters need Debian's postgresql-common
// (pg_createcluster) and root; every cluster and server is removed when the test process exits.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, Socket } from 'node:net';

const CLUSTER_PREFIX = 'chorus-fault-';
const live = new Set<() => void>();
// Synchronous on exit: however the test ends, no server or cluster outlives it.
process.once('exit', () => {
  for (const cleanup of live) cleanup();
});

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

/** Why private PostgreSQL clusters cannot be made here, or undefined when they can. */
export function privatePostgresUnavailable(): string | undefined {
  if (spawnSync('pg_createcluster', ['--help'], { stdio: 'ignore' }).error) return 'pg_createcluster is not installed (Debian/Ubuntu package postgresql-common)';
  if (process.getuid?.() !== 0) return 'pg_createcluster needs root';
  if (!existsSync('/etc/postgresql') || readdirSync('/etc/postgresql').length === 0) return 'no PostgreSQL version under /etc/postgresql';
  return undefined;
}

const pgVersion = (): string => readdirSync('/etc/postgresql').sort((a, b) => Number(b) - Number(a))[0];
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { stdio: 'pipe' });
const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

export interface PrivatePostgres {
  readonly url: string;
  readonly port: number;
  /** `pg_ctlcluster ... stop -m immediate`: every backend dies at once, as in a crash. */
  crash(): void;
  start(): void;
  destroy(): void;
}

/** A fresh cluster on a free port with trust auth on 127.0.0.1, started. */
export async function createPrivatePostgres(): Promise<PrivatePostgres> {
  const version = pgVersion();
  // Clusters left behind by a test process that was killed before it could clean up.
  for (const name of readdirSync(`/etc/postgresql/${version}`)) {
    const pid = Number(name.slice(CLUSTER_PREFIX.length));
    if (name.startsWith(CLUSTER_PREFIX) && !isAlive(pid)) run('pg_dropcluster', ['--stop', version, name]);
  }
  const name = `${CLUSTER_PREFIX}${process.pid}`;
  const port = await freePort();
  // fsync off: an immediate stop kills PostgreSQL, not the machine, so nothing written is lost.
  run('pg_createcluster', [version, name, '-p', String(port), '-o', 'fsync=off']);
  const destroy = () => {
    live.delete(destroy);
    spawnSync('pg_dropcluster', ['--stop', version, name], { stdio: 'ignore' });
  };
  live.add(destroy);
  writeFileSync(`/etc/postgresql/${version}/${name}/pg_hba.conf`, 'local all all trust\nhost all all 127.0.0.1/32 trust\n');
  const ctl = (...args: string[]) => run('pg_ctlcluster', ['--skip-systemctl-redirect', version, name, ...args]);
  try {
    ctl('start');
  } catch (err) {
    destroy();
    throw err;
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/chorus`,
    port,
    crash: () => ctl('stop', '-m', 'immediate'),
    start: () => ctl('start'),
    destroy,
  };
}

export interface PrivateRedis {
  readonly url: string;
  /** SIGKILL: the server dies with everything it held (no persistence). */
  kill(): Promise<void>;
  /** Starts an empty server on the same port. */
  start(): Promise<void>;
  destroy(): Promise<void>;
}

/** A redis-server without persistence on a free port, started. */
export async function createPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  let proc: ChildProcess | undefined;
  const stopNow = () => proc?.kill('SIGKILL');
  const start = async () => {
    proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    live.add(stopNow);
    await waitForPort(port);
  };
  const kill = async () => {
    const current = proc;
    if (!current || current.exitCode !== null || current.signalCode !== null) return;
    const gone = new Promise((resolve) => current.once('exit', resolve));
    current.kill('SIGKILL');
    await gone;
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    kill,
    start,
    async destroy() {
      await kill();
      live.delete(stopNow);
    },
  };
}

async function waitForPort(port: number, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = new Socket();
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
      socket.connect(port, '127.0.0.1');
    });
    if (open) return;
    if (Date.now() > until) throw new Error(`nothing listening on ${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
