import { pino, type Logger } from 'pino';

export type { Logger };

/** The root logger of a process. API keys, auth headers and comment text are never written. */
export function createLogger(name: string, level: string): Logger {
  return pino({
    name,
    level,
    redact: {
      paths: ['req.headers.authorization', 'authorization', 'apiKey', 'key', 'text', '*.text', 'comment.text'],
      censor: '[redacted]',
    },
    base: { service: name },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}
