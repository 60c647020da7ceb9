// The generation run: threads, organic discussion, campaigns, reactions, then ids and ordering.
import { CampaignAccounts } from './campaigns/accounts.js';
import type { CampaignContext } from './campaigns/context.js';
import { runCopypasta } from './campaigns/copypasta.js';
import { runDrip } from './campaigns/drip.js';
import { runEcho } from './campaigns/echo.js';
import { runMailmerge } from './campaigns/mailmerge.js';
import { runParaphrase } from './campaigns/paraphrase.js';
import { Handles } from './handles.js';
import { defaultCampaigns } from './options.js';
import { growOrganicThread } from './organic-thread.js';
import { Random } from './prng.js';
import { reactToCampaigns } from './reactions.js';
import { makeThread } from './thread.js';
import type { Topic } from './topic.js';
import { TOPIC_KEYS, TOPICS } from './topics.js';
import type { CorpusOptions, LabeledComment } from './types.js';
import { MINUTE } from './world.js';
import type { Draft, World } from './world.js';

/** Generate a labeled corpus; the same options always give the same corpus. */
export function generateCorpus(options: CorpusOptions): LabeledComment[] {
  const rng = new Random(options.seed);
  const threadCount = Math.max(1, Math.floor(options.threads));
  const [minOrganic, maxOrganic] = options.organicPerThread ?? [15, 60];
  const start = (options.start ?? new Date('2024-03-04T07:00:00Z')).getTime();
  const days = options.days ?? Math.min(90, Math.max(3, Math.ceil(threadCount / 6)));
  const handles = new Handles(rng);
  const regulars = Array.from({ length: Math.min(500, Math.max(12, Math.round(threadCount * 0.4))) }, () => handles.fresh());

  // Topics come in shuffled blocks, so every topic has about the same number of threads.
  let block: Topic[] = [];
  const threads = Array.from({ length: threadCount }, (_, i) => {
    if (block.length === 0) block = rng.shuffle(TOPICS);
    const topic = block.pop() ?? TOPICS[0];
    const publishedAt = start + Math.round(((i / threadCount) * days * 24 + rng.next() * 3) * 60) * MINUTE;
    return makeThread(rng, i, topic, publishedAt);
  });
  const world: World = {
    rng,
    handles,
    regulars,
    threads,
    accounts: new CampaignAccounts(rng, handles),
    paraphraseRuns: [],
    threadQueues: new Map(),
    pointUse: new Map(),
    seq: 0,
  };
  for (const thread of threads) growOrganicThread(world, thread, rng.int(minOrganic, maxOrganic));

  const specs = (options.campaigns ?? defaultCampaigns(threadCount, options.seed)).map((spec, i) => ({ spec, id: `c${String(i + 1).padStart(3, '0')}` }));
  // Echo rings are placed last so they can answer the paraphrase swarms.
  const ordered = [...specs.filter((s) => s.spec.type !== 'echo'), ...specs.filter((s) => s.spec.type === 'echo')];
  // Only topics some thread is about: a campaign's template needs its thread's entities.
  const present = TOPICS.filter((t) => threads.some((th) => th.topic === t));
  for (const { spec, id } of ordered) {
    if (spec.members <= 0) continue;
    const named = spec.topic === undefined ? undefined : TOPICS.find((t) => t.key === spec.topic);
    if (spec.topic !== undefined && !named) throw new Error(`unknown topic "${spec.topic}"; known: ${TOPIC_KEYS.join(', ')}`);
    const topic = named ?? (spec.type === 'echo' ? null : rng.pick(present));
    const ctx: CampaignContext = { world, spec, label: `campaign:${spec.type}:${id}` };
    if (spec.type === 'copypasta') runCopypasta(ctx, topic ?? rng.pick(present));
    else if (spec.type === 'mailmerge') runMailmerge(ctx, topic ?? rng.pick(present));
    else if (spec.type === 'paraphrase') runParaphrase(ctx, topic ?? rng.pick(present));
    else if (spec.type === 'echo') runEcho(ctx, topic);
    else runDrip(ctx);
  }
  reactToCampaigns(world);
  return finalize(world, options.nullTimestampShare ?? 0);
}

function finalize(world: World, nullTimestampShare: number): LabeledComment[] {
  // Ids follow posting order inside a thread, so they say nothing about the label.
  const ids: string[] = new Array<string>(world.seq);
  const all: Draft[] = [];
  for (const thread of world.threads) {
    thread.drafts.sort((a, b) => a.time - b.time || a.seq - b.seq);
    for (let i = 0; i < thread.drafts.length; i++) {
      ids[thread.drafts[i].seq] = `${thread.id}-c${i + 1}`;
      all.push(thread.drafts[i]);
    }
  }
  // A stream in posting order, as a publisher would send it.
  all.sort((a, b) => a.time - b.time || a.seq - b.seq);
  return all.map((d) => ({
    id: ids[d.seq],
    thread_id: d.thread.id,
    parent_id: d.parent ? ids[d.parent.seq] : null,
    author_id: d.author,
    posted_at: nullTimestampShare > 0 && world.rng.chance(nullTimestampShare) ? null : new Date(d.time).toISOString().slice(0, 19) + 'Z',
    text: d.text,
    label: d.label,
  }));
}
