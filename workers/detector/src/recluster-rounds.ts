// Reclustering in rounds. Every scored comment reclusters its component under the tenant's
// clustering lock, so a tenant's comments are clustered one at a time, and a campaign's comments
// arriving together each recluster the same growing component. Requests that arrive while a round
// runs wait for the next one, which reclusters each component once for all of them.

/**
 * Reclusters the component around `id`; returns its comments when it was loaded whole (not cut at
 * the component limit). The comments of `requested` inside a whole component are scored with it:
 * each asked for reclustering after its own edges were stored.
 */
export type ReclusterOne<D> = (scope: string, id: string, decide: D, requested: ReadonlySet<string>) => Promise<readonly string[] | null>;

interface Round<D> {
  /** The requested comments, each with the decision function of its first request. */
  readonly ids: Map<string, D>;
  readonly done: Promise<void>;
  start(): void;
}

/** Per scope: at most one round running, and the next one gathering requests. */
export class ReclusterRounds<D> {
  private readonly running = new Map<string, Promise<void>>();
  private readonly next = new Map<string, Round<D>>();

  constructor(private readonly reclusterOne: ReclusterOne<D>) {}

  /** Resolves once a round that started after this call has reclustered the component around `id`. */
  request(scope: string, id: string, decide: D): Promise<void> {
    let round = this.next.get(scope);
    if (round === undefined) {
      round = this.newRound(scope);
      this.next.set(scope, round);
      // The round starts when the one running ends (now if none): requests gather meanwhile.
      const previous = this.running.get(scope) ?? Promise.resolve();
      void previous.then(round.start, round.start);
    }
    if (!round.ids.has(id)) round.ids.set(id, decide);
    return round.done;
  }

  private newRound(scope: string): Round<D> {
    const ids = new Map<string, D>();
    let start!: () => void;
    const done = new Promise<void>((resolve, reject) => {
      start = () => {
        if (this.next.get(scope) === round) this.next.delete(scope);
        const run = this.runRound(scope, ids);
        this.running.set(scope, run.catch(() => undefined));
        run.then(resolve, reject);
      };
    });
    // Nobody may be waiting on a failed round's promise: its callers get the rejection.
    done.catch(() => undefined);
    const round: Round<D> = { ids, done, start: () => start() };
    return round;
  }

  /** Each requested comment's component once: a comment inside a component already reclustered whole this round is skipped. */
  private async runRound(scope: string, ids: ReadonlyMap<string, D>): Promise<void> {
    const covered = new Set<string>();
    const requested = new Set(ids.keys());
    for (const [id, decide] of ids) {
      if (covered.has(id)) continue;
      const nodes = await this.reclusterOne(scope, id, decide, requested);
      if (nodes) for (const n of nodes) covered.add(n);
    }
  }
}
