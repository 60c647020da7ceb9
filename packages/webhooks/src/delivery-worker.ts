import { UnrecoverableError, Worker, type ConnectionOptions } from 'bullmq';
import { deliveryToSend, recordAttempt, type Db } from '@chorus/db';
import { SHARED_METRICS, type Logger, type SharedMetricsRecorder } from '@chorus/platform';
import { WEBHOOK_QUEUE, type DeliveryJob } from './events.js';
import { SIGNATURE_HEADER, signatureHeader } from './signature.js';

export interface DeliveryWorkerOptions {
  readonly db: Db;
  readonly connection: ConnectionOptions;
  readonly prefix: string;
  readonly logger: Logger;
  /** How long a receiver has to answer one attempt. */
  readonly timeoutMs?: number;
  readonly concurrency?: number;
  /** Attempts counted by event type and outcome, for /metrics. */
  readonly metrics?: SharedMetricsRecorder;
}

/** Sends queued deliveries: a 2xx answer delivers; anything else is retried with backoff, then marked failed. */
export function startDeliveryWorker(o: DeliveryWorkerOptions): Worker<DeliveryJob> {
  const worker = new Worker<DeliveryJob>(
    WEBHOOK_QUEUE,
    async (job) => {
      const d = await deliveryToSend(o.db, job.data.deliveryId);
      // The endpoint was deleted meanwhile, or an earlier attempt got through.
      if (!d || d.status === 'delivered') return;
      const secrets = [d.secret, ...(d.previous_secret && d.previous_secret_until && d.previous_secret_until > new Date() ? [d.previous_secret] : [])];
      const timestamp = Math.floor(Date.now() / 1000);
      const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      let statusCode: number | null = null;
      try {
        const res = await fetch(d.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signatureHeader(secrets, timestamp, d.payload), 'user-agent': 'Chorus-Webhooks/1' },
          body: d.payload,
          redirect: 'manual',
          signal: AbortSignal.timeout(o.timeoutMs ?? 10_000),
        });
        statusCode = res.status;
        await res.body?.cancel();
        if (res.ok) {
          await recordAttempt(o.db, d.id, { status: 'delivered', statusCode, error: null });
          o.metrics?.inc(SHARED_METRICS.webhookDeliveries, { event: d.event, outcome: 'sent' });
          return;
        }
        throw new Error(`receiver answered ${res.status}`);
      } catch (err) {
        const error = err instanceof Error ? err.message : String(err);
        await recordAttempt(o.db, d.id, { status: last ? 'failed' : 'pending', statusCode, error });
        o.metrics?.inc(SHARED_METRICS.webhookDeliveries, { event: d.event, outcome: last ? 'failed' : 'retrying' });
        o.logger.warn({ deliveryId: d.id, attempt: job.attemptsMade + 1, statusCode, err: error }, 'webhook delivery failed');
        if (last) throw new UnrecoverableError(error);
        throw err;
      }
    },
    { connection: o.connection, prefix: o.prefix, concurrency: o.concurrency ?? 16 },
  );
  worker.on('error', (err) => o.logger.warn({ err }, 'webhook worker error'));
  return worker;
}
