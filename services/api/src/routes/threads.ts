import { Router } from 'express';
import { z } from 'zod';
import { externalIdSchema, threadUpdateSchema, threadViewSchema } from '@chorus/contracts';
import { findThread, saveThreadPage, threadComments, type ThreadComment, type ThreadCursor, type ThreadView } from '@chorus/db';
import { NotFoundError, ValidationError } from '@chorus/platform';
import type { AppDeps } from '../deps.js';
import { handle } from '../middleware.js';
import { existingExternalId, parseOr422 } from '../validation.js';

/** A thread as the API answers it. */
export const threadView = (t: ThreadView) => ({ id: t.id, title: t.title, url: t.url, first_seen_at: t.first_seen_at.toISOString() });

/** `GET /v1/threads/:id/comments`: a page of the thread's comments in posting order. */
export const threadCommentsQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(200).default(100), cursor: z.string().max(200).optional() });
const threadCommentSchema = z
  .object({
    id: z.string(),
    parent_id: z.string().nullable(),
    author_id: z.string().nullable(),
    author_name: z.string().nullable(),
    text: z.string(),
    posted_at: z.string().nullable(),
    cluster_id: z.string().nullable(),
    verdict: z.enum(['clean', 'suspect', 'coordinated']).nullable(),
  })
  .strict();
export const threadCommentsResponseSchema = z.object({ thread: threadViewSchema, comments: z.array(threadCommentSchema), next_cursor: z.string().nullable() }).strict();

const cursorSchema = z.object({ t: z.number().int().min(0).max(253402300799999), id: z.string().regex(/^\d{1,18}$/) }).strict();
const encodeCursor = (c: ThreadCursor | null) => (c ? Buffer.from(JSON.stringify({ t: c.postedAt.getTime(), id: c.id })).toString('base64url') : null);
function decodeCursor(cursor: string | undefined): ThreadCursor | undefined {
  if (!cursor) return undefined;
  try {
    const c = cursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return { postedAt: new Date(c.t), id: c.id };
  } catch {
    throw new ValidationError('cursor: is not a cursor this API returned', 'cursor', 400);
  }
}

const commentView = (c: ThreadComment) => ({
  id: c.external_id,
  parent_id: c.parent_external_id,
  author_id: c.account_id,
  author_name: c.author_name,
  text: c.text,
  posted_at: c.posted_at_known ? c.posted_at.toISOString() : null,
  cluster_id: c.cluster_id,
  verdict: c.verdict,
});

/** GET/PUT /v1/threads/:id: the title and URL moderators see beside a thread's comments; GET /v1/threads/:id/comments: the discussion. */
export function threadsRouter(deps: AppDeps): Router {
  const router = Router();
  router.get(
    '/v1/threads/:id',
    handle(async (req, res) => {
      const thread = await findThread(deps.db, req.tenantId!, existingExternalId(req.params.id, 'thread'));
      if (!thread) throw new NotFoundError('thread');
      res.json(threadView(thread));
    }),
  );
  router.get(
    '/v1/threads/:id/comments',
    handle(async (req, res) => {
      const q = parseOr422(threadCommentsQuerySchema, req.query);
      const thread = await findThread(deps.db, req.tenantId!, existingExternalId(req.params.id, 'thread'));
      if (!thread) throw new NotFoundError('thread');
      const page = await threadComments(deps.db, req.tenantId!, thread.id, { limit: q.limit, after: decodeCursor(q.cursor) });
      res.json({ thread: threadView(thread), comments: page.comments.map(commentView), next_cursor: encodeCursor(page.next) });
    }),
  );
  router.put(
    '/v1/threads/:id',
    handle(async (req, res) => {
      const update = parseOr422(threadUpdateSchema, req.body);
      parseOr422(externalIdSchema, req.params.id, 'id');
      res.json(threadView(await saveThreadPage(deps.db, req.tenantId!, req.params.id, update)));
    }),
  );
  return router;
}
