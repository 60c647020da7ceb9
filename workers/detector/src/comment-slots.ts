/**
 * At most `limit` comments of a stage in hand at once in this process, whatever the number of jobs
 * holding them: a batch job brings fifty, and a worker taking thirty-two jobs at once would
 * otherwise hold 1,600 comments' records, candidates and vectors. Waiters are served in order.
 */
export class CommentSlots {
  private used = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly limit: number) {}

  /**
   * Runs `task` once a slot is free. The task may give its slot back before it ends (`release`):
   * a comment waiting for its clustering round holds no candidates or vectors, and holding its
   * slot meanwhile would bound the worker by the rounds' latency, not by its memory.
   */
  async run<T>(task: (release: () => void) => Promise<T>): Promise<T> {
    if (this.used >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.used++;
    let held = true;
    const release = () => {
      if (!held) return;
      held = false;
      // The slot passes to the next waiter (the count stays), or is given back.
      const next = this.waiting.shift();
      if (next) next();
      else this.used--;
    };
    try {
      return await task(release);
    } finally {
      release();
    }
  }

  /** Slots taken now (for tests and metrics). */
  get inUse(): number {
    return this.used;
  }
}
