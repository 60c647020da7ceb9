// What every campaign shares: its label, thread targeting, burst timing and posting.
import type { Random } from '../prng.js';
import type { Stance, TalkingPoint, Topic } from '../topic.js';
import type { CampaignSpec, CorpusLabel } from '../types.js';
import { addDraft, MINUTE, pickParent } from '../world.js';
import type { Draft, Thread, World } from '../world.js';

export interface CampaignContext {
  readonly world: World;
  readonly spec: CampaignSpec;
  readonly label: CorpusLabel;
}

// Campaigns take threads round-robin from a shuffled queue per topic (and one over all threads),
// so they spread over the corpus instead of piling into a few threads.
export function targetThreads(world: World, topic: Topic | null, count: number): Thread[] {
  const r = world.rng;
  let queue = world.threadQueues.get(topic);
  if (!queue) {
    const pool = topic ? world.threads.filter((t) => t.topic === topic) : world.threads;
    queue = { threads: r.shuffle(pool.length > 0 ? pool : world.threads), next: 0 };
    world.threadQueues.set(topic, queue);
  }
  const chosen: Thread[] = [];
  for (let i = 0; i < Math.min(Math.max(1, count), queue.threads.length); i++) {
    if (queue.next === queue.threads.length) queue = { threads: r.shuffle(queue.threads), next: 0 };
    chosen.push(queue.threads[queue.next++]);
  }
  world.threadQueues.set(topic, queue);
  return [...new Set(chosen)];
}

export function burstStart(r: Random, thread: Thread): number {
  return thread.publishedAt + Math.round(20 + 420 * r.next() ** 1.5) * MINUTE + r.int(0, 59) * 1000;
}

export function share(members: number, parts: number, index: number): number {
  return Math.floor(members / parts) + (index < members % parts ? 1 : 0);
}

export function post(ctx: CampaignContext, thread: Thread, time: number, text: string, stance: Stance, replyShare: number): Draft {
  const { world } = ctx;
  const parent = world.rng.chance(replyShare) ? pickParent(world, thread, time) : null;
  return addDraft(world, thread, { parent, author: world.accounts.next(), time, text, label: ctx.label, stance });
}

export function leastUsedPoint(world: World, topic: Topic): TalkingPoint {
  const points = world.rng.shuffle(topic.talkingPoints).sort((a, b) => (world.pointUse.get(a) ?? 0) - (world.pointUse.get(b) ?? 0));
  world.pointUse.set(points[0], (world.pointUse.get(points[0]) ?? 0) + 1);
  return points[0];
}
