// A publisher's webhook endpoint for tests: a real HTTP server on a free port that records every
// request it gets (path, raw body, signature header, parsed event) and answers 200.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedEvent<E = { id: string; type: string; data: unknown }> {
  readonly path: string;
  readonly body: string;
  readonly signature: string;
  readonly event: E;
}

export interface WebhookReceiver<E> {
  readonly url: string;
  readonly received: ReceivedEvent<E>[];
  close(): Promise<void>;
}

export async function startWebhookReceiver<E = { id: string; type: string; data: unknown }>(): Promise<WebhookReceiver<E>> {
  const received: ReceivedEvent<E>[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ path: req.url ?? '', body, signature: String(req.headers['chorus-signature'] ?? ''), event: JSON.parse(body) as E });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received, close: () => new Promise((r) => server.close(() => r())) };
}
