// The two measurements every corpus gets: end to end (post everything in batches of 1,000, then wait
// for the backlog to reach 0) and 202 -> verdict latency at a paced offered rate. Each run starts its
// own service (fresh schema, prefix, processes) and stops it afterwards.
import os from 'node:os';
import { sql } from 'kysely';
import type { Db } from '@chorus/db';
import type { FileComment } from './service-analyzer.js';
import { postAll, postPaced, waitDrained } from './service-client.js';
import type { ServiceBenchOptions } from './service-options.js';
import { startService } from './service-processes.js';
import { commentInputOf, progress, round } from './bench-kit.js';
import { SETTLE_AFTER_MS } from '../../workers/detector/src/service-ports.js';

export interface EndToEndRun {
  readonly corpus: string;
  readonly workers: number;
  readonly comments: number;
  /** Comments acknowledged with 202 per second of posting (one client, batches of 1,000). */
  readonly ingestPerSecond: number;
  readonly non202: Readonly<Record<string, number>>;
  /** Whether the backlog reached 0 before the cap; if not, `pendingAtEnd` were still waiting. */
  readonly finished: boolean;
  readonly pendingAtEnd: number;
  /** From the first post until the backlog was 0 (or the wait gave up). */
  readonly seconds: number;
  /** comments / seconds when finished; null when not (the real rate is then below comments / seconds). */
  readonly commentsPerSecond: number | null;
  /** Scored comments / seconds: the rate so far, also when not finished. */
  readonly scoredPerSecond: number;
  /** Comments with a suspect or coordinated verdict when the last was scored. */
  readonly flagged: number;
  /**
   * The same once the service is at rest: a cluster that members joined without a full decision is
   * decided in full SETTLE_AFTER_MS after the last joined (what the analyzer's count compares with).
   */
  readonly flaggedAtRest: number;
  /** At rest, against `chorus analyze` on the same file (when it ran): comments both flag, only the analyzer, only the service. */
  readonly vsAnalyzer: { readonly both: number; readonly analyzerOnly: number; readonly serviceOnly: number } | null;
  readonly peakWorkerRssMb: number;
  /** Worker CPU (all workers) per scored comment. */
  readonly workerCpuMsPerComment: number;
  /** The machine's 1-minute load average at the end (2 cores: above 2, something else competed). */
  readonly loadAvg: number;
}

export interface LatencyRun {
  readonly workers: number;
  readonly comments: number;
  readonly targetPerSecond: number;
  readonly offeredPerSecond: number;
  readonly scored: number;
  /** Waited this long after the last post for the rest (capped). */
  readonly waitedSeconds: number;
  /** received_at -> scored_at over all offered comments; null when more than that share was never scored. */
  readonly p50Ms: number | null;
  readonly p95Ms: number | null;
  readonly maxScoredMs: number;
  readonly peakWorkerRssMb: number;
  readonly loadAvg: number;
}

/** The ids (as posted) of the comments with a suspect or coordinated verdict. */
async function flaggedExternalIds(db: Db): Promise<string[]> {
  const { rows } = await sql<{ external_id: string }>`
    select c.external_id from comments c join clusters k on k.id = c.cluster_id where k.verdict in ('suspect', 'coordinated')`.execute(db);
  return rows.map((r) => r.external_id);
}

/**
 * Counts of scored and flagged comments, optionally of those whose id starts with a prefix. A
 * comment's verdict is its cluster's (as GET /v1/comments/:id reads it); one in no cluster is clean.
 */
export async function verdictCounts(db: Db, idPrefix = ''): Promise<{ scored: number; flagged: number }> {
  const { rows } = await sql<{ scored: string; flagged: string }>`
    select count(*) filter (where c.status = 'scored') as scored,
           count(*) filter (where k.verdict in ('suspect', 'coordinated')) as flagged
    from comments c left join clusters k on k.id = c.cluster_id
    where c.external_id like ${`${idPrefix}%`}`.execute(db);
  return { scored: Number(rows[0]?.scored ?? 0), flagged: Number(rows[0]?.flagged ?? 0) };
}

/** 202 -> verdict latencies (received_at -> scored_at) in ms, NaN for a comment not scored yet. */
export async function verdictLatenciesMs(db: Db, idPrefix = ''): Promise<number[]> {
  const { rows } = await sql<{ ms: number | null }>`
    select extract(epoch from (scored_at - received_at)) * 1000 as ms
    from comments where external_id like ${`${idPrefix}%`}`.execute(db);
  return rows.map((r) => (r.ms === null ? Number.NaN : Number(r.ms)));
}

