// Table rows of the service benchmark (run.ts prints them beside the other benches').
import type { FloodResult } from './service-flood.js';
import type { EndToEndRun } from './service-runs.js';
import { SERVICE_TARGETS, type ServiceResult } from './service.js';

type Row = readonly [string, string, string];

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ok = (met: boolean | null) => (met === null ? 'not measured' : met ? 'met' : 'MISSED');
const ms = (v: number | null) => (v === null ? 'not scored' : `${fmt(v)} ms`);
const sec = (v: number | null) => (v === null ? 'never' : `${fmt(v, 1)} s`);
const workersLabel = (n: number) => `${n} worker${n === 1 ? '' : 's'}`;
/** Flagged by both, by the analyzer only, by the service only. */
const agreement = (run: EndToEndRun) => (run.vsAnalyzer ? `; vs the analyzer: ${fmt(run.vsAnalyzer.both)} both, ${fmt(run.vsAnalyzer.analyzerOnly)} its only, ${fmt(run.vsAnalyzer.serviceOnly)} ours only` : '');

function runRows(run: EndToEndRun, analyzerSeconds: number | null): Row[] {
  const vs = analyzerSeconds === null ? '' : run.finished ? `${fmt(run.seconds / analyzerSeconds, 1)}x the analyzer's time; ` : `over ${fmt(run.seconds / analyzerSeconds, 1)}x the analyzer's time; `;
  const non202 = Object.entries(run.non202).map(([k, v]) => `${k}: ${v}`).join(', ');
  return [
    [`  ${workersLabel(run.workers)}: ingest (202s)`, `${fmt(run.ingestPerSecond)} comments/s`, `${fmt(run.comments)} acknowledged${non202 ? `; non-202: ${non202}` : ''}`],
    [
      `  ${workersLabel(run.workers)}: end to end`,
      run.finished ? `${fmt(run.commentsPerSecond ?? 0)} comments/s (${fmt(run.seconds, 1)} s)` : `not finished: ${fmt(run.pendingAtEnd)} pending after ${fmt(run.seconds)} s`,
      `${vs}${fmt(run.scoredPerSecond)} scored/s; flagged ${fmt(run.flagged)} (at rest ${fmt(run.flaggedAtRest)}${agreement(run)}); worker RSS ${fmt(run.peakWorkerRssMb)} MB; worker CPU ${fmt(run.workerCpuMsPerComment, 1)} ms/comment; load ${run.loadAvg}`,
    ],
  ];
}

function floodRows(f: FloodResult): Row[] {
  const first = f.slices[0];
  const last = f.slices[f.slices.length - 1];
  // Judged on slices of 2,000 only: quarters of a few hundred scored comments say little about a flood of 20,000.
  const flat = f.firstToLastRateRatio === null || f.sliceSize < 2000 ? null : f.firstToLastRateRatio <= SERVICE_TARGETS.maxRateRatio100kTo10k;
  return [
    ['flood: offered', `${fmt(f.campaign)} campaign + ${fmt(f.organic)} organic at ${fmt(f.offeredPerSecond)}/s`, `${workersLabel(f.workers)}; one template, 5,000 accounts, 50 threads, one hour; worker RSS ${fmt(f.peakWorkerRssMb)} MB; load ${f.loadAvg}`],
    ['  end to end', f.finished ? `finished in ${fmt(f.seconds, 1)} s` : `not finished: ${fmt(f.pendingAtEnd)} pending after ${fmt(f.seconds)} s`, `202 -> verdict p50 ${ms(f.verdictLatencyMs.p50)}, p95 ${ms(f.verdictLatencyMs.p95)}`],
    ['  campaign flagged', `${fmt(f.campaignFlagged)} of ${fmt(f.campaign)}`, `all flagged: ${ok(f.allCampaignFlagged)}; organic comments flagged: ${fmt(f.organicFlagged)}`],
    [
      `  per ${fmt(f.sliceSize)} scored: rate first | last`,
      first && last ? `${fmt(first.commentsPerSecond, 1)} | ${fmt(last.commentsPerSecond, 1)} comments/s` : `fewer than ${fmt(f.sliceSize * 2)} scored`,
      first && last ? `${f.slices.length} slice(s), ratio ${f.firstToLastRateRatio ?? '-'} (flat, <= ${SERVICE_TARGETS.maxRateRatio100kTo10k}: ${flat === null && f.sliceSize < 2000 ? 'too few scored to judge' : ok(flat)}); worker CPU ${fmt(first.workerCpuMsPerComment, 1)} | ${fmt(last.workerCpuMsPerComment, 1)} ms/comment` : '',
    ],
    ['  5th campaign comment -> flagged', sec(f.fifthFlaggedSeconds), `per thread (${f.fifthPerThread.checks} checks): p50 ${sec(f.fifthPerThread.p50Seconds)}, p95 ${sec(f.fifthPerThread.p95Seconds)}; ${f.fifthPerThread.notFlagged} never flagged in the run`],
  ];
}

