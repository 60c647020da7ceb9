import type { z } from 'zod';
import { externalIdSchema } from '@chorus/contracts';
import { NotFoundError, ValidationError } from '@chorus/platform';

/** Formats a zod path as a field name clients can find in their payload: `comments[3].text`. */
export function fieldName(path: readonly (string | number)[], prefix = ''): string {
  let out = prefix;
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out ? `.${part}` : part;
  return out || 'body';
}

/** Parses with a schema: the value, or a 422 naming the first bad field. */
export function parseOrError<S extends z.ZodTypeAny>(schema: S, value: unknown, prefix = ''): { ok: true; value: z.infer<S> } | { ok: false; error: ValidationError } {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  // An unknown key is reported under its own name, so the client sees which key to remove.
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : issue.path;
  const field = fieldName(path, prefix);
  const message = issue.code === 'invalid_type' && issue.received === 'undefined' ? 'is required' : issue.message;
  return { ok: false, error: new ValidationError(`${field}: ${message}`, field) };
}

/** Parses with a schema or throws a 422 naming the first bad field. */
export function parseOr422<S extends z.ZodTypeAny>(schema: S, value: unknown, prefix = ''): z.infer<S> {
  const parsed = parseOrError(schema, value, prefix);
  if (!parsed.ok) throw parsed.error;
  return parsed.value;
}

/**
 * A publisher's id from a path: one ingest would refuse (NUL, control characters, lone surrogates)
 * cannot exist, and must not reach PostgreSQL, which cannot even compare a string holding NUL.
 */
export function existingExternalId(id: string, what: string): string {
  if (!externalIdSchema.safeParse(id).success) throw new NotFoundError(what);
  return id;
}
