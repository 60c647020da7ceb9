import type { RequestHandler } from 'express';
import type { KeyScope } from '@chorus/db';
import { AppError } from '@chorus/platform';

// What each kind of key may do, in one place: a publisher's backend (`ingest`) sends comments and
// threads and reads its comments' verdicts; a moderator (`moderate`) reads the clusters and
// decides them; an analyst (`read`) reads clusters, the network, exports and the moderation log.
// A publisher's webhooks (their endpoints, secrets and deliveries) are its integration's: `ingest`
// only. A route added later falls under the rule of its kind: a write needs `ingest`, a read
// `read` or `moderate`.

/** The scopes any one of which lets a key call `method path` (the path below /v1). */
export function scopesFor(method: string, path: string): readonly KeyScope[] {
  const write = method !== 'GET' && method !== 'HEAD';
  if (path === '/webhooks' || path.startsWith('/webhooks/')) return ['ingest'];
  if (write) return path.startsWith('/clusters/') || path === '/settings' ? ['moderate'] : ['ingest'];
  if (path.startsWith('/comments/') || path.startsWith('/threads/')) return ['ingest', 'read', 'moderate'];
  return ['read', 'moderate'];
}

/** Refuses, with 403, a request its key's scopes do not allow (after `authenticate`). */
export const authorizeScope: RequestHandler = (req, _res, next) => {
  const needed = scopesFor(req.method, req.path);
  const has = req.apiKey!.scopes;
  if (needed.some((s) => has.includes(s))) return next();
  const message = `this key may ${has.length ? has.join(', ') : 'do nothing'}; ${req.method} /v1${req.path} needs the ${needed.join(' or ')} scope`;
  next(new AppError('forbidden', 403, message, 'authorization'));
};
