// `npm run demo`: the whole service on the bundled sample data, in one process, then a report.
// Uses its own schema (chorus_demo) and queue prefix, recreated on every run.
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { DEFAULT_EMBEDDING_MODEL, defaultModelDir, loadEncoder } from '@chorus/embeddings';
import { createApiKey, createDb, dropSchema, ensureDatabase, migrateToLatest, upsertTenant } from '@chorus/db';
import { baseConfigSchema, createDetectQueue, createLogger, deleteKeys, loadConfig } from '@chorus/platform';
import { createApp } from '../services/api/src/app.js';
import { startDetector } from '../workers/detector/src/detector.js';
import { formatTable } from '../packages/cli/src/table.js';
import { readFixture } from '../test/support/fixtures.js';

const SCHEMA = 'chorus_demo';
const PREFIX = 'chorus-demo';
const SAMPLES = ['seed-thread.jsonl', 'reply-ring-thread.jsonl', 'swarm-thread.jsonl', 'organic-control-thread.jsonl'];

const config = loadConfig(baseConfigSchema);
const logger = createLogger('chorus-demo', 'warn');
const print = (s = '') => process.stdout.write(`${s}\n`);


const started = Date.now();
print('Loading the embedding model (built from the installed word vectors on first use)...');
const { embedder, encoder, built } = await loadEncoder({ model: DEFAULT_EMBEDDING_MODEL, modelDir: defaultModelDir(), allowRemote: false, removeCommonComponent: true });
if (built) print(`Built ${DEFAULT_EMBEDDING_MODEL} into ${defaultModelDir()}`);
await ensureDatabase(config.DATABASE_URL);
const db = createDb({ url: config.DATABASE_URL, schema: SCHEMA });
await dropSchema(db, SCHEMA);
await migrateToLatest(db, SCHEMA);
const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1 });
await deleteKeys(redis, `${PREFIX}:*`);

const tenant = await upsertTenant(db, 'demo-publisher');
const { key } = await createApiKey(db, tenant.id);
const queue = createDetectQueue(redis, PREFIX);
const server = createApp({ db, queue, redis, logger }).listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const detector = startDetector({
  db, redisUrl: config.REDIS_URL, queuePrefix: PREFIX, logger, concurrency: 4, lexicalThreshold: 0.8, bucketCap: 32,
  retentionDays: 30, componentLimit: 2000, sweepIntervalMs: 5000, sweepGraceMs: 10_000, shutdownTimeoutMs: 10_000,
  semantic: { embedder, encoder, batchSize: 32, batchWaitMs: 10, concurrency: 32, windowDays: 30 },
});

const api = async (path: string, init?: RequestInit) => {
  const res = await fetch(`${base}${path}`, { ...init, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...init?.headers } });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

const samples = SAMPLES.flatMap((file) => readFixture(file));
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

interface ClusterBody { id: string; score: number; verdict: string; size: number; account_count: number; reasons: { text: string }[]; members: { id: string; author_id: string | null; text: string }[] }
const listed = (await api('/v1/clusters?status=flagged&limit=200')).body.clusters as { id: string }[];
const clusters = await Promise.all(listed.map(async (c) => (await api(`/v1/clusters/${c.id}`)).body as unknown as ClusterBody));

print();
print(`Flagged clusters: ${clusters.length}`);
for (const c of clusters) {
  print();
  print(`Cluster ${c.id}: ${c.verdict.toUpperCase()}  score ${c.score.toFixed(2)}  ${c.size} comments, ${c.account_count} named accounts`);
  for (const r of c.reasons) print(`  - ${r.text}`);
  print(formatTable(['comment', 'author', 'text'], c.members.map((m) => [m.id, m.author_id ?? '(anonymous)', m.text]), 90).replace(/^/gm, '    '));
}
print();
const threads = [...new Set(samples.map((s) => s.thread_id))];
print('Per thread:');
print(
  formatTable(
    ['thread', 'comments', 'coordinated', 'suspect', 'clean', 'pending'],
    threads.map((t) => {
      const vs = views.filter((v) => v.thread_id === t);
      const count = (verdict: string) => vs.filter((v) => v.verdict === verdict).length;
      return [t, vs.length, count('coordinated'), count('suspect'), count('clean'), vs.filter((v) => v.status !== 'scored').length];
    }),
  ),
);
print();
print(`Stayed clean: ${views.filter((v) => v.verdict === 'clean').map((v) => v.id).join(', ') || 'none'}`);
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
