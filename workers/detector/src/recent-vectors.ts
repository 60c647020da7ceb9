/**
 * The comparable vectors of the comments this process embedded or fetched most recently, in one
 * preallocated block: a comment's semantic candidates are mostly recent comments of its tenant, and
 * reading their vectors from here instead of Redis saves the bulk of a worker's network traffic
 * (some forty buckets of up to 32 ids per comment, 400 bytes per vector). The oldest entry makes
 * room for the newest; memory is capacity × dimensions × 4 bytes plus the id map.
 */
export class RecentVectors {
  private block: Float32Array | undefined;
  private dimensions = 0;
  private readonly slotOf = new Map<string, number>();
  private readonly idAt: (string | undefined)[];
  private next = 0;

  constructor(readonly capacity: number) {
    this.idAt = new Array(capacity);
  }

  get size(): number {
    return this.slotOf.size;
  }

  has(key: string): boolean {
    return this.slotOf.has(key);
  }

  /** The vector kept for `key` (a view into the block: read it before the next `set`), if any. */
  get(key: string): Float32Array | undefined {
    const slot = this.slotOf.get(key);
    if (slot === undefined || this.block === undefined) return undefined;
    return this.block.subarray(slot * this.dimensions, (slot + 1) * this.dimensions);
  }

  set(key: string, vector: Float32Array): void {
    if (this.capacity === 0) return;
    if (this.block === undefined) {
      this.dimensions = vector.length;
      this.block = new Float32Array(this.capacity * this.dimensions);
    }
    // A vector of another length (another model) is not kept: the block holds one size.
    if (vector.length !== this.dimensions) return;
    let slot = this.slotOf.get(key);
    if (slot === undefined) {
      slot = this.next;
      this.next = (this.next + 1) % this.capacity;
      const evicted = this.idAt[slot];
      if (evicted !== undefined) this.slotOf.delete(evicted);
      this.idAt[slot] = key;
      this.slotOf.set(key, slot);
    }
    this.block.set(vector, slot * this.dimensions);
  }
}
