// What `npm run bench -- --only service` runs, from SERVICE_BENCH_* variables (parsed once, here).
// The defaults finish in about 20 minutes on the 2-core machine even while the service is slow:
// every wait is capped and reported as "not finished" instead of hanging.
import { z } from 'zod';
import { boolVar, intVar, parseConfig } from '@chorus/platform';

const intList = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean).map(Number))
    .pipe(z.array(z.number().int().min(0)));

const optionsSchema = z.object({
  /** Generated corpus sizes (about; corpusOptionsForSize). "" for none. */
  SERVICE_BENCH_SIZES: intList('10000'),
  /** Worker process counts to run each corpus with. */
  SERVICE_BENCH_WORKERS: intList('1,2').pipe(z.array(z.number().int().min(1).max(8)).min(1)),
  /** The real forum sample (test/fixtures/organic-forum-dev.jsonl.gz). */
  SERVICE_BENCH_FORUM: boolVar(true),
  /** 202 -> verdict latency at a paced offered rate, once per worker count. */
  SERVICE_BENCH_LATENCY: boolVar(true),
  SERVICE_BENCH_LATENCY_RATE: intVar(200, 1),
  SERVICE_BENCH_LATENCY_SECONDS: intVar(30, 1),
  /** The flood scenario (with the largest worker count). */
  SERVICE_BENCH_FLOOD: boolVar(true),
  SERVICE_BENCH_FLOOD_COPIES: intVar(20_000, 10),
  SERVICE_BENCH_FLOOD_ORGANIC: intVar(4_000, 0),
  /** `chorus analyze` on each corpus file, for the time beside the service's. */
  SERVICE_BENCH_ANALYZER: boolVar(true),
  /** Cap on each wait for the backlog to drain (after the last post), in seconds. */
  SERVICE_BENCH_TIMEOUT_S: intVar(120, 1),
  SERVICE_BENCH_SEED: intVar(7, 0),
  SERVICE_BENCH_DATABASE_URL: z.string().url().default('postgres://postgres@127.0.0.1:5432/postgres'),
  SERVICE_BENCH_REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
});

export interface ServiceBenchOptions {
  readonly sizes: readonly number[];
  readonly workers: readonly number[];
  readonly forum: boolean;
  readonly latency: { readonly enabled: boolean; readonly rate: number; readonly seconds: number };
  readonly flood: { readonly enabled: boolean; readonly copies: number; readonly organic: number };
  readonly analyzer: boolean;
  readonly timeoutSeconds: number;
  readonly seed: number;
  readonly databaseUrl: string;
  readonly redisUrl: string;
}

/** The bench's options from an environment (the bench passes process.env). */
export function serviceBenchOptions(env: Readonly<Record<string, string | undefined>>): ServiceBenchOptions {
  const o = parseConfig(optionsSchema, env);
  return {
    sizes: o.SERVICE_BENCH_SIZES,
    workers: [...new Set(o.SERVICE_BENCH_WORKERS)].sort((a, b) => a - b),
    forum: o.SERVICE_BENCH_FORUM,
    latency: { enabled: o.SERVICE_BENCH_LATENCY, rate: o.SERVICE_BENCH_LATENCY_RATE, seconds: o.SERVICE_BENCH_LATENCY_SECONDS },
    flood: { enabled: o.SERVICE_BENCH_FLOOD, copies: o.SERVICE_BENCH_FLOOD_COPIES, organic: o.SERVICE_BENCH_FLOOD_ORGANIC },
    analyzer: o.SERVICE_BENCH_ANALYZER,
    timeoutSeconds: o.SERVICE_BENCH_TIMEOUT_S,
    seed: o.SERVICE_BENCH_SEED,
    databaseUrl: o.SERVICE_BENCH_DATABASE_URL,
    redisUrl: o.SERVICE_BENCH_REDIS_URL,
  };
}

/** What the chosen options leave out, said plainly in the table. */
export function skippedParts(o: ServiceBenchOptions): string[] {
  const skipped: string[] = [];
  if (!o.sizes.includes(100_000)) skipped.push('100k corpus (SERVICE_BENCH_SIZES=10000,100000)');
  if (!o.sizes.includes(10_000)) skipped.push('10k corpus (SERVICE_BENCH_SIZES=10000)');
  if (!o.forum) skipped.push('forum sample (SERVICE_BENCH_FORUM=1)');
  if (!o.workers.includes(2)) skipped.push('2 workers (SERVICE_BENCH_WORKERS=1,2)');
  if (!o.latency.enabled) skipped.push('latency at 200/s (SERVICE_BENCH_LATENCY=1)');
  if (!o.flood.enabled) skipped.push('flood (SERVICE_BENCH_FLOOD=1)');
  else if (o.flood.copies < 20_000) skipped.push(`full flood: ${o.flood.copies} copies, not 20,000 (SERVICE_BENCH_FLOOD_COPIES=20000)`);
  if (!o.analyzer) skipped.push('chorus analyze times (SERVICE_BENCH_ANALYZER=1)');
  return skipped;
}
