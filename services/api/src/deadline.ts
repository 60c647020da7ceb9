import type { RequestHandler } from 'express';
import { AppError } from '@chorus/platform';
import { sendError } from './error-handler.js';

/**
 * Answers 503 (`response_timeout`) when a route has not started its answer within `ms`, and closes
 * the connection: a client waits a bounded time whatever PostgreSQL or Redis do. What the route
 * answers later is dropped.
 */
export function responseDeadline(ms: number): RequestHandler {
  return (_req, res, next) => {
    if (ms <= 0) return next();
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      res.locals.deadlinePassed = true;
      res.setHeader('Connection', 'close');
      sendError(res, new AppError('response_timeout', 503, `no answer within ${ms} ms; retry later`));
    }, ms);
    res.on('close', () => clearTimeout(timer));
    res.on('finish', () => clearTimeout(timer));
    next();
  };
}
