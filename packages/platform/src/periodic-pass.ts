import { TimeoutError, withTimeout } from './timeout.js';

/** What a sweeper is told: how often it passes, how old what it picks up must be, how much a pass takes, and its lock's key. */
export interface SweepOptions {
  readonly intervalMs: number;
  /** What is younger than this is left to its own job. */
  readonly graceMs: number;
  readonly batch: number;
  readonly lockKey: string;
}

/**
 * Runs a pass now and every `intervalMs`, never two at once: while Redis or PostgreSQL is down a
 * pass can wait far longer than the interval, and passes do not pile up behind it. A failed pass
 * goes to `onError` and the next one tries again.
 */
export class PeriodicPass {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly pass: () => Promise<unknown>,
    private readonly onError: (err: unknown) => void,
  ) {}

  start(intervalMs: number): void {
    const tick = () => {
      if (this.running) return;
      this.running = this.pass()
        .then(() => undefined, this.onError)
        .finally(() => (this.running = undefined));
    };
    tick();
    this.timer = setInterval(tick, intervalMs);
    this.timer.unref();
  }

  /** Stops the timer and waits for a pass in hand, at most `waitMs`; false when it was abandoned still waiting. */
  async stop(waitMs: number): Promise<boolean> {
    if (this.timer) clearInterval(this.timer);
    try {
      if (this.running) await withTimeout(this.running, waitMs);
      return true;
    } catch (err) {
      if (!(err instanceof TimeoutError)) throw err;
      return false;
    }
  }
}
