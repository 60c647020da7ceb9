import type { ErrorRequestHandler, NextFunction, Request, Response } from 'express';
import { AppError, type Logger } from '@chorus/platform';

/** Writes an AppError as the documented body: `{"error": {"code", "message", "field"}}` (`field` null when no input is at fault). */
export function sendError(res: Response, err: AppError): void {
  res.status(err.status).json({ error: { code: err.code, message: err.message, field: err.field ?? null } });
}

/**
 * The one error handler: AppErrors become their status and JSON body; anything else is a bug,
 * answered 500 with a logged id. Client errors raised below our code (body parsing, path decoding)
 * are turned into AppErrors where they arise (see json-body.ts and the URIError case here).
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req: Request, res: Response, next: NextFunction) => {
    // Answered by the deadline (deadline.ts): what the route did after that is moot.
    if (res.locals.deadlinePassed) return;
    // Already answered (a stalled body got its 408): let express close the connection.
    if (res.headersSent) return next(err);
    if (err instanceof AppError) return sendError(res, err);
    // Express decodes path parameters with decodeURIComponent, which throws URIError on malformed
    // percent-encoding (`%zz`, `%ff`, overlong or surrogate UTF-8). Every parameter is an `:id`.
    if (err instanceof URIError) return sendError(res, new AppError('invalid_path', 400, 'the id in the path is not valid percent-encoded UTF-8', 'id'));
    logger.error({ err, requestId: req.requestId }, 'unhandled error');
    res.status(500).json({ error: { code: 'internal', message: 'internal error', request_id: req.requestId } });
  };
}
