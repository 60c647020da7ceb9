// Reclustering in rounds. A campaign's comments arrive together, and each asks for its component
// to be reclustered once its edges are stored; served one by one, they would recluster the same
// growing component over and over. Requests that arrive while a round runs wait for the next one,
// which reclusters each of their components once for all of them. Rounds are this process's
// batching only: consistency between processes comes from each component's lock (component-repo).

/**
 * Reclusters the component around `id` (or, past the component limit, the neighbourhood loaded
 * around it) and returns its comments: the comments of `requested` among them are scored with it,
 * each having asked for reclustering after its own edges were stored (null: none are covered).
 */
export type ReclusterOne<D> = (scope: string, id: string, decide: D, requested: ReadonlySet<string>) => Promise<readonly string[] | null>;

interface Round<D> {
  /** The requested comments, each with the decision function of its first request. */
  readonly ids: Map<string, D>;
  readonly done: Promise<void>;
}

/**
 * Settles the requested comments that are linked to nothing (most comments are: readers rarely
 * repeat one another), all at once, and returns their ids: such a comment is in no cluster, and
 * needs no component loaded nor lock taken.
 */
export type SettleLone = (scope: string, ids: readonly string[]) => Promise<ReadonlySet<string>>;

/** Per scope: at most one round running, and the next one gathering requests. */
export class ReclusterRounds<D> {
  /** The latest round of each scope (running or waiting to), settled either way. */
  private readonly latest = new Map<string, Promise<void>>();
  private readonly next = new Map<string, Round<D>>();

  constructor(
    private readonly reclusterOne: ReclusterOne<D>,
    private readonly options: { readonly settleLone?: SettleLone; readonly parallel?: number } = {},
  ) {}

  /** Resolves once a round that started after this call has reclustered the component around `id`. */
  request(scope: string, id: string, decide: D): Promise<void> {
    let round = this.next.get(scope);
    if (round === undefined) {
      const ids = new Map<string, D>();
      // The round starts when the one before it ends (now if none): requests gather meanwhile.
      const done = (this.latest.get(scope) ?? Promise.resolve()).then(() => {
        this.next.delete(scope);
        return this.runRound(scope, ids);
      });
      round = { ids, done };
      this.next.set(scope, round);
      // A failed round fails its own callers only.
      this.latest.set(scope, done.catch(() => undefined));
    }
    if (!round.ids.has(id)) round.ids.set(id, decide);
    return round.done;
  }

  /**
   * Each requested comment's component once: lone comments together first, then the components,
   * `parallel` at a time (each under its own lock); a comment inside a component already
   * reclustered this round is skipped.
   */
  private async runRound(scope: string, ids: ReadonlyMap<string, D>): Promise<void> {
    const requested = new Set(ids.keys());
    const covered = new Set<string>(this.options.settleLone ? await this.options.settleLone(scope, [...requested]) : []);
    const queue = [...ids].filter(([id]) => !covered.has(id));
    const lane = async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
        const [id, decide] = item;
        if (covered.has(id)) continue;
        const nodes = await this.reclusterOne(scope, id, decide, requested);
        if (nodes) for (const n of nodes) covered.add(n);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, this.options.parallel ?? 1) }, lane));
  }
}
