// The dashboard's calls to the public API, with the moderator's key. A refused call throws an
// ApiError carrying the status and the answer's body, so a page can tell "someone decided this
// first" (409) from any other failure.
export class ApiError extends Error {
  constructor(message, status, body) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

export async function callApi(key, path, init = {}) {
  let res;
  try {
    res = await fetch(path, { ...init, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' } });
  } catch {
    throw new ApiError('the API could not be reached', 0, {});
  }
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError(body.error ? `${body.error.message} (HTTP ${res.status})` : `HTTP ${res.status}`, res.status, body);
  return body;
}

const PAST = { confirm: 'confirmed', dismiss: 'dismissed', reopen: 'reopened' };

/** Who made a logged decision: the moderator of a named key, else the key's prefix. */
export function decider(entry) {
  return entry.moderator || (entry.key_prefix ? `key ${entry.key_prefix}` : 'an earlier key');
}

/** A logged decision in words: "confirmed by alice", "dropped c17 by alice", "confirmed c17 by alice" (that comment alone), "put c17 back by alice" (the undo of a drop). */
export function decisionWords(entry) {
  const what = entry.action === 'drop' ? `dropped ${entry.comment_id ?? 'a member'}`
    : entry.action === 'reopen' && entry.comment_id ? `put ${entry.comment_id} back`
    : `${PAST[entry.action] ?? entry.action}${entry.comment_id ? ` ${entry.comment_id}` : ''}`;
  return `${what} by ${decider(entry)}`;
}
