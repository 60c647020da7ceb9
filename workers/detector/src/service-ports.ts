import { memberFacts, type CommentRecord, type DetectionPorts } from '@chorus/core';
import {
  addEdges,
  loadComponent,
  loadForDetection,
  parentTexts,
  sameTextIds,
  saveComponentDecision,
  threadSizes,
  withClusterLock,
  type Db,
  type DetectionRow,
} from '@chorus/db';
import type { RedisLexicalIndex } from './redis-lexical-index.js';

export interface ServicePortsOptions {
  /** Largest component reclustered at once; beyond it the neighbourhood nearest the comment is used. */
  readonly componentLimit: number;
  /** Most exact copies linked to a new comment (the group stays connected through them). */
  readonly exactLimit: number;
  readonly now: () => Date;
}

const toRecord = (r: DetectionRow): CommentRecord => ({
  id: r.id,
  scope: r.tenant_id,
  threadId: r.thread_id,
  parentId: r.parent_external_id,
  authorId: r.account_id,
  postedAt: r.posted_at_known ? r.posted_at.getTime() : null,
  text: r.text,
});

/** The detection pipeline's ports on PostgreSQL (record, graph, clusters) and Redis (LSH buckets). */
export function createServicePorts(db: Db, index: RedisLexicalIndex, options: ServicePortsOptions): DetectionPorts {
  return {
    loadComments: async (ids) => (await loadForDetection(db, ids)).map(toRecord),
    lexicalCandidates: (scope, id, keys) => index.addAndQuery(scope, id, keys),
    exactMatches: (scope, hash, excludeId) => sameTextIds(db, scope, hash, excludeId, options.exactLimit),
    addEdges: (scope, edges) => addEdges(db, scope, edges),
    recluster: (scope, id, decide) =>
      withClusterLock(db, scope, async (trx) => {
        const { nodes, edges } = await loadComponent(trx, id, options.componentLimit);
        const rows = await loadForDetection(trx, nodes);
        const parents = await parentTexts(trx, scope, rows.map((r) => r.parent_external_id).filter((p): p is string => p !== null));
        const sizes = await threadSizes(trx, scope, rows.map((r) => r.thread_id));
        const decision = decide({
          members: rows.map((r) => memberFacts(toRecord(r), r.parent_external_id ? (parents.get(r.parent_external_id) ?? null) : null)),
          edges,
          threadSizes: sizes,
        });
        const byId = new Map(rows.map((r) => [r.id, r]));
        const clusters = decision.clusters.map((c) => {
          const members = c.members.map((m) => byId.get(m)!);
          return {
            ...c,
            accountCount: new Set(members.map((m) => m.account_id).filter((a) => a !== null)).size,
            threadCount: new Set(members.map((m) => m.thread_id)).size,
          };
        });
        await saveComponentDecision(trx, scope, nodes, clusters, decision.unclustered, id, options.now());
      }),
  };
}
