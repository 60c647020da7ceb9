import { z } from 'zod';
import { baseConfigSchema, intVar } from '@chorus/platform';

export const detectorConfigSchema = baseConfigSchema.extend({
  DETECT_CONCURRENCY: intVar(4, 1),
  LEXICAL_THRESHOLD: z.coerce.number().min(0).max(1).default(0.8),
  LSH_BUCKET_CAP: intVar(32, 1),
  LSH_RETENTION_DAYS: intVar(30, 1),
  COMPONENT_LIMIT: intVar(2000, 10),
  SWEEP_INTERVAL_MS: intVar(30_000, 100),
  SWEEP_GRACE_MS: intVar(60_000, 0),
  SHUTDOWN_TIMEOUT_MS: intVar(30_000, 0),
});
export type DetectorConfig = z.infer<typeof detectorConfigSchema>;
