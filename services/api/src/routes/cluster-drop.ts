import { Router } from 'express';
import { dropBodySchema } from '@chorus/contracts';
import { dropMember } from '@chorus/db';
import { NotFoundError, requeueDetection, ValidationError, withTimeout } from '@chorus/platform';
import type { AppDeps } from '../deps.js';
import { handle } from '../middleware.js';
import { answerStale } from '../stale-decision.js';
import { parseOr422 } from '../validation.js';
import { assertClusterId } from './clusters.js';

/** POST /v1/clusters/:id/drop: a moderator takes out a member that does not belong; it stays out. */
export function clusterDropRouter(deps: AppDeps): Router {
  const router = Router();
  router.post(
    '/v1/clusters/:id/drop',
    handle(async (req, res) => {
      const body = parseOr422(dropBodySchema, req.body);
      assertClusterId(req.params.id);
      const id = req.params.id;
      const by = { keyPrefix: req.apiKey!.prefix, moderator: req.apiKey!.moderator };
      const outcome = await dropMember(deps.db, req.tenantId!, id, { commentId: body.comment_id, note: body.note ?? null, seenVersion: body.version, by });
      if (!outcome) throw new NotFoundError('cluster');
      if (outcome.kind === 'stale') return answerStale(res, id, outcome);
      if (outcome.kind === 'not_member') throw new ValidationError(`comment_id: "${body.comment_id}" is not a member of cluster ${id}`, 'comment_id');
      if (outcome.kind === 'last_members') throw new ValidationError(`comment_id: cluster ${id} would be left with one comment; dismiss the cluster instead`, 'comment_id');
      // The detector decides the cluster again (score and reasons without the dropped member);
      // best effort: the counts are right already, and the next comment to join decides it too.
      await withTimeout(requeueDetection(deps.queue, [{ tenantId: req.tenantId!, commentId: outcome.member }]), deps.enqueueTimeoutMs ?? 2000).catch((err: unknown) =>
        deps.logger.warn({ err, tenantId: req.tenantId, requestId: req.requestId, clusterId: id }, 'could not ask for the cluster to be decided again'),
      );
      deps.logger.info({ tenantId: req.tenantId, requestId: req.requestId, clusterId: id, action: 'drop', version: outcome.version }, 'member dropped');
      res.json({ id, status: outcome.status, dropped: body.comment_id, size: outcome.size, version: outcome.version });
    }),
  );
  return router;
}
