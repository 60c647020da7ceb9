// Mail-merge: one form letter filled with a different combination of options for each member.
import { expand } from '../template.js';
import type { Topic } from '../topic.js';
import { burstStart, post, share, targetThreads } from './context.js';
import type { CampaignContext } from './context.js';

export function runMailmerge(ctx: CampaignContext, topic: Topic): void {
  const { world, spec } = ctx;
  const r = world.rng;
  const threads = targetThreads(world, topic, spec.threads ?? (r.chance(0.25) ? 2 : 1));
  const script = r.pick(topic.mailmerge);
  const seen = new Set<string>();
  // Form-letter tools often submit at a fixed cadence.
  const cadence = r.chance(0.4) ? r.int(45, 120) : 0;
  threads.forEach((thread, i) => {
    let time = burstStart(r, thread);
    for (let m = 0; m < share(spec.members, threads.length, i); m++) {
      time += (cadence ? cadence + r.int(-3, 3) : r.int(20, 240)) * 1000;
      let text = expand(script.text, thread.entities, r);
      for (let n = 0; seen.has(text) && n < 8; n++) text = expand(script.text, thread.entities, r);
      seen.add(text);
      post(ctx, thread, time, text, script.stance, 0.1);
    }
  });
}
