import { Router } from 'express';
import { sql } from 'kysely';
import { TimeoutError, withTimeout } from '@chorus/platform';
import type { AppDeps } from '../deps.js';

async function check(probe: () => Promise<unknown>, timeoutMs: number): Promise<'ok' | 'timeout' | 'unreachable'> {
  try {
    await withTimeout(probe(), timeoutMs);
    return 'ok';
  } catch (err) {
    return err instanceof TimeoutError ? 'timeout' : 'unreachable';
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
