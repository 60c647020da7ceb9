// Drip: one off-topic template posted slowly across many threads by a few reused accounts.
import { DRIP_SCRIPTS } from '../banks/campaign.js';
import { expand } from '../template.js';
import { addDraft, MINUTE, pickParent } from '../world.js';
import { targetThreads } from './context.js';
import type { CampaignContext } from './context.js';

export function runDrip(ctx: CampaignContext): void {
  const { world, spec } = ctx;
  const r = world.rng;
  const count = Math.min(world.threads.length, spec.threads ?? Math.max(3, Math.round(spec.members * 0.85)));
  const threads = targetThreads(world, null, count).sort((a, b) => a.publishedAt - b.publishedAt);
  const script = r.pick(DRIP_SCRIPTS);
  // A handful of accounts carry the drip, each showing up in several threads.
  const pool = Array.from({ length: Math.max(2, Math.ceil(spec.members / 5)) }, () => world.accounts.next());
  for (let m = 0; m < spec.members; m++) {
    const thread = threads[m % threads.length];
    const time = thread.publishedAt + r.int(30, 600) * MINUTE + r.int(0, 59) * 1000;
    const parent = r.chance(0.2) ? pickParent(world, thread, time) : null;
    addDraft(world, thread, { parent, author: r.pick(pool), time, text: expand(script, thread.entities, r), label: ctx.label, stance: null });
  }
}
