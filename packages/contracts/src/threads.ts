// What a publisher may say about a thread: its title and address, so moderators see what a comment
// answered. Sent with comments (the first title and URL seen are kept) or set with PUT /v1/threads/:id.
import { z } from 'zod';
import { MAX_THREAD_TITLE_LENGTH, MAX_URL_LENGTH } from './limits.js';
import { HAS_CONTROL, hasNoControl, isStorable, NOT_STORABLE } from './text-rules.js';

/** True for an absolute http(s) URL. */
function isWebUrl(s: string): boolean {
  if (!URL.canParse(s)) return false;
  const { protocol } = new URL(s);
  return protocol === 'http:' || protocol === 'https:';
}

/** A thread's title as the publisher shows it; stored exactly. */
export const threadTitleSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(MAX_THREAD_TITLE_LENGTH, `must be at most ${MAX_THREAD_TITLE_LENGTH} characters`)
  .refine(isStorable, NOT_STORABLE);

/** The thread's page: an absolute http or https URL, stored exactly. */
export const threadUrlSchema = z
  .string()
  .max(MAX_URL_LENGTH, `must be at most ${MAX_URL_LENGTH} characters`)
  .refine(isStorable, NOT_STORABLE)
  .refine(hasNoControl, HAS_CONTROL)
  .refine(isWebUrl, 'must be an absolute http or https URL');

/** Body of `PUT /v1/threads/:id`: sets what it names; a field left out keeps its value, null clears it. */
export const threadUpdateSchema = z
  .object({ title: threadTitleSchema.nullable().optional(), url: threadUrlSchema.nullable().optional() })
  .strict()
  .refine((t) => t.title !== undefined || t.url !== undefined, { message: 'must set title, url or both' });
export type ThreadUpdate = z.infer<typeof threadUpdateSchema>;
