import { isUtf8 } from 'node:buffer';
import express, { type Request, type RequestHandler, type Response } from 'express';
import { MAX_BODY_BYTES, MAX_SMALL_BODY_BYTES } from '@chorus/contracts';
import { AppError } from '@chorus/platform';
import { sendError } from './error-handler.js';

// body-parser marks its errors with a `type`.
const BODY_ERRORS: Readonly<Record<string, { status: number; code: string; message: string; field: string }>> = {
  'entity.parse.failed': { status: 400, code: 'invalid_json', message: 'request body is not valid JSON', field: 'body' },
  'encoding.unsupported': { status: 415, code: 'unsupported_encoding', message: 'content-encoding must be identity, gzip or deflate', field: 'content-encoding' },
  'charset.unsupported': { status: 415, code: 'unsupported_charset', message: 'send the body as UTF-8', field: 'content-type' },
  'request.aborted': { status: 400, code: 'aborted', message: 'request aborted', field: 'body' },
  'request.size.invalid': { status: 400, code: 'invalid_length', message: 'request body does not match content-length', field: 'content-length' },
};

/** Only ingest takes large bodies; every other route's body is a few fields. */
const bodyLimit = (req: Request) => (req.method === 'POST' && /^\/v1\/comments\/?$/i.test(`${req.baseUrl}${req.path}`) ? MAX_BODY_BYTES : MAX_SMALL_BODY_BYTES);

const tooLarge = (limit: number) => new AppError('body_too_large', 413, `request body is larger than ${limit} bytes, this route's limit`, 'body');

/** Maps what body-parser (and zlib under it) raise to an AppError; anything else stays a bug (500). */
function toBodyError(err: unknown, limit: number): unknown {
  if (err instanceof AppError || typeof err !== 'object' || err === null) return err;
  const { type, code, status } = err as { type?: unknown; code?: unknown; status?: unknown };
  if (type === 'entity.too.large') return tooLarge(limit);
  const known = typeof type === 'string' ? BODY_ERRORS[type] : undefined;
  if (known) return new AppError(known.code, known.status, known.message, known.field);
  // zlib's errors (Z_DATA_ERROR, Z_BUF_ERROR...): a body declared gzip/deflate that is not, or is cut short.
  if (typeof code === 'string' && code.startsWith('Z_')) {
    return new AppError('invalid_content_encoding', 400, 'request body is not valid for its content-encoding', 'content-encoding');
  }
  if (typeof status === 'number' && status >= 400 && status < 500) return new AppError('invalid_body', status, 'request body could not be read', 'body');
  return err;
}

/** Refuses a body whose declared length is over the limit before reading any of it (and closes the connection). */
export const rejectDeclaredOversize: RequestHandler = (req, res, next) => {
  const declared = Number(req.headers['content-length']);
  const limit = bodyLimit(req);
  if (!(declared > limit)) return next();
  res.setHeader('Connection', 'close');
  next(tooLarge(limit));
};

/** Rejects a body that is not UTF-8 rather than decoding it with replacement characters. */
function assertUtf8(_req: unknown, _res: unknown, buf: Buffer): void {
  if (!isUtf8(buf)) throw new AppError('invalid_utf8', 400, 'request body is not valid UTF-8', 'body');
}

const CHARSET = /;\s*charset\s*=\s*"?([^";\s]*)/i;

/** True for a JSON body declared in a charset other than UTF-8: those cannot be stored as sent. */
function hasForeignCharset(req: Request): boolean {
  const charset = CHARSET.exec(req.headers['content-type'] ?? '')?.[1]?.toLowerCase();
  return charset !== undefined && charset !== 'utf-8' && charset !== 'utf8' && req.is('application/json') !== false;
}

function answerStalled(res: Response): void {
  res.setHeader('Connection', 'close');
  sendError(res, new AppError('body_timeout', 408, 'request body stalled: no bytes arrived in time', 'body'));
}

/**
 * express.json with the API's limits, mapping its failures to AppErrors. While the body is read, a
 * connection that sends nothing for `idleMs` is answered 408 and closed.
 */
export function jsonBody(idleMs: number): RequestHandler {
  const parseLarge = express.json({ limit: MAX_BODY_BYTES, strict: false, verify: assertUtf8 });
  const parseSmall = express.json({ limit: MAX_SMALL_BODY_BYTES, strict: false, verify: assertUtf8 });
  return (req, res, next) => {
    const limit = bodyLimit(req);
    const parse = limit === MAX_BODY_BYTES ? parseLarge : parseSmall;
    if (hasForeignCharset(req)) return next(new AppError('unsupported_charset', 415, 'send the body as UTF-8', 'content-type'));
    let stalled = false;
    const onStall = () => {
      stalled = true;
      answerStalled(res);
    };
    if (idleMs > 0) req.setTimeout(idleMs, onStall);
    parse(req, res, (err?: unknown) => {
      if (idleMs > 0) {
        req.removeListener('timeout', onStall);
        req.setTimeout(0);
      }
      if (stalled) return;
      next(err === undefined ? undefined : toBodyError(err, limit));
    });
  };
}
