// Per-key rate limits, counted in Redis so that every API process shares one count per key. The
// limit is the tenant's setting (rate_limit_per_minute) or the operator's default, never above the
// operator's ceiling. While Redis is unreachable each process counts on its own, in memory.
import type { RequestHandler } from 'express';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { tenantSettingsOrDefaults } from '@chorus/contracts';
import { findTenant, type Db } from '@chorus/db';
import { AppError } from '@chorus/platform';

export interface RateLimitOptions {
  readonly redis: Redis;
  /** Redis key prefix (the process's QUEUE_PREFIX). */
  readonly prefix: string;
  /** Requests a minute per key for a tenant that set none. */
  readonly defaultPerMinute: number;
  /** No tenant setting goes above this. */
  readonly maxPerMinute: number;
  /** How long a tenant's setting is cached: a change applies within this. */
  readonly settingsCacheMs?: number;
}

const WINDOW_SECONDS = 60;

/** The tenant's limit, read at most once per `cacheMs`. */
function tenantLimits(db: Db, options: RateLimitOptions): (tenantId: string) => Promise<number> {
  const cache = new Map<string, { limit: number; until: number }>();
  return async (tenantId) => {
    const hit = cache.get(tenantId);
    if (hit && hit.until > Date.now()) return hit.limit;
    const tenant = await findTenant(db, tenantId);
    const chosen = tenantSettingsOrDefaults(tenant?.settings).rate_limit_per_minute ?? options.defaultPerMinute;
    const limit = Math.min(chosen, options.maxPerMinute);
    if (cache.size > 10_000) cache.clear();
    cache.set(tenantId, { limit, until: Date.now() + (options.settingsCacheMs ?? 1000) });
    return limit;
  };
}

/** Counts each authenticated request against its key; over the limit, a 429 with Retry-After. */
export function rateLimit(db: Db, options: RateLimitOptions): RequestHandler {
  // One counter per key sized to the ceiling; each tenant's own limit is compared below.
  const counter = new RateLimiterRedis({
    storeClient: options.redis,
    keyPrefix: `${options.prefix}:rate`,
    points: options.maxPerMinute,
    duration: WINDOW_SECONDS,
    insuranceLimiter: new RateLimiterMemory({ points: options.maxPerMinute, duration: WINDOW_SECONDS }),
  });
  const limitFor = tenantLimits(db, options);
  return (req, res, next) => {
    const tenantId = req.tenantId!;
    const key = `${tenantId}:${req.apiKey?.prefix ?? ''}`;
    Promise.all([limitFor(tenantId), counter.consume(key).catch((rejected: unknown) => {
      if (rejected instanceof RateLimiterRes) return rejected;
      throw rejected;
    })])
      .then(([limit, count]) => {
        const resetSeconds = Math.max(1, Math.ceil(count.msBeforeNext / 1000));
        res.setHeader('RateLimit-Limit', String(limit));
        res.setHeader('RateLimit-Remaining', String(Math.max(0, limit - count.consumedPoints)));
        res.setHeader('RateLimit-Reset', String(resetSeconds));
        if (count.consumedPoints <= limit) return next();
        res.setHeader('Retry-After', String(resetSeconds));
        next(new AppError('rate_limited', 429, `this key is limited to ${limit} requests a minute; retry after ${resetSeconds} s`, 'authorization'));
      })
      .catch(next);
  };
}
