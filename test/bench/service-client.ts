// The publisher's side of the service bench: POST /v1/comments as fast as answers come (batches of
// 1,000) or paced at an offered rate, and the backlog read from GET /metrics.
import { performance } from 'node:perf_hooks';
import type { RunningService } from './service-processes.js';

export type CommentBody = Readonly<Record<string, unknown>> & { readonly id: string };

export interface Posted {
  /** performance.now() when each comment's batch answered 202, by comment id. */
  readonly ackedAt: Map<string, number>;
  readonly firstPostAt: number;
  readonly lastAckAt: number;
  readonly non202: Readonly<Record<string, number>>;
}

async function postBatch(service: RunningService, batch: readonly CommentBody[], non202: Record<string, number>): Promise<boolean> {
  const res = await fetch(`${service.url}/v1/comments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${service.key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ comments: batch }),
  });
  if (res.status === 202) {
    await res.arrayBuffer();
    return true;
  }
  const answer = (await res.json().catch(() => ({}))) as { error?: { code?: string; field?: string } };
  const what = `${res.status} ${answer.error?.code ?? ''} ${answer.error?.field ?? ''}`.trim();
  non202[what] = (non202[what] ?? 0) + 1;
  return false;
}

/** Posts comments in order, one batch at a time, each as soon as the last answered. */
export async function postAll(service: RunningService, comments: readonly CommentBody[], batchSize = 1000): Promise<Posted> {
  const ackedAt = new Map<string, number>();
  const non202: Record<string, number> = {};
  const firstPostAt = performance.now();
  for (let i = 0; i < comments.length; i += batchSize) {
    const batch = comments.slice(i, i + batchSize);
    if (await postBatch(service, batch, non202)) {
      const now = performance.now();
      for (const c of batch) ackedAt.set(c.id, now);
    }
  }
  return { ackedAt, firstPostAt, lastAckAt: performance.now(), non202 };
}

const TICK_MS = 100;
const MAX_IN_FLIGHT = 16;

/**
 * Offers comments at `perSecond`, in order: every 100 ms a small batch goes out without waiting for
 * earlier answers (up to 16 in flight; beyond that the offered rate falls, and `offeredPerSecond`
 * says so). `onAck` sees each batch as it is acknowledged.
 */
export async function postPaced(
  service: RunningService,
  comments: readonly CommentBody[],
  perSecond: number,
  onAck?: (batch: readonly CommentBody[], at: number) => void,
): Promise<Posted & { readonly offeredPerSecond: number }> {
  const ackedAt = new Map<string, number>();
  const non202: Record<string, number> = {};
  const perTick = Math.max(1, Math.round((perSecond * TICK_MS) / 1000));
  const firstPostAt = performance.now();
  const inFlight = new Set<Promise<void>>();
  let failure: unknown;
  for (let i = 0, tick = 0; i < comments.length; i += perTick, tick++) {
    const due = firstPostAt + tick * TICK_MS;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    while (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
    if (failure) throw failure;
    const batch = comments.slice(i, i + perTick);
    const p: Promise<void> = postBatch(service, batch, non202)
      .then((ok) => {
        if (!ok) return;
        const now = performance.now();
        for (const c of batch) ackedAt.set(c.id, now);
        onAck?.(batch, now);
      })
      .catch((err: unknown) => void (failure = err))
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  }
  await Promise.all(inFlight);
  if (failure) throw failure;
  const lastAckAt = performance.now();
  return { ackedAt, firstPostAt, lastAckAt, non202, offeredPerSecond: Math.round(comments.length / ((lastAckAt - firstPostAt) / 1000)) };
}

/** `chorus_comments_pending` from GET /metrics. */
export async function pendingFromMetrics(service: RunningService): Promise<number> {
  const text = await (await fetch(`${service.url}/metrics`)).text();
  const m = /^chorus_comments_pending(?:\{\})? (\d+)/m.exec(text);
  if (!m) throw new Error('service bench: GET /metrics has no chorus_comments_pending');
  return Number(m[1]);
}

export interface Drained {
  readonly finished: boolean;
  readonly pending: number;
  /** performance.now() when pending was first seen at 0, or when the wait gave up. */
  readonly at: number;
}

/**
 * Polls the backlog until it is 0 or `timeoutSeconds` have passed (never hangs): every `pollMs`,
 * or less often while the backlog is long (a millisecond per pending comment, up to 2 s: faster
 * than 1,000 comments/s it could not be empty sooner). Counting a large backlog costs PostgreSQL a
 * scan, which the service under test would otherwise pay for four times a second.
 */
export async function waitDrained(service: RunningService, timeoutSeconds: number, pollMs = 250): Promise<Drained> {
  const until = performance.now() + timeoutSeconds * 1000;
  for (;;) {
    service.assertAlive();
    const pending = await pendingFromMetrics(service);
    const at = performance.now();
    if (pending === 0) return { finished: true, pending, at };
    if (at > until) return { finished: false, pending, at };
    await new Promise((r) => setTimeout(r, Math.min(2000, Math.max(pollMs, pending))));
  }
}
