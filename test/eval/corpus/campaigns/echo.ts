// Agree-and-echo ring: short replies that agree with and restate a talking point.
import { ECHO_OPENERS, PARAPHRASE_CLOSERS } from '../banks/campaign.js';
import { curlyQuotes } from '../sentences.js';
import type { TalkingPoint, Topic } from '../topic.js';
import { TOPICS } from '../topics.js';
import { addDraft, MINUTE } from '../world.js';
import type { Draft, Thread } from '../world.js';
import { burstStart, leastUsedPoint, targetThreads } from './context.js';
import type { CampaignContext } from './context.js';

export function runEcho(ctx: CampaignContext, topic: Topic | null): void {
  const { world, spec } = ctx;
  const r = world.rng;
  // Echo rings usually back a paraphrase swarm in the same thread (the seed thread's pattern).
  const runs = world.paraphraseRuns.filter((run) => !run.paired && (topic === null || run.thread.topic === topic));
  const run = runs.length > 0 && r.chance(0.85) ? r.pick(runs) : null;
  let thread: Thread;
  let point: TalkingPoint;
  let start: number;
  if (run) {
    run.paired = true;
    thread = run.thread;
    point = run.point;
    start = run.start;
  } else {
    const chosenTopic = topic ?? r.pick(TOPICS);
    thread = targetThreads(world, chosenTopic, 1)[0];
    point = leastUsedPoint(world, thread.topic);
    start = burstStart(r, thread);
  }
  const campaignParents = r.shuffle(run ? run.members.filter((d) => d.parent === null) : []);
  const organicParents = thread.drafts.filter(
    (d) => d.label === 'organic' && d.time < start + 30 * MINUTE && d.text.length > 40 && (d.stance === point.stance || d.stance === 'mixed'),
  );
  const curly = r.chance(0.6);
  const echoes = r.shuffle(point.echoes);
  for (let m = 0; m < spec.members; m++) {
    let parent: Draft | undefined;
    if (campaignParents.length > 0 && (organicParents.length === 0 || r.chance(0.7))) parent = campaignParents.shift();
    else if (organicParents.length > 0) parent = r.pick(organicParents);
    else parent = r.pick(thread.drafts);
    if (!parent) break;
    const time =
      parent.label === 'organic'
        ? Math.max(parent.time + 2 * MINUTE, start + r.int(0, 30) * MINUTE) + r.int(0, 59) * 1000
        : parent.time + r.int(1, 12) * MINUTE + r.int(0, 59) * 1000;
    const sentences = [r.pick(ECHO_OPENERS), echoes[m % echoes.length]];
    if (r.chance(0.2)) sentences.push(echoes[(m + 1) % echoes.length]);
    else if (r.chance(0.1)) sentences.push(r.pick(PARAPHRASE_CLOSERS));
    const text = sentences.join(' ');
    addDraft(world, thread, {
      parent,
      author: world.accounts.next(),
      time,
      text: curly ? curlyQuotes(text) : text,
      label: ctx.label,
      stance: point.stance,
    });
  }
}
