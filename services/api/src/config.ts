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
  })
  .refine((c) => c.HTTP_HEADERS_TIMEOUT_MS <= c.HTTP_REQUEST_TIMEOUT_MS, {
    message: 'must not exceed HTTP_REQUEST_TIMEOUT_MS',
    path: ['HTTP_HEADERS_TIMEOUT_MS'],
  });
export type ApiConfig = z.infer<typeof apiConfigSchema>;
