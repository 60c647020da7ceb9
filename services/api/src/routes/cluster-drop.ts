import { Router } from 'express';
import { dropBodySchema } from '@chorus/contracts';
import { dropMember } from '@chorus/db';
import { requeueDetection, ValidationError, withTimeout } from '@chorus/platform';
import type { AppDeps } from '../deps.js';
import { handle } from '../middleware.js';
import { answeredUnmade, decisionTarget } from '../decision-request.js';
import { parseOr422 } from '../validation.js';

/** POST /v1/clusters/:id/drop: a moderator takes out a member that does not belong; it stays out. */
export function clusterDropRouter(deps: AppDeps): Router {
  const router = Router();
  router.post(
    '/v1/clusters/:id/drop',
    handle(async (req, res) => {
      const body = parseOr422(dropBodySchema, req.body);
      const { id, by } = decisionTarget(req);
      const outcome = await dropMember(deps.db, req.tenantId!, id, { commentId: body.comment_id, note: body.note ?? null, seenVersion: body.version, by });
      if (answeredUnmade(res, id, outcome)) return;
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
