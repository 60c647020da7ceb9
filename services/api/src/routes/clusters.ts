import { Router } from 'express';
import { clusterSearchQuerySchema, reviewBodySchema } from '@chorus/contracts';
import { getCluster, moderationHistory, parentsForDisplay, reviewCluster, searchClusters } from '@chorus/db';
import { parentView, timeSpan } from '../cluster-evidence.js';
import { NotFoundError } from '@chorus/platform';
import type { AppDeps } from '../deps.js';
import { handle } from '../middleware.js';
import { parseOr422 } from '../validation.js';
import { answeredUnmade, assertClusterId, decisionTarget } from '../decision-request.js';
import { findThreads } from '@chorus/db';
import { threadView } from './threads.js';
import { emitDecision } from '../decision-events.js';
import { decodeSortCursor, encodeSortCursor, filtersOf } from '../cluster-query.js';

export function clustersRouter(deps: AppDeps): Router {
  const router = Router();
  router.get(
    '/v1/clusters',
    handle(async (req, res) => {
      const q = parseOr422(clusterSearchQuerySchema, req.query);
      const after = decodeSortCursor(q.cursor, q.sort);
      const page = await searchClusters(deps.db, req.tenantId!, { status: q.status, filters: filtersOf(q), sort: q.sort, limit: q.limit, after });
      res.json({ clusters: page.items, next_cursor: encodeSortCursor(page.next) });
    }),
  );
  router.get(
    '/v1/clusters/:id',
    handle(async (req, res) => {
      assertClusterId(req.params.id);
      const cluster = await getCluster(deps.db, req.tenantId!, req.params.id);
      if (!cluster) throw new NotFoundError('cluster');
      const { representative_id, members, ...rest } = cluster;
      const parents = await parentsForDisplay(deps.db, req.tenantId!, members.map((m) => m.parent_external_id).filter((p): p is string => p !== null));
      res.json({
        ...rest,
        time_span: timeSpan(members),
        history: await moderationHistory(deps.db, req.tenantId!, req.params.id),
        // The pages the members answered, so a moderator sees what each thread was about.
        threads: (await findThreads(deps.db, req.tenantId!, members.map((m) => m.thread_id))).map(threadView),
        members: members.map((m) => ({
          id: m.external_id,
          representative: m.id === representative_id,
          thread_id: m.thread_id,
          parent_id: m.parent_external_id,
          parent: parentView(m.parent_external_id, parents),
          author_id: m.account_id,
          author_name: m.author_name,
          text: m.text,
          posted_at: m.posted_at_known ? m.posted_at.toISOString() : null,
          verdict: m.verdict,
          score: m.score,
        })),
      });
    }),
  );
  router.post(
    '/v1/clusters/:id/review',
    handle(async (req, res) => {
      const body = parseOr422(reviewBodySchema, req.body);
      const { id, by } = decisionTarget(req);
      const outcome = await reviewCluster(deps.db, req.tenantId!, id, { action: body.action, note: body.note ?? null, seenVersion: body.version, by });
      if (answeredUnmade(res, id, outcome)) return;
      deps.logger.info({ tenantId: req.tenantId, requestId: req.requestId, clusterId: id, action: body.action, version: outcome.version }, 'cluster reviewed');
      await emitDecision(deps, req.tenantId!, id, body.action, outcome.version);
      res.json({ id, status: outcome.status, action: body.action, version: outcome.version });
    }),
  );
  return router;
}
