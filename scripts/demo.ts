// `npm run demo`: the whole service on the bundled sample data, in one process, then a report.
// Uses its own schema (chorus_demo) and queue prefix, recreated on every run. Without PostgreSQL or
// Redis it says so and runs the samples through the in-process pipeline instead.
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { DEFAULT_EMBEDDING_MODEL, defaultModelDir, loadEncoder } from '@chorus/embeddings';
import { createApiKey, createDb, DatabaseUnavailableError, dropSchema, ensureDatabase, migrateToLatest, upsertTenant } from '@chorus/db';
import { baseConfigSchema, createDetectQueue, createLogger, deleteKeys, loadConfig, redisReachable, unreachableMessage, watchRedis } from '@chorus/platform';
import { createClient, type CommentView } from '@chorus/client';
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

// The demo talks to the API as a publisher would: through the typed client (packages/client).
const client = createClient({ baseUrl: base, apiKey: key });

print(`Chorus demo: posting ${samples.length} comments from ${SAMPLES.join(', ')} to ${base}/v1/comments`);
const posted = await client.ingestBatch(samples);
if (posted.rejected > 0) throw new Error(`ingest refused ${posted.rejected} comments: ${JSON.stringify(posted.comments.filter((c) => 'error' in c))}`);

let views: CommentView[] = [];
const deadline = Date.now() + 45_000;
for (;;) {
  views = await Promise.all(samples.map((s) => client.getComment(s.id)));
  if (views.every((v) => v.status === 'scored') || Date.now() > deadline) break;
  await new Promise((r) => setTimeout(r, 200));
}
const pending = views.filter((v) => v.status !== 'scored');

const listed = (await client.listClusters({ status: 'flagged', limit: 200 })).clusters;
const clusters = await Promise.all(listed.map((c) => client.getCluster(c.id)));
printReport(
  print,
  clusters.map((c): ReportCluster => ({ id: c.id, verdict: c.verdict, score: c.score, accountCount: c.account_count, reasons: c.reasons ?? [], members: c.members })),
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
