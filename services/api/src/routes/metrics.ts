import { Router, type RequestHandler } from 'express';
import { sql } from 'kysely';
import { Metrics, renderSharedMetrics } from '@chorus/platform';
import type { AppDeps } from '../deps.js';

export const apiMetrics = new Metrics();
apiMetrics.counter('chorus_http_requests_total', 'HTTP requests answered, by method and status class');
apiMetrics.counter('chorus_comments_accepted_total', 'Comments stored and acknowledged with 202');

/** Counts every answered request by method and status class. */
export const countRequests: RequestHandler = (req, res, next) => {
  res.on('finish', () => apiMetrics.inc('chorus_http_requests_total', { method: req.method, status: `${Math.floor(res.statusCode / 100)}xx` }));
  next();
};

/** Comments in one status (each status has a partial index), or null while PostgreSQL does not answer. */
function countStatus(deps: AppDeps, status: 'pending' | 'failed'): Promise<number | null> {
  return sql<{ n: string }>`select count(*) as n from comments where status = ${sql.lit(status)}`
    .execute(deps.db)
    .then((r) => Number(r.rows[0]?.n ?? 0))
    .catch(() => null);
}

/** GET /metrics: Prometheus text, with queue depths and the pending backlog measured at scrape time. */
export function metricsRouter(deps: AppDeps): Router {
  const router = Router();
  router.get('/metrics', (_req, res, next) => {
    Promise.all([
      deps.queue.getJobCounts('waiting', 'active', 'delayed', 'failed').catch(() => null),
      countStatus(deps, 'pending'),
      countStatus(deps, 'failed'),
      // Verdict latency, detector stage timings and webhook deliveries, added up by every process.
      renderSharedMetrics(deps.redis, deps.queue.opts.prefix ?? 'bull'),
    ])
      .then(([counts, pending, failed, shared]) => {
        const gauges = [];
        if (counts) gauges.push({ name: 'chorus_detect_queue_jobs', help: 'Jobs in the detect queue, by state', values: Object.entries(counts).map(([state, n]) => [{ state }, n] as [Record<string, string>, number]) });
        if (pending !== null) gauges.push({ name: 'chorus_comments_pending', help: 'Stored comments not yet scored', values: [[{}, pending] as [Record<string, string>, number]] });
        if (failed !== null) gauges.push({ name: 'chorus_comments_failed', help: 'Stored comments whose detection failed for good (status failed)', values: [[{}, failed] as [Record<string, string>, number]] });
        res.type('text/plain; version=0.0.4').send(apiMetrics.render(gauges) + shared);
      })
      .catch(next);
  });
  return router;
}
