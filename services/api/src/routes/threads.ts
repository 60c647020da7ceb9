import { Router } from 'express';
import { externalIdSchema, threadUpdateSchema } from '@chorus/contracts';
import { findThread, saveThreadPage, type ThreadView } from '@chorus/db';
import { NotFoundError } from '@chorus/platform';
import type { AppDeps } from '../deps.js';
import { handle } from '../middleware.js';
import { existingExternalId, parseOr422 } from '../validation.js';

/** A thread as the API answers it. */
export const threadView = (t: ThreadView) => ({ id: t.id, title: t.title, url: t.url, first_seen_at: t.first_seen_at.toISOString() });

/** GET/PUT /v1/threads/:id: the title and URL moderators see beside a thread's comments. */
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
