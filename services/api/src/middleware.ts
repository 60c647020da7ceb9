import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { identifyKey, type Db, type KeyIdentity } from '@chorus/db';
import { UnauthorizedError, type Logger } from '@chorus/platform';
import type { KeyRevocations } from './key-revocations.js';

declare module 'express-serve-static-core' {
  interface Request {
    tenantId?: string;
    /** The key the request was made with: who decides, in the moderation log. */
    apiKey?: KeyIdentity;
    requestId?: string;
  }
}

/** Wraps an async handler so a rejection reaches the error middleware. */
export const handle =
  (fn: (req: Request, res: Response) => Promise<void>): RequestHandler =>
  (req, res, next) => {
    fn(req, res).catch(next);
  };

/**
 * Resolves `Authorization: Bearer <key>` to a tenant, caching keys briefly (a revoked key stops
 * working within cacheMs, and at once when the revocation is announced through `revocations`).
 */
export function authenticate(db: Db, cacheMs: number, revocations?: KeyRevocations): RequestHandler {
  const cache = new Map<string, { identity: KeyIdentity | undefined; until: number }>();
  // Bumped by each revocation: a lookup that started before one may have read the key as live, so
  // its answer is used for its request but not cached.
  let revision = 0;
  revocations?.onRevoked((keyPrefix) => {
    revision++;
    // Keys look like chorus_<prefix>_<secret>; the prefix is what `chorus keys revoke` takes.
    const start = `chorus_${keyPrefix}_`;
    for (const key of cache.keys()) if (key.startsWith(start)) cache.delete(key);
  });
  return (req, _res, next) => {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) return next(new UnauthorizedError('send the API key as "Authorization: Bearer <key>"'));
    const key = match[1];
    const hit = cache.get(key);
    const startedAt = revision;
    // Only a lookup refreshes the entry: were a hit to extend it, a key in steady use would never
    // be looked up again, and revoking it would not stop it.
    const lookup =
      hit && hit.until > Date.now()
        ? Promise.resolve(hit.identity)
        : identifyKey(db, key).then((identity) => {
            if (cache.size > 10_000) cache.clear();
            if (revision === startedAt) cache.set(key, { identity, until: Date.now() + cacheMs });
            return identity;
          });
    lookup
      .then((identity) => {
        if (!identity) return next(new UnauthorizedError());
        req.tenantId = identity.tenantId;
        req.apiKey = identity;
        next();
      })
      .catch(next);
  };
}

/** Tags each request with an id (echoed as X-Request-Id) and logs it when done. */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    req.requestId = randomUUID();
    res.setHeader('X-Request-Id', req.requestId);
    res.on('finish', () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info({ requestId: req.requestId, tenantId: req.tenantId, method: req.method, path: req.route?.path ?? req.path, status: res.statusCode, durationMs }, 'request');
    });
    next();
  };
}

/** Headers every answer carries: browsers must not guess a content type (a comment rendered as HTML). */
export const securityHeaders: RequestHandler = (_req, res, next) => {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  next();
};
