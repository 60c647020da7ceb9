import { Router } from 'express';
import { moderationLogQuerySchema } from '@chorus/contracts';
import { moderationLog } from '@chorus/db';
import type { AppDeps } from '../deps.js';
import { handle } from '../middleware.js';
import { parseOr422 } from '../validation.js';

/** GET /v1/moderation-log: who decided what, when and why, for the tenant's audit. */
export function moderationLogRouter(deps: AppDeps): Router {
  const router = Router();
  router.get(
    '/v1/moderation-log',
    handle(async (req, res) => {
      const q = parseOr422(moderationLogQuerySchema, req.query);
      const page = await moderationLog(deps.db, req.tenantId!, {
        moderator: q.moderator,
        action: q.action,
        clusterId: q.cluster_id,
        since: q.since,
        until: q.until,
        limit: q.limit,
        before: q.cursor,
      });
      res.json({ entries: page.entries, next_cursor: page.next });
    }),
  );
  return router;
}
