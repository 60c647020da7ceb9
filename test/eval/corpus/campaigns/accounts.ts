import type { Handles } from '../handles.js';
import type { Random } from '../prng.js';

// Swarm accounts: mostly fresh ids, but a core of sock puppets is reused across campaigns and
// threads (so account co-occurrence exists), and some members post with no author at all.
export class CampaignAccounts {
  private readonly core: string[] = [];

  constructor(
    private readonly rng: Random,
    private readonly handles: Handles,
  ) {}

  next(): string | null {
    const x = this.rng.next();
    if (x < 0.08) return null;
    if (x < 0.2 && this.core.length >= 6) return this.rng.pick(this.core);
    const id = this.handles.fresh();
    if (this.core.length < 40 && this.rng.chance(0.5)) this.core.push(id);
    return id;
  }
}
