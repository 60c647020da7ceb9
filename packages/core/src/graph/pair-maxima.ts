/** 2^32: a row entry's sort key is its column times this plus its position in the row. */
const POSITIONS = 4294967296;

/**
 * The largest value given for each unordered pair of small integers, in flat arrays (rows by the
 * smaller number, columns ascending): a map keyed by pairs of a 100k-node graph needs keys beyond
 * V8's small integers, and millions of such keys cost seconds to hash and collect.
 */
export class PairMaxima {
  private constructor(
    private readonly rowStart: Int32Array,
    private readonly columns: Int32Array,
    private readonly values: Float64Array,
  ) {}

  /** The pairs (xs[i], ys[i]) for i < count, each with values[i]; pairs of a number with itself are left out. */
  static of(size: number, xs: Int32Array, ys: Int32Array, values: Float64Array, count: number): PairMaxima {
    const rowStart = new Int32Array(size + 1);
    for (let i = 0; i < count; i++) if (xs[i] !== ys[i]) rowStart[Math.min(xs[i], ys[i]) + 1]++;
    for (let r = 0; r < size; r++) rowStart[r + 1] += rowStart[r];
    const keys = new Float64Array(rowStart[size]);
    const given = new Float64Array(rowStart[size]);
    const fill = rowStart.slice(0, size);
    for (let i = 0; i < count; i++) {
      if (xs[i] === ys[i]) continue;
      const row = Math.min(xs[i], ys[i]);
      const at = fill[row]++;
      keys[at] = Math.max(xs[i], ys[i]) * POSITIONS + (at - rowStart[row]);
      given[at] = values[i];
    }
    // Each row sorted by column, then one entry per column with its largest value.
    const columns = new Int32Array(keys.length);
    const maxima = new Float64Array(keys.length);
    const start = new Int32Array(size + 1);
    let kept = 0;
    for (let r = 0; r < size; r++) {
      start[r] = kept;
      const from = rowStart[r];
      const to = rowStart[r + 1];
      if (to - from > 1) keys.subarray(from, to).sort();
      for (let k = from; k < to; k++) {
        const column = Math.floor(keys[k] / POSITIONS);
        const value = given[from + (keys[k] % POSITIONS)];
        if (kept > start[r] && columns[kept - 1] === column) {
          if (value > maxima[kept - 1]) maxima[kept - 1] = value;
        } else {
          columns[kept] = column;
          maxima[kept++] = value;
        }
      }
    }
    start[size] = kept;
    // Views, not copies: fresh buffers of this size bring full garbage collections.
    return new PairMaxima(start, columns.subarray(0, kept), maxima.subarray(0, kept));
  }

  /** Number of distinct pairs. */
  get size(): number {
    return this.columns.length;
  }

  /** The largest value given for the pair, or undefined. */
  get(x: number, y: number): number | undefined {
    const row = Math.min(x, y);
    const column = Math.max(x, y);
    let lo = this.rowStart[row];
    let hi = this.rowStart[row + 1] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = this.columns[mid];
      if (c === column) return this.values[mid];
      if (c < column) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  /** Calls `visit` once per pair, smaller number first, in ascending order. */
  forEach(visit: (x: number, y: number, value: number) => void): void {
    for (let r = 0; r + 1 < this.rowStart.length; r++) {
      for (let k = this.rowStart[r]; k < this.rowStart[r + 1]; k++) visit(r, this.columns[k], this.values[k]);
    }
  }
}
