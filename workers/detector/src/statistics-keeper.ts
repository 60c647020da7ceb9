import type { Redis } from 'ioredis';
import { refreshStatistics, type Db } from '@chorus/db';
import { PeriodicPass, withRedisLock, type Logger } from '@chorus/platform';

/** PostgreSQL's code for "must be owner of table": the worker's role may not analyze. */
const INSUFFICIENT_PRIVILEGE = '42501';

/**
 * Keeps the planner's statistics of the detection tables fresh (refreshStatistics) whether or not
 * autovacuum runs: a timer in each worker, and a short Redis lock so that one process checks at a
 * time. A role that may not analyze is told once, and the keeper stops.
 */
export class StatisticsKeeper {
  private readonly passes: PeriodicPass;
  private refused = false;

  constructor(
    private readonly db: Db,
    private readonly redis: Redis,
    private readonly logger: Logger,
    private readonly options: { readonly intervalMs: number; readonly lockKey: string },
  ) {
    this.passes = new PeriodicPass(
      () => this.pass(),
      (err) => {
        if ((err as { code?: string }).code === INSUFFICIENT_PRIVILEGE) {
          this.refused = true;
          this.logger.warn({ err, stage: 'statistics' }, "this role may not analyze the detection tables; leaving their statistics to autovacuum");
        } else this.logger.warn({ err, stage: 'statistics' }, 'analyzing the detection tables failed; will retry');
      },
    );
  }

  start(): void {
    if (this.options.intervalMs > 0) this.passes.start(this.options.intervalMs);
  }

  /** One check: the tables analyzed (none when another process holds the lock). */
  async pass(): Promise<string[]> {
    if (this.refused) return [];
    const analyzed = (await withRedisLock(this.redis, this.options.lockKey, Math.max(1000, this.options.intervalMs), () => refreshStatistics(this.db))) ?? [];
    if (analyzed.length > 0) this.logger.info({ stage: 'statistics', analyzed }, 'analyzed detection tables');
    return analyzed;
  }

  async stop(waitMs = 5000): Promise<void> {
    await this.passes.stop(waitMs);
  }
}
