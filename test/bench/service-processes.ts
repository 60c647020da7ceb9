// The service under test as real processes: one API (services/api/src/server.ts) and N detector
// workers (workers/detector/src/main.ts), each `node --import tsx` (test/support's ServiceChild), on a
// fresh PostgreSQL schema and Redis prefix of their own, with a tenant API key. Children are killed on
// stop, on failure and when the bench process exits (no orphans); the schema and the keys under the
// prefix are dropped.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { QUEUES } from '@chorus/contracts';
import { createApiKey, dropSchema, openMigratedDb, upsertTenant, type Db } from '@chorus/db';
import { createDetectQueue, deleteKeys } from '@chorus/platform';
import { freePort } from '../support/private-services.js';
import { ServiceChild } from '../support/service-children.js';
import type { ServiceBenchOptions } from './service-options.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const API = 'services/api/src/server.ts';
const WORKER = 'workers/detector/src/main.ts';
const STOP_GRACE_MS = 8_000;

/** Resident set of a process in bytes (VmRSS), 0 once it is gone. */
export function rssBytes(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

const TICKS_PER_SECOND = 100;
/** CPU milliseconds (user + system) a process has used, 0 once it is gone. */
export function cpuMs(pid: number): number {
  try {
    // Fields after the parenthesized command name: utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

export interface RunningService {
  readonly url: string;
  readonly key: string;
  /** The bench's own connection to the service's schema (counts and timestamps). */
  readonly db: Db;
  readonly workerPids: readonly number[];
  /** Peak VmRSS of any one worker so far, in MB (sampled every 250 ms). */
  peakWorkerRssMb(): number;
  /** CPU milliseconds used by all workers so far. */
  workerCpuMs(): number;
  /** Throws with the process's last output if the API or a worker has died. */
  assertAlive(): void;
  stop(): Promise<void>;
}

/** Starts the API and `workers` detector processes on a fresh schema and prefix; resolves once all are ready. */
export async function startService(options: ServiceBenchOptions, label: string, workers: number): Promise<RunningService> {
  const tag = `${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(3).toString('hex')}`;
  const schema = `bench_service_${tag}`;
  const prefix = `chorus-bench-service-${tag}`;
  const port = await freePort();
  // Migrate before the children start, so they do not race on the migration lock.
  const { db } = await openMigratedDb({ url: options.databaseUrl, schema, maxConnections: 4 });
  const env: Record<string, string> = {
    PORT: String(port),
    DATABASE_URL: options.databaseUrl,
    DATABASE_SCHEMA: schema,
    REDIS_URL: options.redisUrl,
    QUEUE_PREFIX: prefix,
    LOG_LEVEL: 'warn',
    SHUTDOWN_TIMEOUT_MS: '3000',
  };
  const children: ServiceChild[] = [];
  let peakRss = 0;
  let sampler: NodeJS.Timeout | undefined;
  const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: 1 });
  const cleanup = async () => {
    clearInterval(sampler);
    await Promise.all(children.map((c) => c.stop(STOP_GRACE_MS)));
    await deleteKeys(redis, `${prefix}:*`).catch(() => undefined);
    redis.disconnect();
    await dropSchema(db, schema).catch(() => undefined);
    await db.destroy();
  };
  try {
    const tenant = await upsertTenant(db, 'bench');
    const { key } = await createApiKey(db, tenant.id);
    children.push(new ServiceChild('api', API, env));
    for (let i = 0; i < workers; i++) children.push(new ServiceChild(`worker ${i + 1}`, WORKER, env));
    const workerChildren = children.slice(1);
    const assertAlive = () => {
      const dead = children.find((c) => c.exited);
      if (dead) throw new Error(dead.describe());
    };
    sampler = setInterval(() => {
      for (const w of workerChildren) peakRss = Math.max(peakRss, rssBytes(w.pid));
    }, 250);
    const url = `http://127.0.0.1:${port}`;
    await waitReady(`API on ${url}`, assertAlive, async () => (await fetch(`${url}/healthz`).catch(() => null))?.ok === true);
    // A worker is ready once its BullMQ worker is connected to the detect queue (after the model loads).
    const queue = createDetectQueue(redis, prefix);
    try {
      await waitReady(`${workers} worker(s) on ${QUEUES.detect}`, assertAlive, async () => (await queue.getWorkersCount()) >= workers);
    } finally {
      await queue.close();
    }
    return {
      url,
      key,
      db,
      workerPids: workerChildren.map((w) => w.pid),
      peakWorkerRssMb: () => Math.round(peakRss / 2 ** 20),
      workerCpuMs: () => workerChildren.reduce((s, w) => s + cpuMs(w.pid), 0),
      assertAlive,
      stop: cleanup,
    };
  } catch (err) {
    await cleanup();
    throw err;
  }
}

async function waitReady(what: string, assertAlive: () => void, probe: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    assertAlive();
    if (await probe()) return;
    if (Date.now() > until) throw new Error(`service bench: ${what} not ready after ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
