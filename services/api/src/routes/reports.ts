import { Router } from 'express';
import { exportQuerySchema } from '@chorus/contracts';
import { accountNetwork, DEFAULT_NETWORK } from '@chorus/core';
import { clusterShapes, commentTotals, flaggedClusterMembers, threadCommentCounts } from '@chorus/db';
import { renderReport, type FlaggedReportCluster, type ReportMember } from '@chorus/report';
import type { AppDeps } from '../deps.js';
import { handle } from '../middleware.js';
import { parseOr422 } from '../validation.js';

// The account id keeps two accounts of one display name apart (the headline counts distinct authors).
const shownAuthor = (account: string | null, name: string | null) => (account === null ? null : name && name !== account ? `${name} (${account})` : account);

/** GET /v1/reports/summary.html: the analyst's report on the tenant's data, one self-contained HTML file. */
export function reportsRouter(deps: AppDeps): Router {
  const router = Router();
  router.get(
    '/v1/reports/summary.html',
    handle(async (req, res) => {
      const { since } = parseOr422(exportQuerySchema, { since: req.query.since });
      const tenantId = req.tenantId!;
      const [totals, shapes, rows] = await Promise.all([commentTotals(deps.db, tenantId, since), clusterShapes(deps.db, tenantId, since), flaggedClusterMembers(deps.db, tenantId, since)]);
      const flagged = new Map<string, FlaggedReportCluster & { members: ReportMember[] }>();
      const authorsOf = new Map<string, Set<string>>();
      const linked = new Map<string, { authorId: string | null; postedAt: number | null }[]>();
      for (const r of rows) {
        let c = flagged.get(r.cluster_id);
        if (!c) {
          c = { id: r.cluster_id, verdict: r.cluster_verdict, score: r.cluster_score, status: r.cluster_status, size: 0, accounts: 0, reasons: r.reasons ?? [], members: [] };
          flagged.set(r.cluster_id, c);
          authorsOf.set(r.cluster_id, new Set());
          linked.set(r.cluster_id, []);
        }
        const postedAt = r.posted_at_known ? r.posted_at.getTime() : null;
        c.members.push({ id: r.external_id, threadId: r.thread_id, author: shownAuthor(r.account_id, r.author_name), postedAt, text: r.text });
        linked.get(r.cluster_id)!.push({ authorId: r.account_id, postedAt });
        if (r.account_id !== null) authorsOf.get(r.cluster_id)!.add(r.account_id);
      }
      const clusters = [...flagged.values()].map((c) => ({ ...c, size: c.members.length, accounts: authorsOf.get(c.id)!.size }));
      // The same network as GET /v1/network with its defaults.
      const network = accountNetwork(clusters.map((c) => ({ id: c.id, verdict: c.verdict, members: linked.get(c.id)! })), DEFAULT_NETWORK);
      const threads = await threadCommentCounts(deps.db, tenantId, rows.map((r) => r.thread_id));
      const { html, contentSecurityPolicy } = renderReport({
        title: 'Chorus summary report',
        scope: since ? `Comments received and clusters decided since ${since.toISOString()}.` : 'Every comment and cluster on record.',
        generatedAt: new Date(),
        comments: totals.comments,
        accounts: totals.accounts,
        threads,
        clusters: shapes.map((s) => ({ id: s.id, verdict: s.verdict, size: s.size, accounts: s.account_count })),
        flagged: clusters,
        network,
      });
      res.set('Content-Security-Policy', contentSecurityPolicy).type('html').attachment('chorus-summary.html').send(html);
    }),
  );
  return router;
}
