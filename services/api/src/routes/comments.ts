import { Router } from 'express';
import { findCommentByExternalId } from '@chorus/db';
import { NotFoundError } from '@chorus/platform';
import type { AppDeps } from '../deps.js';
import { handle } from '../middleware.js';
import { existingExternalId } from '../validation.js';

type StoredComment = NonNullable<Awaited<ReturnType<typeof findCommentByExternalId>>>;

/** A comment as publishers see it: what they sent (exactly) and its verdict. Documented in README's API section. */
export function commentView(c: StoredComment) {
  return {
    id: c.external_id,
    thread_id: c.thread_id,
    thread_title: c.thread_title,
    thread_url: c.thread_url,
    parent_id: c.parent_external_id,
    author_id: c.account_id,
    author_name: c.author_name,
    text: c.text,
    status: c.status,
    verdict: c.verdict,
    score: c.score,
    cluster_id: c.cluster_id,
    reasons: c.reasons ?? [],
    posted_at: c.posted_at.toISOString(),
    received_at: c.received_at.toISOString(),
    scored_at: c.scored_at ? c.scored_at.toISOString() : null,
    // Only a failed comment carries one: why detection gave up on it.
    ...(c.status === 'failed' ? { failure: c.failure ?? 'detection failed' } : {}),
  };
}

export function commentsRouter(deps: AppDeps): Router {
  const router = Router();
  router.get(
    '/v1/comments/:id',
    handle(async (req, res) => {
      const comment = await findCommentByExternalId(deps.db, req.tenantId!, existingExternalId(req.params.id, 'comment'));
      if (!comment) throw new NotFoundError('comment');
      res.json(commentView(comment));
    }),
  );
  return router;
}
