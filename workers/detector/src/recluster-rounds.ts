// Reclustering in rounds. A campaign's comments arrive together, and each asks for its component
// to be reclustered once its edges are stored; served one by one, they would recluster the same
// growing component over and over. Requests that arrive while a round runs wait for the next one,
// which reclusters each of their components once for all of them. Rounds are this process's
// batching only: consistency between processes comes from each component's lock (component-repo).

/**
 * Reclusters the component around `id` (or, past the component limit, the neighbourhood loaded
 * around it) and returns its comments: the comments of `requested` among them are scored with it,
 * each having asked for reclustering after its own edges were stored (null: none are covered).
 * `covered`: the requested comments this round has already placed.
 */
export type ReclusterOne<D> = (scope: string, id: string, decide: D, requested: ReadonlySet<string>, covered: ReadonlySet<string>) => Promise<readonly string[] | null>;

interface Round<D> {
  /** The requested comments, each with the decision function of its first request. */
  readonly ids: Map<string, D>;
  /** Requested comments whose component is decided in full whatever the fast path would do. */
  readonly full: Set<string>;
  readonly done: Promise<void>;
}

/**
 * Settles at once the requested comments that need no component decided: those linked to nothing
 * (most comments: readers rarely repeat one another) and those that join a large cluster
 * (attach-plan.ts). Returns their ids, and the comments whose components must nevertheless be
 * decided in full this round (a cluster that has grown enough since its last full decision).
 */
export type SettleFast = (scope: string, ids: readonly string[]) => Promise<{ readonly settled: ReadonlySet<string>; readonly again: readonly string[] }>;

/**
 * Decides at once the components around many of a round's comments, where it can: returns the
 * comments of the components it decided (the comments of `requested` among them are scored with
 * them). The others are left to ReclusterOne, one component at a time.
 */
export type ReclusterMany<D> = (scope: string, ids: readonly string[], decide: D, requested: ReadonlySet<string>) => Promise<readonly string[]>;

/** Per scope: at most one round running, and the next one gathering requests. */
export class ReclusterRounds<D> {
  /** The latest round of each scope (running or waiting to), settled either way. */
  private readonly latest = new Map<string, Promise<void>>();
  private readonly next = new Map<string, Round<D>>();

  constructor(
    private readonly reclusterOne: ReclusterOne<D>,
    private readonly options: { readonly settle?: SettleFast; readonly many?: ReclusterMany<D>; readonly gatherMs?: number } = {},
  ) {}

  /**
   * Resolves once no round is running or waiting: those already asked for run to their end first.
   * A process that stops waits for this after its last request, so that no decision writes to the
   * tables once it has closed.
   */
  async idle(): Promise<void> {
    for (;;) {
      const pending = new Set(this.latest.values());
      await Promise.all(pending);
      if ([...this.latest.values()].every((p) => pending.has(p))) return;
    }
  }

  /** Resolves once a round that started after this call has reclustered the component around `id` (with `full`, by a full decision). */
  request(scope: string, id: string, decide: D, full = false): Promise<void> {
    let round = this.next.get(scope);
    if (round === undefined) {
      const ids = new Map<string, D>();
      const forced = new Set<string>();
      // The round starts when the one before it ends (now if none): requests gather meanwhile.
      // A large component is loaded once per round: waiting `gatherMs` lets a round serve more comments.
      const before = this.latest.get(scope) ?? Promise.resolve();
      const gatherMs = this.options.gatherMs ?? 0;
      const done = (gatherMs > 0 ? Promise.all([before, new Promise<void>((r) => setTimeout(r, gatherMs))]) : before).then(() => {
        this.next.delete(scope);
        return this.runRound(scope, ids, forced);
      });
      round = { ids, full: forced, done };
      this.next.set(scope, round);
      // A failed round fails its own callers only.
      this.latest.set(scope, done.catch(() => undefined));
    }
    if (!round.ids.has(id)) round.ids.set(id, decide);
    if (full) round.full.add(id);
    return round.done;
  }

  /**
   * Each requested comment's component once: those settled fast together first, then those that
   * can be decided together (`many`), then the others one at a time (a comment inside a component
   * already decided this round is skipped, unless its component must be decided in full), each
   * under its own lock.
   */
  private async runRound(scope: string, ids: ReadonlyMap<string, D>, full: ReadonlySet<string>): Promise<void> {
    const requested = new Set(ids.keys());
    const fast = this.options.settle ? await this.options.settle(scope, [...requested].filter((id) => !full.has(id))) : { settled: new Set<string>(), again: [] };
    const covered = new Set<string>(fast.settled);
    const mustRun = new Set([...fast.again, ...full]);
    const [anyDecide] = ids.values();
    if (this.options.many) {
      const left = [...new Set([...requested, ...mustRun])].filter((id) => !covered.has(id) || mustRun.has(id));
      if (left.length > 0) for (const n of await this.options.many(scope, left, anyDecide, requested)) covered.add(n), mustRun.delete(n);
    }
    for (const id of [...requested, ...mustRun]) {
      if (covered.has(id) && !mustRun.has(id)) continue;
      const nodes = await this.reclusterOne(scope, id, ids.get(id) ?? anyDecide, requested, covered);
      if (nodes) for (const n of nodes) covered.add(n), mustRun.delete(n);
    }
  }
}
