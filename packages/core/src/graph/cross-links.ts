/**
 * The links between the groups of the clustering, in flat typed arrays: one cell per linked pair of
 * groups (its two ends and the summed cross similarity), and per group the list of its cells. A
 * component of 100k comments has millions of such pairs: as a Map of neighbours per group they
 * cost seconds of hashing, rehashing and garbage collection.
 *
 * Merging folds one group's cells into another's. A cell whose far end the kept group already
 * links to is added to that cell and dies; any other cell is moved to the kept group, and stays in
 * the far group's list, where it now names the kept group as its end. Dead cells are dropped from
 * a list the next time the list is read.
 */
export class CrossLinks {
  /** Per cell, its two groups (slots). */
  private readonly ends: Int32Array;
  /** Per cell, its summed cross similarity. */
  readonly sums: Float64Array;
  private readonly dead: Uint8Array;
  /** Per group, its live cells. */
  private readonly liveCount: Int32Array;
  // Per group, its list of cells (some of them dead) in `pool`: start, length and room.
  private pool: Int32Array;
  private poolEnd = 0;
  private readonly listStart: Int32Array;
  private readonly listLength: Int32Array;
  private readonly listRoom: Int32Array;
  // Per group, the cell linking it to the group being merged into, marked by merge (fold).
  private readonly cellTo: Int32Array;
  private readonly markedAt: Int32Array;
  private merges = 0;

  /** Cell i links groups `xs[i]` and `ys[i]` (each pair once) with the summed cross similarity `sums[i]`. */
  constructor(groups: number, xs: Int32Array, ys: Int32Array, sums: Float64Array) {
    const cells = sums.length;
    this.ends = new Int32Array(2 * cells);
    this.sums = sums;
    this.dead = new Uint8Array(cells);
    this.liveCount = new Int32Array(groups);
    for (let cell = 0; cell < cells; cell++) {
      this.ends[2 * cell] = xs[cell];
      this.ends[2 * cell + 1] = ys[cell];
      this.liveCount[xs[cell]]++;
      this.liveCount[ys[cell]]++;
    }
    // Each list starts with room for the cells it has: merges append to the kept group's list only.
    this.pool = new Int32Array(Math.max(16, 4 * cells));
    this.listStart = new Int32Array(groups);
    this.listLength = new Int32Array(groups);
    this.listRoom = Int32Array.from(this.liveCount);
    for (let g = 0; g < groups; g++) {
      this.listStart[g] = this.poolEnd;
      this.poolEnd += this.listRoom[g];
    }
    for (let cell = 0; cell < cells; cell++) {
      this.append(xs[cell], cell);
      this.append(ys[cell], cell);
    }
    this.cellTo = new Int32Array(groups);
    this.markedAt = new Int32Array(groups);
  }

  /** Number of groups linked to `g`. */
  size(g: number): number {
    return this.liveCount[g];
  }

  /** Calls `visit` with each group linked to `g` and the cell of that link. */
  forEachLink(g: number, visit: (other: number, cell: number) => void): void {
    const pool = this.pool;
    const start = this.listStart[g];
    const end = start + this.listLength[g];
    let kept = start;
    for (let k = start; k < end; k++) {
      const cell = pool[k];
      if (this.dead[cell]) continue;
      pool[kept++] = cell;
      visit(this.otherEnd(cell, g), cell);
    }
    this.listLength[g] = kept - start;
  }

  /** The cell linking the group being merged into to `other`, or -1: marked at the start of merge(). */
  private markedCell(other: number): number {
    return this.markedAt[other] === this.merges ? this.cellTo[other] : -1;
  }

  /** Folds `loser`'s links into `winner`'s: cross sums to a common neighbour add up; the link between the two goes. */
  merge(winner: number, loser: number): void {
    this.merges++;
    this.forEachLink(winner, (other, cell) => {
      if (other === loser) this.kill(cell, winner, loser);
      else {
        this.cellTo[other] = cell;
        this.markedAt[other] = this.merges;
      }
    });
    const start = this.listStart[loser];
    const end = start + this.listLength[loser];
    for (let k = start; k < end; k++) {
      const cell = this.pool[k];
      if (this.dead[cell]) continue;
      const other = this.otherEnd(cell, loser);
      const mine = this.markedCell(other);
      if (mine >= 0) {
        this.sums[mine] += this.sums[cell];
        this.kill(cell, loser, other);
      } else {
        this.ends[this.ends[2 * cell] === loser ? 2 * cell : 2 * cell + 1] = winner;
        this.append(winner, cell);
        this.liveCount[winner]++;
      }
    }
    this.listLength[loser] = 0;
    this.liveCount[loser] = 0;
  }

  private otherEnd(cell: number, g: number): number {
    const x = this.ends[2 * cell];
    return x === g ? this.ends[2 * cell + 1] : x;
  }

  private kill(cell: number, x: number, y: number): void {
    this.dead[cell] = 1;
    this.liveCount[x]--;
    this.liveCount[y]--;
  }

  /** Adds `cell` to `g`'s list, moving the list to the end of the pool (with twice the room) when it is full. */
  private append(g: number, cell: number): void {
    if (this.listLength[g] === this.listRoom[g]) {
      const room = Math.max(4, 2 * this.listRoom[g]);
      if (this.poolEnd + room > this.pool.length) this.growPool(room);
      this.pool.copyWithin(this.poolEnd, this.listStart[g], this.listStart[g] + this.listLength[g]);
      this.listStart[g] = this.poolEnd;
      this.listRoom[g] = room;
      this.poolEnd += room;
    }
    this.pool[this.listStart[g] + this.listLength[g]++] = cell;
  }

  private growPool(room: number): void {
    const grown = new Int32Array(Math.max(2 * this.pool.length, this.poolEnd + room));
    grown.set(this.pool.subarray(0, this.poolEnd));
    this.pool = grown;
  }
}
