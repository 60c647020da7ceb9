import { z } from 'zod';
import { baseConfigSchema, intVar } from '@chorus/platform';

export const apiConfigSchema = baseConfigSchema.extend({
  PORT: intVar(8080, 0),
  HOST: z.string().default('127.0.0.1'),
  ENQUEUE_TIMEOUT_MS: intVar(2000, 1),
  KEY_CACHE_MS: intVar(30_000, 0),
});
export type ApiConfig = z.infer<typeof apiConfigSchema>;
