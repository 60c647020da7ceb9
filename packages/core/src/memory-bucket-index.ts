/** LSH buckets in one process's memory with the service's contract: add-then-query, capped per bucket, most recent first. */
export class MemoryBucketIndex {
  private readonly buckets = new Map<string, string[]>();

  constructor(private readonly cap = 32) {}

  /** Adds `id` under each key and returns the other ids already there. */
  addAndQuery(scope: string, id: string, keys: readonly string[]): string[] {
    const found = new Set<string>();
    for (const band of keys) {
      const key = `${scope}\u0000${band}`;
      const bucket = this.buckets.get(key) ?? [];
      for (const other of bucket) if (other !== id) found.add(other);
      const at = bucket.indexOf(id);
      if (at >= 0) bucket.splice(at, 1);
      bucket.unshift(id);
      if (bucket.length > this.cap) bucket.length = this.cap;
      this.buckets.set(key, bucket);
    }
    return [...found];
  }
}
