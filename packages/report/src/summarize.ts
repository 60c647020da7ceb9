// The figures a report shows, computed from its input: pure, so they are tested without a browser.
import type { FlaggedReportCluster, ReportCluster, ReportInput, ReportMember, ReportVerdict } from './report-input.js';

export interface Headline {
  readonly comments: number;
  readonly flaggedComments: number;
  readonly coordinatedComments: number;
  readonly clusters: number;
  readonly flaggedClusters: number;
  readonly accounts: number;
  readonly flaggedAccounts: number;
}

/** Flagged comments per period, split by their cluster's verdict. */
export interface Timeline {
  readonly unit: 'hour' | 'day' | 'week';
  readonly labels: readonly string[];
  readonly coordinated: readonly number[];
  readonly suspect: readonly number[];
  /** Flagged comments without a usable time (not in the chart). */
  readonly untimed: number;
}

/** Clusters per bin, split by verdict. */
export interface Histogram {
  readonly labels: readonly string[];
  readonly clean: readonly number[];
  readonly suspect: readonly number[];
  readonly coordinated: readonly number[];
}

export interface ThreadTakeover {
  readonly id: string;
  readonly title: string | null;
  readonly comments: number;
  readonly flagged: number;
  /** The cluster holding most of the thread's flagged comments, and how many it holds there. */
  readonly largestCluster: string;
  readonly largestCount: number;
}

export interface TopCluster {
  readonly cluster: FlaggedReportCluster;
  readonly threads: readonly string[];
  readonly first: number | null;
  readonly last: number | null;
  readonly sample: readonly ReportMember[];
}

export interface ReportSummary {
  readonly headline: Headline;
  readonly timeline: Timeline;
  readonly sizes: Histogram;
  readonly accountCounts: Histogram;
  readonly top: readonly TopCluster[];
  readonly threads: readonly ThreadTakeover[];
}

const HOUR = 3600_000;
const DAY = 24 * HOUR;

const isoHour = (t: number) => `${new Date(t).toISOString().slice(0, 13).replace('T', ' ')}:00`;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/** Flagged comments over time: hours for up to three days, days for up to a year and a half, weeks beyond. */
export function timeline(flagged: readonly FlaggedReportCluster[]): Timeline {
  const timed: { at: number; verdict: ReportVerdict }[] = [];
  let untimed = 0;
  for (const c of flagged) for (const m of c.members) m.postedAt === null ? untimed++ : timed.push({ at: m.postedAt, verdict: c.verdict });
  if (timed.length === 0) return { unit: 'day', labels: [], coordinated: [], suspect: [], untimed };
  let min = Infinity;
  let max = -Infinity;
  for (const { at } of timed) [min, max] = [Math.min(min, at), Math.max(max, at)];
  const span = max - min;
  const unit = span <= 3 * DAY ? 'hour' : span <= 550 * DAY ? 'day' : 'week';
  const step = unit === 'hour' ? HOUR : unit === 'day' ? DAY : 7 * DAY;
  const start = Math.floor(min / (unit === 'hour' ? HOUR : DAY)) * (unit === 'hour' ? HOUR : DAY);
  const count = Math.floor((max - start) / step) + 1;
  const coordinated = new Array<number>(count).fill(0);
  const suspect = new Array<number>(count).fill(0);
  for (const { at, verdict } of timed) (verdict === 'coordinated' ? coordinated : suspect)[Math.floor((at - start) / step)]++;
  const label = (i: number) => (unit === 'hour' ? isoHour(start + i * step) : unit === 'day' ? isoDay(start + i * step) : `week of ${isoDay(start + i * step)}`);
  return { unit, labels: Array.from({ length: count }, (_, i) => label(i)), coordinated, suspect, untimed };
}

/** Bins are [lower bound, label]; a value falls in the last bin whose bound it reaches. Empty bins at either end are left out. */
function histogram(clusters: readonly ReportCluster[], value: (c: ReportCluster) => number, bins: readonly (readonly [number, string])[]): Histogram {
  const counts = { clean: bins.map(() => 0), suspect: bins.map(() => 0), coordinated: bins.map(() => 0) };
  for (const c of clusters) {
    const v = value(c);
    let i = bins.length - 1;
    while (i > 0 && v < bins[i][0]) i--;
    counts[c.verdict][i]++;
  }
  const used = bins.map((_, i) => counts.clean[i] + counts.suspect[i] + counts.coordinated[i] > 0);
  const from = used.indexOf(true);
  const to = used.lastIndexOf(true) + 1;
  if (from < 0) return { labels: [], clean: [], suspect: [], coordinated: [] };
  return {
    labels: bins.slice(from, to).map(([, l]) => l),
    clean: counts.clean.slice(from, to),
    suspect: counts.suspect.slice(from, to),
    coordinated: counts.coordinated.slice(from, to),
  };
}

