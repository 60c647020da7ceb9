// Paraphrase swarm: one talking point worded differently by each member, LLM-style.
import { PARAPHRASE_CLOSERS, PARAPHRASE_OPENERS } from '../banks/campaign.js';
import { attachLead } from '../opinion.js';
import { curlyQuotes, splitSentences } from '../sentences.js';
import { expand } from '../template.js';
import type { Topic } from '../topic.js';
import type { Draft } from '../world.js';
import { burstStart, leastUsedPoint, post, share, targetThreads } from './context.js';
import type { CampaignContext } from './context.js';

export function runParaphrase(ctx: CampaignContext, topic: Topic): void {
  const { world, spec } = ctx;
  const r = world.rng;
  const point = leastUsedPoint(world, topic);
  const threads = targetThreads(world, topic, spec.threads ?? 1);
  const curly = r.chance(0.6);
  const order = r.shuffle(point.paraphrases.map((_, i) => i));
  let m = 0;
  threads.forEach((thread, i) => {
    const start = burstStart(r, thread);
    let time = start;
    const members: Draft[] = [];
    for (let k = 0; k < share(spec.members, threads.length, i); k++, m++) {
      time += r.int(40, 420) * 1000;
      const sentences = splitSentences(expand(point.paraphrases[order[m % order.length]], thread.entities, r));
      if (sentences.length >= 3 && r.chance(0.15)) sentences.pop();
      const opener = r.chance(0.35) ? expand(r.pick(PARAPHRASE_OPENERS), thread.entities, r) : null;
      // "Great reporting, but I understand..., but" reads wrong even for a bot.
      if (opener && !(opener.endsWith('but') && sentences[0].includes(' but '))) attachLead(opener, sentences, thread);
      if (r.chance(0.22)) sentences.push(r.pick(PARAPHRASE_CLOSERS));
      const text = sentences.join(' ');
      members.push(post(ctx, thread, time, curly ? curlyQuotes(text) : text, point.stance, 0.12));
    }
    world.paraphraseRuns.push({ thread, point, start, members, paired: false });
  });
}
