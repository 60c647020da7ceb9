import { Router } from 'express';
import { sql } from 'kysely';
import type { AppDeps } from '../deps.js';

async function check(probe: () => Promise<unknown>, timeoutMs: number): Promise<'ok' | string> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
      }),
    ]);
    return 'ok';
  } catch (err) {
    return err instanceof Error && err.message === 'timeout' ? 'timeout' : 'unreachable';
  } finally {
    clearTimeout(timer);
  }
}

/** GET /healthz: 200 when PostgreSQL and Redis answer, 503 naming the one that does not. */
export function healthRouter(deps: AppDeps): Router {
  const router = Router();
  router.get('/healthz', (_req, res, next) => {
    Promise.all([check(() => sql`select 1`.execute(deps.db), 2000), check(() => deps.redis.ping(), 2000)])
      .then(([postgres, redis]) => {
        const ok = postgres === 'ok' && redis === 'ok';
        res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'degraded', postgres, redis });
      })
      .catch(next);
  });
  return router;
}