/** The service section of the bench table. */
export function serviceRows(r: ServiceResult): Row[] {
  const t = r.targets;
  const rows: Row[] = [['skipped (choose with SERVICE_BENCH_*)', r.skipped.length ? `${r.skipped.length} part(s)` : 'nothing', r.skipped.join('; ')]];
  for (const c of r.corpora) {
    rows.push([`${c.name}`, `${fmt(c.comments)} comments`, c.note ?? '']);
    const analyzerSeconds = c.analyzer && !('error' in c.analyzer) ? c.analyzer.seconds : null;
    if (c.analyzer && 'error' in c.analyzer) rows.push(['  chorus analyze', 'error', c.analyzer.error.slice(0, 120)]);
    else if (c.analyzer) rows.push(['  chorus analyze, same file', `${fmt(c.analyzer.seconds, 1)} s (${fmt(c.analyzer.commentsPerSecond)} comments/s)`, `whole process ${fmt(c.analyzer.processSeconds, 1)} s; flagged ${fmt(c.analyzer.flagged)}`]);
    for (const run of c.runs) {
      if ('error' in run) rows.push([`  ${workersLabel(run.workers)}`, 'error', run.error.slice(0, 160)]);
      else rows.push(...runRows(run, analyzerSeconds));
    }
  }
  for (const l of r.latency) {
    if ('error' in l) rows.push([`202 -> verdict, ${workersLabel(l.workers)}`, 'error', l.error.slice(0, 160)]);
    else rows.push([`202 -> verdict at ${fmt(l.targetPerSecond)}/s offered, ${workersLabel(l.workers)}`, `p50 ${ms(l.p50Ms)} | p95 ${ms(l.p95Ms)}`, `${fmt(l.comments)} offered at ${fmt(l.offeredPerSecond)}/s; ${fmt(l.scored)} scored ${fmt(l.waitedSeconds)} s after the last post (slowest ${fmt(l.maxScoredMs)} ms); worker RSS ${fmt(l.peakWorkerRssMb)} MB; load ${l.loadAvg}`]);
  }
  if (r.flood && 'error' in r.flood) rows.push(['flood', 'error', r.flood.error.slice(0, 160)]);
  else if (r.flood) rows.push(...floodRows(r.flood));
  const ratios = Object.entries(t.twoWorkersVsOne.ratios).map(([k, v]) => `${k} ${v}x`).join(', ');
  rows.push(
    [`target: end to end >= ${fmt(SERVICE_TARGETS.endToEndPerSecond)}/s, every run`, t.endToEnd.worstPerSecond === null ? '-' : `slowest ${fmt(t.endToEnd.worstPerSecond)}/s`, ok(t.endToEnd.met)],
    [`target: <= ${SERVICE_TARGETS.maxTimesAnalyzer}x chorus analyze's time`, t.vsAnalyzer.worstRatio === null ? (t.vsAnalyzer.met === false ? 'a run did not finish' : '-') : `worst ${t.vsAnalyzer.worstRatio}x`, ok(t.vsAnalyzer.met)],
    [`target: rate at 10k / rate at 100k <= ${SERVICE_TARGETS.maxRateRatio100kTo10k}`, t.growth100kVs10k.ratio === null ? '-' : `${t.growth100kVs10k.ratio}`, ok(t.growth100kVs10k.met)],
    ['target: 2 workers at least as fast as 1', ratios || '-', ok(t.twoWorkersVsOne.met)],
    [`target: worker RSS <= ${SERVICE_TARGETS.maxWorkerRssMb} MB`, t.workerRss.peakMb === null ? '-' : `peak ${fmt(t.workerRss.peakMb)} MB`, ok(t.workerRss.met)],
    [`target: flood flagged within ${SERVICE_TARGETS.floodFlaggedP95Seconds} s (p95)`, t.floodFlagged.p95Seconds === null ? (t.floodFlagged.met === false ? 'not all flagged' : '-') : `${t.floodFlagged.p95Seconds} s`, ok(t.floodFlagged.met)],
  );
  return rows;
}
