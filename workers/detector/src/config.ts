import { z } from 'zod';
import { baseConfigSchema, boolVar, intVar } from '@chorus/platform';

export const detectorConfigSchema = baseConfigSchema.extend({
  DETECT_CONCURRENCY: intVar(32, 1),
  LEXICAL_THRESHOLD: z.coerce.number().min(0).max(1).default(0.8),
  LSH_BUCKET_CAP: intVar(32, 1),
  LSH_RETENTION_DAYS: intVar(30, 1),
  COMPONENT_LIMIT: intVar(2000, 10),
  SWEEP_INTERVAL_MS: intVar(30_000, 100),
  SWEEP_GRACE_MS: intVar(60_000, 0),
  STATISTICS_INTERVAL_MS: intVar(10_000, 0),
  SHUTDOWN_TIMEOUT_MS: intVar(30_000, 0),
  WORKER_QUEUES: z
    .string()
    .default('detect,embed')
    .transform((s) => s.split(',').map((q) => q.trim()))
    .pipe(z.array(z.enum(['detect', 'embed'])).min(1)),
  SEMANTIC_ENABLED: boolVar(true),
  EMBEDDING_MODEL: z.string().min(1).default('chorus/glove-sif-100d'),
  EMBEDDING_MODEL_DIR: z.string().min(1).optional(),
  EMBEDDING_ALLOW_REMOTE: boolVar(false),
  SEMANTIC_REMOVE_COMMON_COMPONENT: boolVar(true),
  EMBED_BATCH_SIZE: intVar(32, 1),
  EMBED_BATCH_WAIT_MS: intVar(10, 0),
  EMBED_CONCURRENCY: intVar(64, 1),
  SEMANTIC_WINDOW_DAYS: intVar(30, 1),
  /** Attempts per webhook delivery this worker queues, with exponential backoff from WEBHOOK_BACKOFF_MS (as the API's). */
  WEBHOOK_ATTEMPTS: intVar(15, 1),
  WEBHOOK_BACKOFF_MS: intVar(1_000, 1),
});
export type DetectorConfig = z.infer<typeof detectorConfigSchema>;
