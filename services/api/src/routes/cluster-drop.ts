import { Router, type Request } from 'express';
import { z } from 'zod';
import { clusterStatusSchema, dropBodySchema } from '@chorus/contracts';
import { dropMember, restoreMember, reviewMember } from '@chorus/db';
import { requeueDetection, ValidationError, withTimeout } from '@chorus/platform';
import type { AppDeps } from '../deps.js';
import { handle } from '../middleware.js';
import { answeredUnmade, decisionTarget } from '../decision-request.js';
import { parseOr422 } from '../validation.js';

/** `POST /v1/clusters/:id/member-review`: a moderator's judgement of one member, by the publisher's comment id. */
export const memberReviewBodySchema = dropBodySchema.extend({ action: z.enum(['confirm', 'dismiss']) }).strict();
export const memberReviewResponseSchema = z.object({ id: z.string(), status: clusterStatusSchema, comment_id: z.string(), action: z.enum(['confirm', 'dismiss']), version: z.number().int() }).strict();
/** `POST /v1/clusters/:id/restore` takes the body of a drop: the member dropped, a note, the version. */
export const restoreResponseSchema = z.object({ id: z.string(), status: clusterStatusSchema, restored: z.string(), version: z.number().int() }).strict();

/** Members that do not belong, one comment at a time: drop one (it stays out), put a dropped one back, judge one. */
export function clusterDropRouter(deps: AppDeps): Router {
  const router = Router();
  // The detector decides the cluster again (score and reasons with or without the member); best
  // effort: the counts are right already, and the next comment to join decides it too.
  const decideAgain = (req: Request, id: string, member: string) =>
    withTimeout(requeueDetection(deps.queue, [{ tenantId: req.tenantId!, commentId: member }]), deps.enqueueTimeoutMs ?? 2000).catch((err: unknown) =>
      deps.logger.warn({ err, tenantId: req.tenantId, requestId: req.requestId, clusterId: id }, 'could not ask for the cluster to be decided again'),
    );
  const logged = (req: Request, id: string, action: string, version: number) =>
    deps.logger.info({ tenantId: req.tenantId, requestId: req.requestId, clusterId: id, action, version }, 'member decision');
  const notMember = (id: string, commentId: string, what: string): never => {
    throw new ValidationError(`comment_id: "${commentId}" is not ${what} cluster ${id}`, 'comment_id');
  };

  router.post(
    '/v1/clusters/:id/drop',
    handle(async (req, res) => {
      const body = parseOr422(dropBodySchema, req.body);
      const { id, by } = decisionTarget(req);
      const outcome = await dropMember(deps.db, req.tenantId!, id, { commentId: body.comment_id, note: body.note ?? null, seenVersion: body.version, by });
      if (answeredUnmade(res, id, outcome)) return;
      if (outcome.kind === 'not_member') notMember(id, body.comment_id, 'a member of');
      if (outcome.kind === 'last_members') throw new ValidationError(`comment_id: cluster ${id} would be left with one comment; dismiss the cluster instead`, 'comment_id');
      if (outcome.kind !== 'dropped') return;
      await decideAgain(req, id, outcome.member);
      logged(req, id, 'drop', outcome.version);
      res.json({ id, status: outcome.status, dropped: body.comment_id, size: outcome.size, version: outcome.version });
    }),
  );
  router.post(
    '/v1/clusters/:id/restore',
    handle(async (req, res) => {
      const body = parseOr422(dropBodySchema, req.body);
      const { id, by } = decisionTarget(req);
      const outcome = await restoreMember(deps.db, req.tenantId!, id, { commentId: body.comment_id, note: body.note ?? null, seenVersion: body.version, by });
      if (answeredUnmade(res, id, outcome)) return;
      if (outcome.kind === 'not_member') return notMember(id, body.comment_id, 'a member dropped from (and still out of)');
      await decideAgain(req, id, outcome.member);
      logged(req, id, 'restore', outcome.version);
      res.json({ id, status: outcome.status, restored: body.comment_id, version: outcome.version });
    }),
  );
  router.post(
    '/v1/clusters/:id/member-review',
    handle(async (req, res) => {
      const body = parseOr422(memberReviewBodySchema, req.body);
      const { id, by } = decisionTarget(req);
      const outcome = await reviewMember(deps.db, req.tenantId!, id, { commentId: body.comment_id, action: body.action, note: body.note ?? null, seenVersion: body.version, by });
      if (answeredUnmade(res, id, outcome)) return;
      if (outcome.kind === 'not_member') return notMember(id, body.comment_id, 'a member of');
      logged(req, id, `${body.action} member`, outcome.version);
      res.json({ id, status: outcome.status, comment_id: body.comment_id, action: body.action, version: outcome.version });
    }),
  );
  return router;
}
