// A raw HTTP client for hostile-input tests: sends exactly the path, headers and bytes given (no
// URL normalisation, no added headers), over a keep-alive agent, against a real listening server.
import { Agent, request, type IncomingHttpHeaders } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { createApp } from '../../services/api/src/app.js';
import { createHttpServer, type HttpTimeouts } from '../../services/api/src/http-server.js';
import { silentLogger, type Harness } from '../support/harness.js';

export interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  readonly json: unknown;
}

export interface RawRequest {
  readonly method: string;
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: Buffer | string;
}

export interface ListeningApi {
  readonly port: number;
  /** A keep-alive agent for `send`. */
  readonly agent: Agent;
  close(): Promise<void>;
}

/** The real API (createApp behind createHttpServer) on an ephemeral port, over a harness's database and queue. */
export async function listenApi(h: Harness, options: { keyCacheMs: number; bodyIdleTimeoutMs: number; timeouts: HttpTimeouts; maxSockets: number }): Promise<ListeningApi> {
  const app = createApp({ db: h.testDb.db, queue: h.queue, redis: h.redis, logger: silentLogger, keyCacheMs: options.keyCacheMs, bodyIdleTimeoutMs: options.bodyIdleTimeoutMs });
  const server = createHttpServer(app, options.timeouts);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const agent = new Agent({ keepAlive: true, maxSockets: options.maxSockets });
  return {
    port: (server.address() as AddressInfo).port,
    agent,
    async close() {
      agent.destroy();
      await new Promise((r) => server.close(r));
    },
  };
}

/** Sends one request as given; the body is written as is (set content-length yourself to lie about it). */
export function send(port: number, agent: Agent, r: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    // A declared length, as real clients send: Node would otherwise stream a GET/HEAD body without one.
    const length = r.body === undefined ? {} : { 'Content-Length': String(Buffer.byteLength(r.body)) };
    const req = request({ host: '127.0.0.1', port, agent, method: r.method, path: r.path, headers: { ...length, ...r.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        let json: unknown;
        try {
          json = JSON.parse(body.toString('utf8'));
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(r.body);
  });
}

/**
 * Writes raw bytes on a fresh TCP connection and resolves with everything the server sent until it
 * closed the connection (or `waitMs` passed), and how long that took.
 */
export function rawExchange(port: number, bytes: string | Buffer, waitMs: number): Promise<{ text: string; ms: number; closed: boolean }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    const chunks: Buffer[] = [];
    let done = false;
    const finish = (closed: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ text: Buffer.concat(chunks).toString('utf8'), ms: Date.now() - started, closed });
    };
    const timer = setTimeout(() => finish(false), waitMs);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('close', () => finish(true));
    socket.on('error', () => finish(true));
  });
}

/** The JSON body of a raw HTTP/1.1 answer (after the blank line). */
export function rawJsonBody(text: string): unknown {
  const body = text.slice(text.indexOf('\r\n\r\n') + 4);
  return JSON.parse(body);
}
