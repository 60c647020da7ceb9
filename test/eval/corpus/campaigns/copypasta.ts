// Copypasta: one text posted by many accounts, each copy obfuscated a little.
import { obfuscate } from '../obfuscate.js';
import { expand } from '../template.js';
import type { Topic } from '../topic.js';
import { burstStart, post, share, targetThreads } from './context.js';
import type { CampaignContext } from './context.js';

export function runCopypasta(ctx: CampaignContext, topic: Topic): void {
  const { world, spec } = ctx;
  const r = world.rng;
  const threads = targetThreads(world, topic, spec.threads ?? (r.chance(0.2) ? 2 : 1));
  const script = r.pick(topic.copypasta);
  const text = expand(script.text, threads[0].entities, r);
  threads.forEach((thread, i) => {
    let time = burstStart(r, thread);
    for (let m = 0; m < share(spec.members, threads.length, i); m++) {
      time += r.int(8, 100) * 1000;
      post(ctx, thread, time, obfuscate(text, r), script.stance, 0.35);
    }
  });
}
