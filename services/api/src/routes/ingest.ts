import { Router } from 'express';
import { commentBatchSchema, commentInputSchema, type CommentInput } from '@chorus/contracts';
import { findCommentByExternalId, insertComments } from '@chorus/db';
import { contentHash, toRow } from '../comment-rows.js';
import { ConflictError, enqueueDetection, ValidationError, withTimeout } from '@chorus/platform';
import type { AppDeps } from '../deps.js';
import { handle } from '../middleware.js';
import { commentView } from './comments.js';
import { apiMetrics } from './metrics.js';
import { parseOr422 } from '../validation.js';

/** Validates a body that is one comment or `{ "comments": [...] }`; returns the comments and whether it was a batch. */
function parseBody(body: unknown): { comments: CommentInput[]; hashes: string[]; batch: boolean } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ValidationError('body: must be one comment object or { "comments": [...] }', 'body');
  }
  if (!('comments' in body)) {
    const comment = parseOr422(commentInputSchema, body);
    return { comments: [comment], hashes: [contentHash(comment)], batch: false };
  }
  const { comments } = parseOr422(commentBatchSchema, body);
  const parsed = comments.map((c, i) => parseOr422(commentInputSchema, c, `comments[${i}]`));
  // The same id twice in one batch: identical copies collapse, different ones are an error.
  const seen = new Map<string, string>();
  const unique: CommentInput[] = [];
  const hashes: string[] = [];
  parsed.forEach((c, i) => {
    const hash = contentHash(c);
    const before = seen.get(c.id);
    if (before === undefined) {
      seen.set(c.id, hash);
      unique.push(c);
      hashes.push(hash);
    } else if (before !== hash) {
      throw new ValidationError(`comments[${i}].id: "${c.id}" appears twice in this batch with different content`, `comments[${i}].id`);
    }
  });
  return { comments: unique, hashes, batch: true };
}

/** POST /v1/comments: store first (the 202 means it is in PostgreSQL), then enqueue detection. */
export function ingestRouter(deps: AppDeps): Router {
  const router = Router();
  router.post(
    '/v1/comments',
    handle(async (req, res) => {
      const { comments, hashes, batch } = parseBody(req.body);
      const tenantId = req.tenantId!;
      const receivedAt = new Date();
      const outcome = await insertComments(deps.db, tenantId, comments.map((c, i) => toRow(c, hashes[i], receivedAt)));
      if (outcome.kind === 'conflict') {
        const first = outcome.externalIds[0];
        const index = comments.findIndex((c) => c.id === first);
        const field = batch ? `comments[${index}].id` : 'id';
        throw new ConflictError(`${field}: comment "${first}" was already received with different content`, field);
      }
      try {
        // A re-sent comment that is already scored needs no second detection; a pending one is
        // enqueued again (harmless: one job id per comment), in case its first job was lost.
        const toDetect = outcome.refs.filter((r) => r.status === 'pending');
        await withTimeout(enqueueDetection(deps.queue, toDetect.map((r) => ({ tenantId, commentId: r.id }))), deps.enqueueTimeoutMs ?? 2000);
      } catch (err) {
        // Stored is what matters: the sweeper enqueues pending comments once Redis is back.
        deps.logger.warn({ err, tenantId, requestId: req.requestId, count: outcome.refs.length }, 'enqueue failed; the sweeper will retry');
      }
      const created = new Set(outcome.created.map((r) => r.externalId));
      apiMetrics.inc('chorus_comments_accepted_total', {}, created.size);
      if (!batch && created.size === 0) {
        // A harmless re-send: answer with what is stored.
        const stored = await findCommentByExternalId(deps.db, tenantId, comments[0].id);
        res.status(200).json(commentView(stored!));
        return;
      }
      // insertComments already read each comment's status in its transaction: no second query.
      const statuses = new Map(outcome.refs.map((r) => [r.externalId, r.status]));
      const items = comments.map((c) => ({ id: c.id, status: statuses.get(c.id)!, duplicate: !created.has(c.id) }));
      res.status(202).json(batch ? { accepted: items.length, created: created.size, comments: items } : items[0]);
    }),
  );
  return router;
}
