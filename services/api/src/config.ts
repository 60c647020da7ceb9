import { z } from 'zod';
import { baseConfigSchema, intVar } from '@chorus/platform';

export const apiConfigSchema = baseConfigSchema
  .extend({
    PORT: intVar(8080, 0),
    HOST: z.string().default('127.0.0.1'),
    ENQUEUE_TIMEOUT_MS: intVar(2000, 1),
    KEY_CACHE_MS: intVar(30_000, 0),
    /** Time allowed to receive a request's headers. */
    HTTP_HEADERS_TIMEOUT_MS: intVar(10_000, 1),
    /** Time allowed to receive a whole request, headers and body. */
    HTTP_REQUEST_TIMEOUT_MS: intVar(60_000, 1),
    /** A body that sends nothing for this long is answered 408. */
    HTTP_BODY_IDLE_TIMEOUT_MS: intVar(5_000, 1),
    /** How long an idle keep-alive connection stays open between requests. */
    HTTP_KEEP_ALIVE_TIMEOUT_MS: intVar(5_000, 1),
    /** A route that has not started its answer within this is answered 503 (0: no deadline). */
    HTTP_RESPONSE_TIMEOUT_MS: intVar(30_000, 0),
    /** Requests a minute per API key, for tenants that set no rate_limit_per_minute. */
    RATE_LIMIT_PER_MINUTE: intVar(1_200, 1),
    /** The most a tenant may set. */
    RATE_LIMIT_MAX_PER_MINUTE: intVar(12_000, 1),
    /** Attempts per webhook delivery, with exponential backoff from WEBHOOK_BACKOFF_MS. */
    WEBHOOK_ATTEMPTS: intVar(15, 1),
    WEBHOOK_BACKOFF_MS: intVar(1_000, 1),
    /** How long a receiver has to answer one attempt. */
    WEBHOOK_TIMEOUT_MS: intVar(10_000, 1),
    /** How often pending deliveries whose job is gone (queued while Redis was down) are looked for, and how old they must be. */
    WEBHOOK_SWEEP_INTERVAL_MS: intVar(30_000, 100),
    WEBHOOK_SWEEP_GRACE_MS: intVar(60_000, 0),
  })
  .refine((c) => c.HTTP_HEADERS_TIMEOUT_MS <= c.HTTP_REQUEST_TIMEOUT_MS, {
    message: 'must not exceed HTTP_REQUEST_TIMEOUT_MS',
    path: ['HTTP_HEADERS_TIMEOUT_MS'],
  })
  .refine((c) => c.RATE_LIMIT_PER_MINUTE <= c.RATE_LIMIT_MAX_PER_MINUTE, {
    message: 'must not exceed RATE_LIMIT_MAX_PER_MINUTE',
    path: ['RATE_LIMIT_PER_MINUTE'],
  });
export type ApiConfig = z.infer<typeof apiConfigSchema>;
