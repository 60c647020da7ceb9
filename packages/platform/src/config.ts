import { z } from 'zod';

/** Settings every process shares. Parsed once per process, at start-up. */
export const baseConfigSchema = z.object({
  DATABASE_URL: z.string().url().default('postgres://postgres@127.0.0.1:5432/chorus'),
  DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]*$/).default('public'),
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
  QUEUE_PREFIX: z.string().min(1).default('chorus'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export class ConfigError extends Error {}

/** Parses an environment with a schema; the error lists every bad variable by name. */
export function parseConfig<S extends z.ZodTypeAny>(schema: S, env: Readonly<Record<string, string | undefined>>): z.infer<S> {
  const result = schema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}

/** Parses the process environment or exits with a readable message: the one place that reads process.env. */
export function loadConfig<S extends z.ZodTypeAny>(schema: S): z.infer<S> {
  try {
    return parseConfig(schema, process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
}

/** Zod helper for integer environment variables with a default. */
export const intVar = (fallback: number, min = 0) => z.coerce.number().int().min(min).default(fallback);
/** Zod helper for boolean environment variables ("true"/"1"/"yes"). */
export const boolVar = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1' || v === 'yes');
