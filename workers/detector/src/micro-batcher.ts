interface Pending<I, O> {
  readonly item: I;
  resolve(value: O): void;
  reject(err: unknown): void;
}

/**
 * Collects single requests into batches of up to `maxItems`, or whatever arrived within `maxWaitMs`
 * of the first, and runs them with one call: concurrent jobs share one model call.
 */
export class MicroBatcher<I, O> {
  private queue: Pending<I, O>[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly run: (items: I[]) => Promise<O[]>,
    private readonly options: { maxItems: number; maxWaitMs: number },
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (this.queue.length >= this.options.maxItems) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.options.maxWaitMs);
    });
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.queue.splice(0, this.options.maxItems);
    if (batch.length === 0) return;
    this.run(batch.map((p) => p.item))
      .then((out) => batch.forEach((p, i) => p.resolve(out[i])))
      .catch((err: unknown) => batch.forEach((p) => p.reject(err)));
    if (this.queue.length > 0) this.timer = setTimeout(() => this.flush(), this.options.maxWaitMs);
  }
}
