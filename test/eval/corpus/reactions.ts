// Organic replies to campaign comments: readers argue with them or call them out as bots.
import { BOT_CALLOUTS } from './banks/discussion.js';
import { opinionText, stanceFor } from './opinion.js';
import type { ReplyMood } from './opinion.js';
import { organicAuthor } from './organic-thread.js';
import { humanize, styleOf } from './style.js';
import { expand } from './template.js';
import type { Stance } from './topic.js';
import { addDraft, MINUTE } from './world.js';
import type { World } from './world.js';

// Real readers answer campaign comments too: they argue with them or call them out.
export function reactToCampaigns(world: World): void {
  const r = world.rng;
  for (const thread of world.threads) {
    const campaignDrafts = thread.drafts.filter((d) => d.label !== 'organic');
    for (const target of campaignDrafts) {
      if (!r.chance(0.08)) continue;
      const author = organicAuthor(world, [], target.author);
      let text: string;
      let stance: Stance | null = null;
      if (r.chance(0.35)) text = expand(r.pick(BOT_CALLOUTS), thread.entities, r);
      else {
        stance = stanceFor(world, thread, author, target.stance);
        const mood: ReplyMood = stance === target.stance ? 'agree' : 'disagree';
        text = opinionText(world, thread, stance, mood);
      }
      const time = target.time + r.int(2, 120) * MINUTE + r.int(0, 59) * 1000;
      addDraft(world, thread, { parent: target, author, time, text: humanize(text, styleOf(author, r), r), label: 'organic', stance });
    }
  }
}
