import { Router, type Request } from 'express';
import { exportQuerySchema, networkQuerySchema } from '@chorus/contracts';
import { accountNetwork, networkToGraphml, type Verdict } from '@chorus/core';
import { flaggedClusterMembers } from '@chorus/db';
import { csvDocument } from '@chorus/platform';
import type { AppDeps } from '../deps.js';
import { handle } from '../middleware.js';
import { parseOr422 } from '../validation.js';

const since = (req: Request) => parseOr422(exportQuerySchema, { since: req.query.since }).since;

/** Analyst exports: the account network (JSON, GraphML for Gephi, CSV edges) and flagged clusters as CSV. */
export function exportsRouter(deps: AppDeps): Router {
  const router = Router();
  router.get(
    '/v1/network',
    handle(async (req, res) => {
      const q = parseOr422(networkQuerySchema, req.query);
      const rows = await flaggedClusterMembers(deps.db, req.tenantId!, q.since);
      const clusters = new Map<string, { id: string; verdict: Verdict; members: { authorId: string | null; postedAt: number | null }[] }>();
      for (const r of rows) {
        const c = clusters.get(r.cluster_id) ?? { id: r.cluster_id, verdict: r.cluster_verdict, members: [] };
        c.members.push({ authorId: r.account_id, postedAt: r.posted_at_known ? r.posted_at.getTime() : null });
        clusters.set(r.cluster_id, c);
      }
      const network = accountNetwork([...clusters.values()], { windowMs: q.window_hours * 3600_000, minWeight: q.min_weight });
      if (q.format === 'graphml') {
        res.attachment('chorus-network.graphml').set('Content-Type', 'application/graphml+xml; charset=utf-8').send(networkToGraphml(network));
      } else if (q.format === 'csv') {
        res.type('text/csv').attachment('chorus-network-edges.csv').send(csvDocument([['source', 'target', 'weight', 'clusters'], ...network.edges.map((e) => [e.source, e.target, e.weight, e.clusters.join(' ')])]));
      } else {
        res.json({ window_hours: q.window_hours, min_weight: q.min_weight, nodes: network.nodes, edges: network.edges });
      }
    }),
  );
  router.get(
    '/v1/exports/flagged.csv',
    handle(async (req, res) => {
      const rows = await flaggedClusterMembers(deps.db, req.tenantId!, since(req));
      const header = ['cluster_id', 'cluster_verdict', 'cluster_score', 'cluster_status', 'comment_id', 'thread_id', 'parent_id', 'author_id', 'author_name', 'posted_at', 'text', 'reasons'];
      const body = rows.map((r) => [
        r.cluster_id, r.cluster_verdict, r.cluster_score, r.cluster_status, r.external_id, r.thread_id, r.parent_external_id, r.account_id, r.author_name,
        r.posted_at_known ? r.posted_at.toISOString() : null, r.text, (r.reasons ?? []).map((x) => x.text).join(' | '),
      ]);
      res.type('text/csv').attachment('chorus-flagged.csv').send(csvDocument([header, ...body]));
    }),
  );
  return router;
}
