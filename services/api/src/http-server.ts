import { createServer, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

export interface HttpTimeouts {
  readonly headersTimeoutMs: number;
  readonly requestTimeoutMs: number;
  readonly keepAliveTimeoutMs: number;
}

// Errors Node's HTTP parser raises before express sees a request; answered in the documented shape.
const CLIENT_ERRORS: Readonly<Record<string, { status: number; reason: string; code: string; message: string; field: string }>> = {
  HPE_HEADER_OVERFLOW: { status: 431, reason: 'Request Header Fields Too Large', code: 'headers_too_large', message: 'request headers are too large', field: 'headers' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, reason: 'Request Timeout', code: 'request_timeout', message: 'request not received in time', field: 'body' },
};
const MALFORMED = { status: 400, reason: 'Bad Request', code: 'malformed_request', message: 'malformed HTTP request', field: 'request' };

function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  const inFlight = (socket as Duplex & { _httpMessage?: ServerResponse })._httpMessage;
  if (err.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  const e = (err.code && CLIENT_ERRORS[err.code]) || MALFORMED;
  const body = JSON.stringify({ error: { code: e.code, message: e.message, field: e.field } });
  socket.end(
    `HTTP/1.1 ${e.status} ${e.reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`,
  );
}

/**
 * The API's HTTP server: headers and whole requests must arrive in time (checked every second, not
 * Node's default 30 s), idle keep-alive connections close, and parser-level errors get a JSON body.
 */
export function createHttpServer(app: RequestListener, t: HttpTimeouts): Server {
  const server = createServer(
    { headersTimeout: t.headersTimeoutMs, requestTimeout: t.requestTimeoutMs, keepAliveTimeout: t.keepAliveTimeoutMs, connectionsCheckingInterval: 1000 },
    app,
  );
  server.on('clientError', answerClientError);
  return server;
}
