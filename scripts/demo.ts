// `npm run demo`: the whole service on the bundled sample data, in one process, then a report.
// Uses its own schema (chorus_demo) and queue prefix, recreated on every run. Without PostgreSQL or
// Redis it says so and runs the samples through the in-process pipeline instead.
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { DEFAULT_EMBEDDING_MODEL, defaultModelDir, loadEncoder } from '@chorus/embeddings';
import { createApiKey, createDb, DatabaseUnavailableError, dropSchema, ensureDatabase, migrateToLatest, upsertTenant } from '@chorus/db';
import { baseConfigSchema, createDetectQueue, createLogger, deleteKeys, loadConfig, redisReachable, unreachableMessage, watchRedis } from '@chorus/platform';
import { createApp } from '../services/api/src/app.js';
import { startDetector } from '../workers/detector/src/detector.js';
import { readFixture } from '../test/support/fixtures.js';
import { runOfflineDemo } from './demo-offline.js';
import { printReport, type ReportCluster } from './demo-report.js';

const SCHEMA = 'chorus_demo';
const PREFIX = 'chorus-demo';
const SAMPLES = ['seed-thread.jsonl', 'reply-ring-thread.jsonl', 'swarm-thread.jsonl', 'organic-control-thread.jsonl'];

const config = loadConfig(baseConfigSchema);
const logger = createLogger('chorus-demo', 'warn');
const print = (s = '') => process.stdout.write(`${s}\n`);

const started = Date.now();
const samples = SAMPLES.flatMap((file) => readFixture(file));
// Which service is missing, if one is: PostgreSQL first (it holds the record), then Redis.
const missing = await ensureDatabase(config.DATABASE_URL).then(
  async () => ((await redisReachable(config.REDIS_URL)) ? undefined : unreachableMessage('redis', config.REDIS_URL)),
  (err: unknown) => {
    if (err instanceof DatabaseUnavailableError) return unreachableMessage('postgres', config.DATABASE_URL);
    throw err;
  },
);
print('Loading the embedding model (built from the installed word vectors on first use)...');
const loaded = await loadEncoder({ model: DEFAULT_EMBEDDING_MODEL, modelDir: defaultModelDir(), allowRemote: false, removeCommonComponent: true });
if (loaded.built) print(`Built ${DEFAULT_EMBEDDING_MODEL} into ${defaultModelDir()}`);

if (missing) {
  print(`${missing}. Running the samples through the in-process pipeline instead (the offline analyzer: same detection, nothing stored, no API).`);
  print(`Chorus demo (in-process): analyzing ${samples.length} comments from ${SAMPLES.join(', ')}`);
  await runOfflineDemo(samples, loaded, print);
  print(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  process.exit(0);
}

const db = createDb({ url: config.DATABASE_URL, schema: SCHEMA });
await dropSchema(db, SCHEMA);
await migrateToLatest(db, SCHEMA);
const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1 });
watchRedis(redis, logger);
await deleteKeys(redis, `${PREFIX}:*`);

const tenant = await upsertTenant(db, 'demo-publisher');
const { key } = await createApiKey(db, tenant.id);
const queue = createDetectQueue(redis, PREFIX, logger);
const server = createApp({ db, queue, redis, logger }).listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const detector = startDetector({
  db, redisUrl: config.REDIS_URL, queuePrefix: PREFIX, logger, concurrency: 4, lexicalThreshold: 0.8, bucketCap: 32,
  retentionDays: 30, componentLimit: 2000, sweepIntervalMs: 5000, sweepGraceMs: 10_000, shutdownTimeoutMs: 10_000,
  semantic: { embedder: loaded.embedder, encoder: loaded.encoder, batchSize: 32, batchWaitMs: 10, concurrency: 32, windowDays: 30 },
});

const api = async (path: string, init?: RequestInit) => {
  const res = await fetch(`${base}${path}`, { ...init, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...init?.headers } });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

print(`Chorus demo: posting ${samples.length} comments from ${SAMPLES.join(', ')} to ${base}/v1/comments`);
const posted = await api('/v1/comments', { method: 'POST', body: JSON.stringify({ comments: samples }) });
if (posted.status !== 202) throw new Error(`ingest answered ${posted.status}: ${JSON.stringify(posted.body)}`);

interface View { id: string; thread_id: string; status: string; verdict: string | null; score: number | null; cluster_id: string | null }
let views: View[] = [];
const deadline = Date.now() + 45_000;
for (;;) {
  views = await Promise.all(samples.map(async (s) => (await api(`/v1/comments/${encodeURIComponent(s.id)}`)).body as unknown as View));
  if (views.every((v) => v.status === 'scored') || Date.now() > deadline) break;
  await new Promise((r) => setTimeout(r, 200));
}
const pending = views.filter((v) => v.status !== 'scored');

interface ClusterBody { id: string; score: number; verdict: string; account_count: number; reasons: { text: string }[]; members: { id: string; author_id: string | null; text: string }[] }
const listed = (await api('/v1/clusters?status=flagged&limit=200')).body.clusters as { id: string }[];
const clusters = await Promise.all(listed.map(async (c) => (await api(`/v1/clusters/${c.id}`)).body as unknown as ClusterBody));
printReport(
  print,
  clusters.map((c): ReportCluster => ({ id: c.id, verdict: c.verdict, score: c.score, accountCount: c.account_count, reasons: c.reasons, members: c.members })),
  views.map((v) => ({ id: v.id, thread_id: v.thread_id, verdict: v.status === 'scored' ? v.verdict : null })),
);
print(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);

await detector.close();
await new Promise((resolve) => server.close(resolve));
await queue.close();
await redis.quit();
await db.destroy();
if (pending.length > 0) {
  process.stderr.write(`${pending.length} comments were not scored in time\n`);
  process.exit(1);
}
