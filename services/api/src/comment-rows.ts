import { createHash } from 'node:crypto';
import type { CommentInput } from '@chorus/contracts';
import { normalizedHash } from '@chorus/core';
import type { NewComment } from '@chorus/db';

/** Hash of every field the publisher sent: equal for a harmless re-send, different for a conflicting one. */
export function contentHash(c: CommentInput): string {
  const postedAt = c.posted_at ? new Date(c.posted_at).toISOString() : null;
  const fields = [c.thread_id, c.parent_id ?? null, c.author_id ?? null, c.author_name ?? null, c.text, postedAt];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/** The row stored for an accepted comment. */
export function toRow(c: CommentInput, hash: string, receivedAt: Date): NewComment {
  return {
    external_id: c.id,
    thread_id: c.thread_id,
    parent_external_id: c.parent_id ?? null,
    account_id: c.author_id ?? null,
    author_name: c.author_name ?? null,
    text: c.text,
    content_hash: hash,
    norm_hash: normalizedHash(c.text),
    posted_at: c.posted_at ? new Date(c.posted_at) : receivedAt,
    posted_at_known: Boolean(c.posted_at),
    received_at: receivedAt,
    cluster_id: null,
    scored_at: null,
  };
}
