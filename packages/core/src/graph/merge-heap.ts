/**
 * Candidate merges of the clustering, best first: highest link, ties to the smallest tie number.
 * A binary heap over flat typed arrays (a merge is two group numbers and the versions they had when
 * offered): millions of small heap objects are mostly cache misses and garbage.
 */
export class MergeHeap {
  private links: Float64Array;
  private ties: Float64Array;
  private pairs: Int32Array;
  private count = 0;

  /** `capacity`: the merges expected at once. Each growth copies the heap into new buffers, and
   * buffers of hundreds of megabytes in all bring full garbage collections. */
  constructor(capacity = 1024) {
    this.links = new Float64Array(capacity);
    this.ties = new Float64Array(capacity);
    this.pairs = new Int32Array(4 * capacity);
  }

  get size(): number {
    return this.count;
  }

  /** Adds the merge of groups a and b (by number), offered at versions va and vb. */
  push(link: number, tie: number, a: number, va: number, b: number, vb: number): void {
    if (this.count === this.links.length) this.grow();
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!(link > this.links[parent] || (link === this.links[parent] && tie < this.ties[parent]))) break;
      this.move(parent, i);
      i = parent;
    }
    this.put(i, link, tie, a, va, b, vb);
  }

  /** Removes the best merge and writes its groups and versions into `into` ([a, va, b, vb]). */
  pop(into: Int32Array): void {
    const p = this.pairs;
    into[0] = p[0];
    into[1] = p[1];
    into[2] = p[2];
    into[3] = p[3];
    const last = --this.count;
    if (last === 0) return;
    const link = this.links[last];
    const tie = this.ties[last];
    const at = 4 * last;
    const a = p[at];
    const va = p[at + 1];
    const b = p[at + 2];
    const vb = p[at + 3];
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= last) break;
      const r = l + 1;
      let best = l;
      if (r < last && (this.links[r] > this.links[l] || (this.links[r] === this.links[l] && this.ties[r] < this.ties[l]))) best = r;
      if (!(this.links[best] > link || (this.links[best] === link && this.ties[best] < tie))) break;
      this.move(best, i);
      i = best;
    }
    this.put(i, link, tie, a, va, b, vb);
  }

  private move(from: number, to: number): void {
    this.links[to] = this.links[from];
    this.ties[to] = this.ties[from];
    const p = this.pairs;
    const t = 4 * to;
    const f = 4 * from;
    p[t] = p[f];
    p[t + 1] = p[f + 1];
    p[t + 2] = p[f + 2];
    p[t + 3] = p[f + 3];
  }

  private put(i: number, link: number, tie: number, a: number, va: number, b: number, vb: number): void {
    this.links[i] = link;
    this.ties[i] = tie;
    const at = 4 * i;
    this.pairs[at] = a;
    this.pairs[at + 1] = va;
    this.pairs[at + 2] = b;
    this.pairs[at + 3] = vb;
  }

  private grow(): void {
    const links = new Float64Array(this.links.length * 2);
    links.set(this.links);
    const ties = new Float64Array(this.ties.length * 2);
    ties.set(this.ties);
    const pairs = new Int32Array(this.pairs.length * 2);
    pairs.set(this.pairs);
    this.links = links;
    this.ties = ties;
    this.pairs = pairs;
  }
}
