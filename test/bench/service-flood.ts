// The flood scenario: the flood corpus offered at 200 comments/s to a running service. Measures
// whether all of the campaign ends up flagged, the cost per comment through the flood (rate and
// worker CPU per 2,000 comments scored, first slice against last), and how long after the 202 of
// the campaign's fifth comment (overall, and in each of its 50 threads) that comment is visible as
// flagged: its cluster's verdict is suspect/coordinated or the cluster is flagged, which is what
// GET /v1/comments/:id and GET /v1/clusters?status=flagged read. The bench polls those rows in
// PostgreSQL every 200 ms (one query for all watched comments, not 51 HTTP pollers on 2 cores).
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { Db } from '@chorus/db';
import { postPaced, waitDrained } from './service-client.js';
import { floodCorpus, FLOOD_ID_PREFIX } from './service-flood-corpus.js';
import type { ServiceBenchOptions } from './service-options.js';
import { startService } from './service-processes.js';
import { censoredPercentile, verdictCounts, verdictLatenciesMs } from './service-runs.js';
import { commentInputOf, progress, round } from './bench-kit.js';

const SLICE = 2000;
// When fewer than two slices of 2,000 get scored (a slow service), quarters of what was scored.
const MIN_SLICE = 10;
const WATCH_POLL_MS = 200;
const SAMPLE_MS = 1000;

export interface FloodSlice {
  /** Comments scored when the slice ended. */
  readonly upTo: number;
  readonly commentsPerSecond: number;
  readonly workerCpuMsPerComment: number;
}

export interface FloodResult {
  readonly workers: number;
  readonly campaign: number;
  readonly organic: number;
  readonly offeredPerSecond: number;
  readonly finished: boolean;
  readonly pendingAtEnd: number;
  readonly seconds: number;
  readonly campaignFlagged: number;
  readonly allCampaignFlagged: boolean;
  readonly organicFlagged: number;
  /** Comments per slice: 2,000, or a quarter of those scored when fewer than 4,000 were. */
  readonly sliceSize: number;
  /** Per `sliceSize` comments scored (both kinds), in completion order. */
  readonly slices: readonly FloodSlice[];
  /** Rate of the first slice / rate of the last (1 = flat; 2 = the last ran at half the speed). */
  readonly firstToLastRateRatio: number | null;
  /** 202 of the campaign's fifth comment -> visible as flagged, in seconds (null: not within the run). */
  readonly fifthFlaggedSeconds: number | null;
  /** The same for the fifth campaign comment in each thread: p50, p95 over the threads, and how many never. */
  readonly fifthPerThread: { readonly checks: number; readonly p50Seconds: number | null; readonly p95Seconds: number | null; readonly notFlagged: number };
  /** received_at -> scored_at over all flood comments. */
  readonly verdictLatencyMs: { readonly p50: number | null; readonly p95: number | null };
  readonly peakWorkerRssMb: number;
  readonly loadAvg: number;
}

async function flaggedAmong(db: Db, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<{ external_id: string }>`
    select c.external_id from comments c left join clusters k on k.id = c.cluster_id
    where c.external_id = any(${ids}) and (k.verdict in ('suspect', 'coordinated') or k.status in ('flagged', 'confirmed'))`.execute(db);
  return rows.map((r) => r.external_id);
}

/** Splits a (time, scored, cpu) series into slices of `size` scored comments, interpolating the crossings. */
function slicesOf(samples: readonly { t: number; scored: number; cpuMs: number }[], size: number): FloodSlice[] {
  const crossings: { t: number; cpuMs: number; n: number }[] = [{ t: samples[0]?.t ?? 0, cpuMs: samples[0]?.cpuMs ?? 0, n: 0 }];
  for (let i = 1; i < samples.length; i++) {
    const a = samples[i - 1];
    const b = samples[i];
    for (let n = crossings.length * size; n <= b.scored; n += size) {
      if (n <= a.scored) continue;
      const f = (n - a.scored) / (b.scored - a.scored);
      crossings.push({ t: a.t + f * (b.t - a.t), cpuMs: a.cpuMs + f * (b.cpuMs - a.cpuMs), n });
    }
  }
  return crossings.slice(1).map((c, i) => ({
    upTo: c.n,
    commentsPerSecond: round(size / Math.max(0.001, (c.t - crossings[i].t) / 1000), 1),
    workerCpuMsPerComment: round((c.cpuMs - crossings[i].cpuMs) / size, 2),
  }));
}

