// A batch read item by item: each comment sent is valid, an identical copy of an earlier one, or
// rejected with the error naming its field, so one bad comment costs the publisher only itself.
import { commentInputSchema, type CommentInput } from '@chorus/contracts';
import { AppError, ConflictError, ValidationError } from '@chorus/platform';
import type { ThreadPage } from '@chorus/db';
import { contentHash } from './comment-rows.js';
import { parseOrError } from './validation.js';

export type BatchSlot =
  | { readonly kind: 'valid'; readonly input: CommentInput; readonly hash: string }
  /** The same comment again, identical: answered like the slot it copies. */
  | { readonly kind: 'copy'; readonly of: number }
  | { readonly kind: 'rejected'; readonly id: string | null; readonly error: AppError };

/** The id a rejected item is answered under: what the client sent, if it sent a string. */
function sentId(raw: unknown): string | null {
  const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : null;
}

/** One slot per comment sent, in order. The same id twice with different content rejects the later one. */
export function readBatch(raw: readonly unknown[]): BatchSlot[] {
  const firstById = new Map<string, { index: number; hash: string }>();
  return raw.map((item, i): BatchSlot => {
    const parsed = parseOrError(commentInputSchema, item, `comments[${i}]`);
    if (!parsed.ok) return { kind: 'rejected', id: sentId(item), error: parsed.error };
    const input = parsed.value;
    const hash = contentHash(input);
    const before = firstById.get(input.id);
    if (before === undefined) {
      firstById.set(input.id, { index: i, hash });
      return { kind: 'valid', input, hash };
    }
    if (before.hash === hash) return { kind: 'copy', of: before.index };
    const field = `comments[${i}].id`;
    return { kind: 'rejected', id: input.id, error: new ValidationError(`${field}: "${input.id}" appears twice in this batch with different content`, field) };
  });
}

/** Rejects the slots (and their copies) whose id was already received with other content. */
export function rejectConflicts(slots: BatchSlot[], conflicting: ReadonlySet<string>): void {
  slots.forEach((slot, i) => {
    const valid = slot.kind === 'copy' ? slots[slot.of] : slot;
    if (valid.kind !== 'valid' || !conflicting.has(valid.input.id)) return;
    const field = `comments[${i}].id`;
    slots[i] = { kind: 'rejected', id: valid.input.id, error: new ConflictError(`${field}: comment "${valid.input.id}" was already received with different content`, field) };
  });
}

/** Each thread's title and URL: the first the batch carries (a stored thread keeps its own). */
export function threadPagesOf(inputs: readonly CommentInput[]): Map<string, ThreadPage> {
  const pages = new Map<string, ThreadPage>();
  for (const c of inputs) {
    const title = c.thread_title ?? null;
    const url = c.thread_url ?? null;
    if (title === null && url === null) continue;
    const seen = pages.get(c.thread_id);
    pages.set(c.thread_id, { title: seen?.title ?? title, url: seen?.url ?? url });
  }
  return pages;
}