const SIZE_BINS = [[0, '1'], [2, '2'], [3, '3'], [4, '4–5'], [6, '6–10'], [11, '11–20'], [21, '21–50'], [51, '51–100'], [101, 'over 100']] as const;
const ACCOUNT_BINS = [[0, '0 (anonymous)'], [1, '1'], [2, '2'], [3, '3–5'], [6, '6–10'], [11, '11–20'], [21, '21–50'], [51, 'over 50']] as const;

/** The share of each thread taken by flagged comments, largest first (threads without any are left out). */
export function threadTakeover(input: ReportInput, limit = 15): ThreadTakeover[] {
  const perThread = new Map<string, Map<string, number>>();
  for (const c of input.flagged) {
    for (const m of c.members) {
      const byCluster = perThread.get(m.threadId) ?? new Map<string, number>();
      byCluster.set(c.id, (byCluster.get(c.id) ?? 0) + 1);
      perThread.set(m.threadId, byCluster);
    }
  }
  const threads = new Map(input.threads.map((t) => [t.id, t]));
  const rows: ThreadTakeover[] = [];
  for (const [id, byCluster] of perThread) {
    const flagged = [...byCluster.values()].reduce((a, b) => a + b, 0);
    const [largestCluster, largestCount] = [...byCluster].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
    // A thread's count never falls below what the report itself holds of it.
    const comments = Math.max(threads.get(id)?.comments ?? 0, flagged);
    rows.push({ id, title: threads.get(id)?.title ?? null, comments, flagged, largestCluster, largestCount });
  }
  return rows.sort((a, b) => b.flagged / b.comments - a.flagged / a.comments || b.flagged - a.flagged || a.id.localeCompare(b.id)).slice(0, limit);
}

/** The clusters to read first: coordinated before suspect, then by score and size. */
export function topClusters(flagged: readonly FlaggedReportCluster[], limit = 10, sampleSize = 5): TopCluster[] {
  const rank = (c: FlaggedReportCluster) => (c.verdict === 'coordinated' ? 1 : 0);
  return [...flagged]
    .sort((a, b) => rank(b) - rank(a) || b.score - a.score || b.size - a.size || a.id.localeCompare(b.id))
    .slice(0, limit)
    .map((cluster) => {
      // A loop, not Math.min(...times): a cluster of a flood can hold more members than a call takes arguments.
      let first: number | null = null;
      let last: number | null = null;
      for (const { postedAt: t } of cluster.members) {
        if (t === null) continue;
        first = first === null || t < first ? t : first;
        last = last === null || t > last ? t : last;
      }
      const byTime = [...cluster.members].sort((a, b) => (a.postedAt ?? Infinity) - (b.postedAt ?? Infinity));
      return {
        cluster,
        threads: [...new Set(cluster.members.map((m) => m.threadId))],
        first,
        last,
        sample: byTime.slice(0, sampleSize),
      };
    });
}

/** Every figure of the report. */
export function summarize(input: ReportInput): ReportSummary {
  const flaggedComments = input.flagged.reduce((n, c) => n + c.members.length, 0);
  const coordinatedComments = input.flagged.filter((c) => c.verdict === 'coordinated').reduce((n, c) => n + c.members.length, 0);
  const flaggedAccounts = new Set(input.flagged.flatMap((c) => c.members.map((m) => m.author).filter((a) => a !== null))).size;
  return {
    headline: {
      comments: input.comments,
      flaggedComments,
      coordinatedComments,
      clusters: input.clusters.length,
      flaggedClusters: input.flagged.length,
      accounts: input.accounts,
      flaggedAccounts,
    },
    timeline: timeline(input.flagged),
    sizes: histogram(input.clusters, (c) => c.size, SIZE_BINS),
    accountCounts: histogram(input.clusters, (c) => c.accounts, ACCOUNT_BINS),
    top: topClusters(input.flagged),
    threads: threadTakeover(input),
  };
}