/** Runs the flood scenario with `workers` worker processes. */
export async function benchFlood(options: ServiceBenchOptions, workers: number): Promise<FloodResult> {
  const flood = floodCorpus(options.flood.copies, options.flood.organic, options.seed);
  progress(`service: flood, ${workers} worker(s): starting API and workers`);
  const service = await startService(options, `flood_w${workers}`, workers);
  const watched = new Set([flood.fifthOverall, ...flood.fifthPerThread]);
  const ackedAt = new Map<string, number>();
  const flaggedAt = new Map<string, number>();
  const samples: { t: number; scored: number; cpuMs: number }[] = [];
  let stopped = false;
  // Background loops record what they see; their errors end the scenario, not the process.
  let loopError: unknown;
  const loop = async (everyMs: number, body: () => Promise<void>) => {
    while (!stopped) {
      await body().catch((err: unknown) => void (loopError ??= err));
      await new Promise((r) => setTimeout(r, everyMs));
    }
  };
  const watching = loop(WATCH_POLL_MS, async () => {
    const open = [...ackedAt.keys()].filter((id) => !flaggedAt.has(id));
    const now = performance.now();
    for (const id of await flaggedAmong(service.db, open)) flaggedAt.set(id, now);
  });
  const sampling = loop(SAMPLE_MS, async () => {
    const { scored } = await verdictCounts(service.db);
    samples.push({ t: performance.now(), scored, cpuMs: service.workerCpuMs() });
  });
  try {
    progress(`service: flood, ${workers} worker(s): offering ${flood.comments.length} comments (${flood.campaign} campaign) at ${options.latency.rate}/s`);
    const posted = await postPaced(service, flood.comments.map((c) => commentInputOf(c)), options.latency.rate, (batch, at) => {
      for (const c of batch) if (watched.has(c.id)) ackedAt.set(c.id, at);
    });
    progress(`service: flood: posted; waiting up to ${options.timeoutSeconds} s for verdicts`);
    const drained = await waitDrained(service, options.timeoutSeconds);
    // One last look at the watched comments, then stop the loops.
    stopped = true;
    await Promise.all([watching, sampling]);
    if (loopError) throw loopError;
    const seconds = (drained.at - posted.firstPostAt) / 1000;
    if (!drained.finished) progress(`service: flood: not finished: ${drained.pending} pending after ${round(seconds, 1)} s`);
    const campaign = await verdictCounts(service.db, FLOOD_ID_PREFIX);
    const all = await verdictCounts(service.db);
    const latencies = await verdictLatenciesMs(service.db);
    const scoredAtEnd = samples[samples.length - 1]?.scored ?? 0;
    const sliceSize = scoredAtEnd >= 2 * SLICE ? SLICE : Math.max(MIN_SLICE, Math.floor(scoredAtEnd / 4));
    const slices = slicesOf(samples, sliceSize);
    const delay = (id: string) => {
      const acked = ackedAt.get(id);
      const flagged = flaggedAt.get(id);
      return acked === undefined || flagged === undefined ? Number.NaN : Math.max(0, flagged - acked);
    };
    const perThread = flood.fifthPerThread.map(delay);
    const seconds1 = (ms: number | null) => (ms === null ? null : round(ms / 1000, 2));
    const overall = delay(flood.fifthOverall);
    return {
      workers,
      campaign: flood.campaign,
      organic: flood.organic,
      offeredPerSecond: posted.offeredPerSecond,
      finished: drained.finished,
      pendingAtEnd: drained.pending,
      seconds: round(seconds, 1),
      campaignFlagged: campaign.flagged,
      allCampaignFlagged: campaign.flagged === flood.campaign,
      organicFlagged: all.flagged - campaign.flagged,
      sliceSize,
      slices,
      firstToLastRateRatio: slices.length >= 2 ? round(slices[0].commentsPerSecond / slices[slices.length - 1].commentsPerSecond, 2) : null,
      fifthFlaggedSeconds: Number.isNaN(overall) ? null : round(overall / 1000, 2),
      fifthPerThread: {
        checks: perThread.length,
        p50Seconds: seconds1(censoredPercentile(perThread, 0.5)),
        p95Seconds: seconds1(censoredPercentile(perThread, 0.95)),
        notFlagged: perThread.filter((v) => Number.isNaN(v)).length,
      },
      verdictLatencyMs: { p50: censoredPercentile(latencies, 0.5), p95: censoredPercentile(latencies, 0.95) },
      peakWorkerRssMb: service.peakWorkerRssMb(),
      loadAvg: round(os.loadavg()[0], 1),
    };
  } finally {
    stopped = true;
    await Promise.allSettled([watching, sampling]);
    await service.stop();
  }
}
