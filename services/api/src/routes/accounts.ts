import { Router } from 'express';
import { clusterCountsQuerySchema } from '@chorus/contracts';
import { countClusters, findAccount } from '@chorus/db';
import { NotFoundError } from '@chorus/platform';
import type { AppDeps } from '../deps.js';
import { filtersOf } from '../cluster-query.js';
import { handle } from '../middleware.js';
import { existingExternalId, parseOr422 } from '../validation.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** GET /v1/cluster-counts (how much work each queue holds) and GET /v1/accounts/:id (who is behind the comments). */
export function accountsRouter(deps: AppDeps): Router {
  const router = Router();
  router.get(
    '/v1/cluster-counts',
    handle(async (req, res) => {
      const q = parseOr422(clusterCountsQuerySchema, req.query);
      const { counts, asOf } = await countClusters(deps.db, req.tenantId!, filtersOf(q));
      res.json({ counts, as_of: asOf.toISOString() });
    }),
  );
  router.get(
    '/v1/accounts/:id',
    handle(async (req, res) => {
      const account = await findAccount(deps.db, req.tenantId!, existingExternalId(req.params.id, 'account'));
      if (!account) throw new NotFoundError('account');
      res.json({
        id: account.id,
        names: account.names,
        comment_count: account.commentCount,
        flagged_comment_count: account.flaggedCommentCount,
        first_seen: iso(account.firstSeen),
        last_seen: iso(account.lastSeen),
        comments: account.comments.map((c) => ({
          id: c.external_id,
          thread_id: c.thread_id,
          thread_title: c.thread_title,
          parent_id: c.parent_external_id,
          text: c.text,
          posted_at: c.posted_at_known ? c.posted_at.toISOString() : null,
          status: c.status,
          cluster_id: c.cluster_id,
        })),
        clusters: account.clusters,
        co_accounts: account.coAccounts,
      });
    }),
  );
  return router;
}
