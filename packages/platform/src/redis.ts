import { Redis } from 'ioredis';

/** A Redis connection suitable for BullMQ workers (which block) as well as plain commands. */
export function createRedis(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: false });
}
