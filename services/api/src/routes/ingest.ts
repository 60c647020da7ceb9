import { Router } from 'express';
import { commentBatchSchema, commentInputSchema, ingestQuerySchema, type CommentInput } from '@chorus/contracts';
import { findCommentByExternalId, insertComments, type StoredRef } from '@chorus/db';
import { ConflictError, enqueueDetection, ValidationError, withTimeout } from '@chorus/platform';
import { readBatch, rejectConflicts, threadPagesOf, type BatchSlot } from '../batch-items.js';
import { contentHash, toRow } from '../comment-rows.js';
import type { AppDeps } from '../deps.js';
import { handle } from '../middleware.js';
import { commentView } from './comments.js';
import { apiMetrics } from './metrics.js';
import { parseOr422 } from '../validation.js';

type Deps = Pick<AppDeps, 'db' | 'queue' | 'logger' | 'enqueueTimeoutMs'>;

/** Stores comments (the 202 means they are in PostgreSQL), then enqueues detection for those pending. */
async function store(deps: Deps, tenantId: string, requestId: string | undefined, inputs: readonly CommentInput[], hashes: readonly string[], atomic: boolean) {
  const receivedAt = new Date();
  const rows = inputs.map((c, i) => toRow(c, hashes[i], receivedAt));
  const outcome = await insertComments(deps.db, tenantId, rows, { atomic, threadPages: threadPagesOf(inputs) });
  if (outcome.kind === 'conflict') return outcome;
  try {
    // A re-sent comment that is already scored needs no second detection; a pending one is
    // enqueued again (harmless: one job id per comment), in case its first job was lost.
    const toDetect = outcome.refs.filter((r) => r.status === 'pending');
    await withTimeout(enqueueDetection(deps.queue, toDetect.map((r) => ({ tenantId, commentId: r.id }))), deps.enqueueTimeoutMs ?? 2000);
  } catch (err) {
    // Stored is what matters: the sweeper enqueues pending comments once Redis is back.
    deps.logger.warn({ err, tenantId, requestId, count: outcome.refs.length }, 'enqueue failed; the sweeper will retry');
  }
  apiMetrics.inc('chorus_comments_accepted_total', {}, outcome.created.length);
  return outcome;
}

/** Each comment sent, answered in order: its status, or the error naming its field. */
function answerItems(slots: readonly BatchSlot[], refs: ReadonlyMap<string, StoredRef>, created: ReadonlySet<string>) {
  return slots.map((slot) => {
    if (slot.kind === 'rejected') return { id: slot.id, error: { code: slot.error.code, message: slot.error.message, field: slot.error.field ?? null } };
    const valid = slot.kind === 'copy' ? slots[slot.of] : slot;
    const id = (valid as Extract<BatchSlot, { kind: 'valid' }>).input.id;
    return { id, status: refs.get(id)!.status, duplicate: slot.kind === 'copy' || !created.has(id) };
  });
}

/** POST /v1/comments: one comment, or a batch stored item by item (all or nothing with `atomic=true`). */
export function ingestRouter(deps: AppDeps): Router {
  const router = Router();
  router.post(
    '/v1/comments',
    handle(async (req, res) => {
      const { atomic } = parseOr422(ingestQuerySchema, req.query);
      const body: unknown = req.body;
      const tenantId = req.tenantId!;
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        throw new ValidationError('body: must be one comment object or { "comments": [...] }', 'body');
      }
      if (!('comments' in body)) {
        const comment = parseOr422(commentInputSchema, body);
        const outcome = await store(deps, tenantId, req.requestId, [comment], [contentHash(comment)], true);
        if (outcome.kind === 'conflict') throw new ConflictError(`id: comment "${comment.id}" was already received with different content`, 'id');
        if (outcome.created.length === 0) {
          // A harmless re-send: answer with what is stored.
          res.status(200).json(commentView((await findCommentByExternalId(deps.db, tenantId, comment.id))!));
          return;
        }
        res.status(202).json({ id: comment.id, status: outcome.refs[0].status, duplicate: false });
        return;
      }

      const slots = readBatch(parseOr422(commentBatchSchema, body).comments);
      const firstRejected = slots.find((s) => s.kind === 'rejected');
      if (atomic && firstRejected?.kind === 'rejected') throw firstRejected.error;
      const valid = slots.filter((s): s is Extract<BatchSlot, { kind: 'valid' }> => s.kind === 'valid');
      const outcome = valid.length === 0 ? undefined : await store(deps, tenantId, req.requestId, valid.map((s) => s.input), valid.map((s) => s.hash), atomic);
      if (outcome?.kind === 'conflict') {
        const index = slots.findIndex((s) => s.kind === 'valid' && s.input.id === outcome.externalIds[0]);
        throw new ConflictError(`comments[${index}].id: comment "${outcome.externalIds[0]}" was already received with different content`, `comments[${index}].id`);
      }
      rejectConflicts(slots, new Set(outcome?.conflicts));
      // insertComments already read each comment's status in its transaction: no second query.
      const refs = new Map((outcome?.refs ?? []).map((r) => [r.externalId, r]));
      const created = new Set((outcome?.created ?? []).map((r) => r.externalId));
      const comments = answerItems(slots, refs, created);
      const rejected = comments.filter((c) => 'error' in c).length;
      const counts = { accepted: comments.length - rejected, created: created.size, rejected };
      if (counts.accepted > 0) {
        res.status(202).json({ ...counts, comments });
        return;
      }
      // Nothing could be stored: the first rejection is the answer, each item still says why.
      const first = slots.find((s) => s.kind === 'rejected') as Extract<BatchSlot, { kind: 'rejected' }>;
      res.status(first.error.status).json({ error: comments.find((c) => 'error' in c)!.error, ...counts, comments });
    }),
  );
  return router;
}