/** Nearest-rank percentile where unscored (NaN) counts as slower than everything; null if it lands there. */
export function censoredPercentile(values: readonly number[], p: number): number | null {
  const sorted = values.map((v) => (Number.isNaN(v) ? Number.POSITIVE_INFINITY : v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const v = sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  return Number.isFinite(v) ? Math.round(v) : null;
}

/** How long after the last verdict the clusters are counted again, at rest (the settling decisions after SETTLE_AFTER_MS, and a round). */
const AT_REST_MS = SETTLE_AFTER_MS + 2000;

/** Posts a whole corpus through HTTP and waits (capped) until every comment has a verdict. */
export async function endToEnd(options: ServiceBenchOptions, name: string, comments: readonly FileComment[], workers: number, analyzerFlagged?: ReadonlySet<string>): Promise<EndToEndRun> {
  progress(`service: ${name}, ${workers} worker(s): starting API and workers`);
  const service = await startService(options, `${name}_w${workers}`, workers);
  try {
    const cpuBefore = service.workerCpuMs();
    progress(`service: ${name}, ${workers} worker(s): posting ${comments.length} comments`);
    const posted = await postAll(service, comments.map((c) => commentInputOf(c)));
    const acked = posted.ackedAt.size;
    progress(`service: ${name}, ${workers} worker(s): ${acked} acknowledged; waiting up to ${options.timeoutSeconds} s for verdicts`);
    const drained = await waitDrained(service, options.timeoutSeconds);
    const seconds = (drained.at - posted.firstPostAt) / 1000;
    const cpuMs = service.workerCpuMs() - cpuBefore;
    const counts = await verdictCounts(service.db);
    await new Promise((resolve) => setTimeout(resolve, AT_REST_MS));
    const atRest = await verdictCounts(service.db);
    const flaggedIds = analyzerFlagged && new Set(await flaggedExternalIds(service.db));
    const both = flaggedIds ? [...flaggedIds].filter((id) => analyzerFlagged!.has(id)).length : 0;
    if (!drained.finished) progress(`service: ${name}, ${workers} worker(s): not finished: ${drained.pending} pending after ${round(seconds, 1)} s`);
    return {
      corpus: name,
      workers,
      comments: acked,
      ingestPerSecond: Math.round(acked / ((posted.lastAckAt - posted.firstPostAt) / 1000)),
      non202: posted.non202,
      finished: drained.finished,
      pendingAtEnd: drained.pending,
      seconds: round(seconds, 1),
      commentsPerSecond: drained.finished ? Math.round(acked / seconds) : null,
      scoredPerSecond: Math.round(counts.scored / seconds),
      flagged: counts.flagged,
      flaggedAtRest: atRest.flagged,
      vsAnalyzer: flaggedIds ? { both, analyzerOnly: analyzerFlagged!.size - both, serviceOnly: flaggedIds.size - both } : null,
      peakWorkerRssMb: service.peakWorkerRssMb(),
      workerCpuMsPerComment: round(cpuMs / Math.max(1, counts.scored), 2),
      loadAvg: round(os.loadavg()[0], 1),
    };
  } finally {
    await service.stop();
  }
}

/** Offers comments at a paced rate for a while and measures each one's 202 -> verdict time. */
export async function latencyAtRate(options: ServiceBenchOptions, comments: readonly FileComment[], workers: number): Promise<LatencyRun> {
  const { rate, seconds } = options.latency;
  const offered = comments.slice(0, rate * seconds);
  progress(`service: latency, ${workers} worker(s): starting API and workers`);
  const service = await startService(options, `latency_w${workers}`, workers);
  try {
    progress(`service: latency, ${workers} worker(s): offering ${offered.length} comments at ${rate}/s`);
    const posted = await postPaced(service, offered.map((c) => commentInputOf(c)), rate);
    const drained = await waitDrained(service, options.timeoutSeconds);
    const latencies = await verdictLatenciesMs(service.db);
    const scored = latencies.filter((v) => !Number.isNaN(v));
    return {
      workers,
      comments: posted.ackedAt.size,
      targetPerSecond: rate,
      offeredPerSecond: posted.offeredPerSecond,
      scored: scored.length,
      waitedSeconds: round((drained.at - posted.lastAckAt) / 1000, 1),
      p50Ms: censoredPercentile(latencies, 0.5),
      p95Ms: censoredPercentile(latencies, 0.95),
      maxScoredMs: Math.round(Math.max(0, ...scored)),
      peakWorkerRssMb: service.peakWorkerRssMb(),
      loadAvg: round(os.loadavg()[0], 1),
    };
  } finally {
    await service.stop();
  }
}
