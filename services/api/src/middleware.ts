import { randomUUID } from 'node:crypto';
import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from 'express';
import { tenantForKey, type Db } from '@chorus/db';
import { AppError, UnauthorizedError, type Logger } from '@chorus/platform';

declare module 'express-serve-static-core' {
  interface Request {
    tenantId?: string;
    requestId?: string;
  }
}

/** Wraps an async handler so a rejection reaches the error middleware. */
export const handle =
  (fn: (req: Request, res: Response) => Promise<void>): RequestHandler =>
  (req, res, next) => {
    fn(req, res).catch(next);
  };

/** Resolves `Authorization: Bearer <key>` to a tenant, caching keys briefly (a revoked key stops working within cacheMs). */
export function authenticate(db: Db, cacheMs: number): RequestHandler {
  const cache = new Map<string, { tenantId: string | undefined; until: number }>();
  return (req, _res, next) => {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) return next(new UnauthorizedError('send the API key as "Authorization: Bearer <key>"'));
    const key = match[1];
    const hit = cache.get(key);
    // Only a lookup refreshes the entry: were a hit to extend it, a key in steady use would never
    // be looked up again, and revoking it would not stop it.
    const lookup =
      hit && hit.until > Date.now()
        ? Promise.resolve(hit.tenantId)
        : tenantForKey(db, key).then((tenantId) => {
            if (cache.size > 10_000) cache.clear();
            cache.set(key, { tenantId, until: Date.now() + cacheMs });
            return tenantId;
          });
    lookup
      .then((tenantId) => {
        if (!tenantId) return next(new UnauthorizedError());
        req.tenantId = tenantId;
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

// body-parser marks its errors with a `type`; map those to client errors.
const BODY_ERRORS: Readonly<Record<string, { status: number; code: string; message: string }>> = {
  'entity.parse.failed': { status: 400, code: 'invalid_json', message: 'request body is not valid JSON' },
  'entity.too.large': { status: 413, code: 'body_too_large', message: 'request body is too large' },
  'encoding.unsupported': { status: 415, code: 'unsupported_encoding', message: 'unsupported content encoding' },
  'charset.unsupported': { status: 415, code: 'unsupported_charset', message: 'unsupported charset' },
  'request.aborted': { status: 400, code: 'aborted', message: 'request aborted' },
};

/** The one error handler: AppErrors become their status and JSON body; anything else is a logged 500. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const bodyError = typeof err === 'object' && err !== null && 'type' in err ? BODY_ERRORS[String((err as { type: unknown }).type)] : undefined;
    if (bodyError) {
      res.status(bodyError.status).json({ error: { code: bodyError.code, message: bodyError.message, field: 'body' } });
      return;
    }
    if (err instanceof AppError) {
      res.status(err.status).json({ error: { code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}) } });
      return;
    }
    logger.error({ err, requestId: req.requestId }, 'unhandled error');
    res.status(500).json({ error: { code: 'internal', message: 'internal error', request_id: req.requestId } });
  };
}
