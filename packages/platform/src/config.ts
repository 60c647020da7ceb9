import { z } from 'zod';
import { AppError } from './errors.js';

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

export type BackingService = 'postgres' | 'redis';

const SERVICES: Readonly<Record<BackingService, { name: string; port: string; start: (port: string) => string }>> = {
  postgres: { name: 'PostgreSQL', port: '5432', start: () => 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start' },
  redis: { name: 'Redis', port: '6379', start: (port) => `redis-server --daemonize yes --port ${port}` },
};

/** One line for a person: which service is unreachable at which address (never the password), and how to start it. */
export function unreachableMessage(service: BackingService, url: string): string {
  const s = SERVICES[service];
  // The URLs were validated at start-up.
  const parsed = new URL(url);
  const port = parsed.port || s.port;
  return `${s.name} is unreachable at ${parsed.hostname}:${port}: start it with \`${s.start(port)}\` (or \`docker compose up -d\` with compose.yaml), or set ${service === 'postgres' ? 'DATABASE_URL' : 'REDIS_URL'}`;
}

/** Prints unreachableMessage and exits with status 3: a missing service at start-up is no bug, so no stack trace. */
export function exitUnreachable(service: BackingService, url: string): never {
  process.stderr.write(`${unreachableMessage(service, url)}\n`);
  process.exit(3);
}

/**
 * A start-up catch handler: a 503 AppError (the service did not answer) ends the process with
 * unreachableMessage; anything else is rethrown.
 */
export function exitOnUnreachable(service: BackingService, url: string): (err: unknown) => never {
  return (err) => {
    if (err instanceof AppError && err.status === 503) exitUnreachable(service, url);
    throw err;
  };
}
