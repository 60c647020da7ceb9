/** LSH buckets in one process's memory with the service's contract: add-then-query, capped per bucket, most recent first. */
export class MemoryBucketIndex {
  // Buckets hold small integers standing for ids, per scope and then per bucket key: a lookup
  // builds no key strings, and ids found in several buckets are told apart by a stamp per id
  // instead of a fresh set (a lookup may read up to 40 tables x 32 entries).
  private readonly scopes = new Map<string, Map<string, number[]>>();
  /** Buckets keyed by band hashes (addAndQueryHashes): per scope, per band, by 30 bits of the first
   * hash; each bucket holds both hashes first, then the numbers. A clash goes to `clashes`. */
  private readonly hashed = new Map<string, { bands: Map<number, number[]>[]; clashes: Map<string, number[]> }>();
  private readonly numbers = new Map<string, number>();
  private readonly ids: string[] = [];
  private foundIn = new Float64Array(1024);
  private lookups = 0;

  constructor(private readonly cap = 32) {}

  /** The small integer standing for `id` in this index (given on first sight). */
  numberOf(id: string): number {
    let n = this.numbers.get(id);
    if (n === undefined) {
      n = this.ids.length;
      this.ids.push(id);
      this.numbers.set(id, n);
      if (n >= this.foundIn.length) {
        const grown = new Float64Array(this.foundIn.length * 2);
        grown.set(this.foundIn);
        this.foundIn = grown;
      }
    }
    return n;
  }

  private bucketsOf(scope: string): Map<string, number[]> {
    let buckets = this.scopes.get(scope);
    if (buckets === undefined) {
      buckets = new Map();
      this.scopes.set(scope, buckets);
    }
    return buckets;
  }

  /** Adds `id` under each key and returns the other ids already there (each once, in the order first met). */
  addAndQuery(scope: string, id: string, keys: readonly string[]): string[] {
    return this.addAndQueryNumbers(scope, this.numberOf(id), keys).map((n) => this.ids[n]);
  }

  /** addAndQuery by number (numberOf): no id strings are looked up or returned. The numbers in `also` not found already (nor `self`) follow, in order. */
  addAndQueryNumbers(scope: string, self: number, keys: readonly string[], also: readonly number[] = []): number[] {
    const buckets = this.bucketsOf(scope);
    const stamp = ++this.lookups;
    const found: number[] = [];
    for (const key of keys) {
      const bucket = buckets.get(key);
      // Most keys are never met again: a bucket starts with room for one id only.
      if (bucket === undefined) {
        buckets.set(key, [self]);
        continue;
      }
      this.gather(bucket, 0, self, stamp, found);
      moveToFront(bucket, self, this.cap);
    }
    this.gather(also, 0, self, stamp, found);
    return found;
  }

  /** Appends the numbers of `from` (from position `start`) not yet found in this lookup, nor `self`. */
  private gather(from: readonly number[], start: number, self: number, stamp: number, found: number[]): void {
    for (let k = start; k < from.length; k++) {
      const other = from[k];
      if (other === self || this.foundIn[other] === stamp) continue;
      this.foundIn[other] = stamp;
      found.push(other);
    }
  }

  /**
   * addAndQueryNumbers keyed by band hashes (lsh.ts bandHashes) instead of key strings: the same
   * buckets, so the same numbers in the same order. A scope's buckets are filled through one of
   * the two methods only.
   */
  addAndQueryHashes(scope: string, self: number, hashes: Uint32Array, also: readonly number[] = []): number[] {
    let index = this.hashed.get(scope);
    if (index === undefined) {
      index = { bands: [], clashes: new Map() };
      this.hashed.set(scope, index);
    }
    const stamp = ++this.lookups;
    const found: number[] = [];
    for (let b = 0; 2 * b < hashes.length; b++) {
      const [h, g] = [hashes[2 * b], hashes[2 * b + 1]];
      index.bands[b] ??= new Map();
      const band = index.bands[b];
      // Keyed by 30 bits of the first hash (a small integer, the fastest map key); the bucket's
      // first two slots hold both whole hashes.
      const slot = h & 0x3fffffff;
      let bucket = band.get(slot);
      if (bucket === undefined) {
        band.set(slot, [h, g, self]);
        continue;
      }
      if (bucket[0] !== h || bucket[1] !== g) {
        const key = `${b}:${h}:${g}`;
        const clash = index.clashes.get(key);
        if (clash === undefined) {
          index.clashes.set(key, [h, g, self]);
          continue;
        }
        bucket = clash;
      }
      this.gather(bucket, 2, self, stamp, found);
      moveToFront(bucket, self, this.cap, 2);
    }
    this.gather(also, 0, self, stamp, found);
    return found;
  }

  /** The id a number stands for. */
  idOf(n: number): string {
    return this.ids[n];
  }
}

/**
 * Puts `n` first in a bucket of at most `cap` entries (after the first `start` slots, which are
 * not entries), dropping the oldest when full; in place, as the buckets are rewritten on every lookup.
 */
function moveToFront(bucket: number[], n: number, cap: number, start = 0): void {
  let from = bucket.indexOf(n, start);
  if (from < 0) {
    from = Math.min(bucket.length, start + cap - 1);
    if (from === bucket.length) bucket.push(n);
  }
  for (let k = from; k > start; k--) bucket[k] = bucket[k - 1];
  bucket[start] = n;
}
