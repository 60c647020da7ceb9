// Organic opinion text: sentences composed from a topic's claims, anecdotes and questions, with
// hedges and agree/disagree leads.
import { AGREE_LEADS, ARGUE_LEADS, DISAGREE_LEADS, GENERAL_REMARKS, HEDGES, OPENERS, STANDALONE_HEDGES } from './banks/discussion.js';
import type { Random } from './prng.js';
import { lowerStart } from './sentences.js';
import { expand } from './template.js';
import type { Stance, Topic } from './topic.js';
import type { Thread, World } from './world.js';

export function stanceFor(world: World, thread: Thread, author: string | null, parentStance: Stance | null): Stance {
  const known = author === null ? undefined : thread.stances.get(author);
  if (known) return known;
  const r = world.rng;
  let stance: Stance;
  if (parentStance === 'pro' || parentStance === 'con') {
    const other: Stance = parentStance === 'pro' ? 'con' : 'pro';
    stance = r.weighted<Stance>([[other, 55], [parentStance, 30], ['mixed', 15]]);
  } else stance = r.weighted<Stance>([['pro', 42], ['con', 42], ['mixed', 16]]);
  if (author !== null) thread.stances.set(author, stance);
  return stance;
}

function stancePool(topic: Topic, stance: Stance): readonly string[] {
  return stance === 'pro' ? topic.pro : stance === 'con' ? topic.con : topic.mixed;
}

function composeSentences(rng: Random, thread: Thread, stance: Stance, count: number): string[] {
  const topic = thread.topic;
  const used = new Set<string>();
  const out: string[] = [];
  const take = (pool: readonly string[]): void => {
    let template = rng.pick(pool);
    for (let n = 0; used.has(template) && n < 4; n++) template = rng.pick(pool);
    used.add(template);
    out.push(expand(template, thread.entities, rng));
  };
  const lean: Stance = stance === 'mixed' ? (rng.chance(0.5) ? 'pro' : 'con') : stance;
  take(stance === 'mixed' && rng.chance(0.5) ? stancePool(topic, lean) : stancePool(topic, stance));
  for (let j = 1; j < count; j++) {
    const x = rng.next();
    if (x < 0.5) take(stancePool(topic, lean));
    else if (x < 0.64) take(topic.anecdotes);
    else if (x < 0.76) take(topic.questions);
    else if (x < 0.88) take(GENERAL_REMARKS);
    else take(topic.mixed);
  }
  return out;
}

// null: a top-level comment; 'neutral': a reply without an agree/disagree lead.
export type ReplyMood = 'agree' | 'disagree' | 'argue' | 'neutral' | null;

const TOP_LENGTHS: readonly (readonly [number, number])[] = [[1, 24], [2, 26], [3, 20], [4, 12], [5, 8], [6, 5], [7, 3], [8, 2]];
const REPLY_LENGTHS: readonly (readonly [number, number])[] = [[1, 40], [2, 30], [3, 16], [4, 8], [5, 4], [6, 2]];

export function attachLead(lead: string, sentences: string[], thread: Thread): void {
  // "Sure, but" / "Honestly," continue the sentence; "No." stands alone.
  if (/[a-z,:]$/.test(lead)) sentences[0] = `${lead} ${lowerStart(sentences[0], thread.properNouns)}`;
  else sentences.unshift(lead);
}

export function opinionText(world: World, thread: Thread, stance: Stance, mood: ReplyMood, count?: number): string {
  const r = world.rng;
  const k = count ?? r.weighted(mood === null ? TOP_LENGTHS : REPLY_LENGTHS);
  const sentences = composeSentences(r, thread, stance, k);
  if (r.chance(0.12)) {
    const i = r.int(0, sentences.length - 1);
    sentences[i] = sentences[i].replace(/\.$/, `, ${r.pick(HEDGES)}.`);
  }
  if (r.chance(0.06)) sentences.push(r.pick(STANDALONE_HEDGES));
  if (mood === 'agree' && r.chance(0.6)) attachLead(r.pick(AGREE_LEADS), sentences, thread);
  else if (mood === 'disagree' && r.chance(0.7)) attachLead(r.pick(DISAGREE_LEADS), sentences, thread);
  else if (mood === 'argue' && r.chance(0.85)) attachLead(r.pick(ARGUE_LEADS), sentences, thread);
  else if (mood === null && r.chance(0.22)) attachLead(expand(r.pick(OPENERS), thread.entities, r), sentences, thread);
  return sentences.join(' ');
}
