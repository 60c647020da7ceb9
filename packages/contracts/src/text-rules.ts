// Rules for strings Chorus stores: what PostgreSQL cannot hold, or would store other than as sent,
// is rejected (422 naming the field) rather than altered.

/** A UTF-16 surrogate without its partner: UTF-8 cannot encode it, so it would be stored as U+FFFD. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Control characters (C0, DEL, C1): never part of an id a publisher means. */
const CONTROL = /\p{Cc}/u;

/** True when PostgreSQL can store the string exactly: no NUL and no lone surrogate. */
export function isStorable(s: string): boolean {
  return !s.includes('\u0000') && !LONE_SURROGATE.test(s);
}

/** True when the string has no control characters (NUL included). */
export function hasNoControl(s: string): boolean {
  return !CONTROL.test(s);
}

export const NOT_STORABLE = 'must not contain NUL characters or unpaired UTF-16 surrogates';
export const HAS_CONTROL = 'must not contain control characters';
