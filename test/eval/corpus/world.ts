// The mutable state of one generation run: threads, their draft comments, and campaign bookkeeping.
import type { CampaignAccounts } from './campaigns/accounts.js';
import type { Handles } from './handles.js';
import type { Random } from './prng.js';
import type { Entities } from './template.js';
import type { Stance, TalkingPoint, Topic } from './topic.js';
import type { CorpusLabel } from './types.js';

export interface Thread {
  readonly id: string;
  readonly topic: Topic;
  readonly entities: Entities;
  readonly properNouns: ReadonlySet<string>;
  readonly article: readonly string[];
  readonly keySentence: string;
  readonly publishedAt: number;
  readonly drafts: Draft[];
  readonly stances: Map<string, Stance>;
}

export interface Draft {
  readonly thread: Thread;
  readonly parent: Draft | null;
  readonly author: string | null;
  readonly time: number;
  readonly text: string;
  readonly label: CorpusLabel;
  readonly stance: Stance | null;
  readonly seq: number;
  replies: number;
}

export interface ParaphraseRun {
  readonly thread: Thread;
  readonly point: TalkingPoint;
  readonly start: number;
  readonly members: readonly Draft[];
  paired: boolean;
}

export interface World {
  readonly rng: Random;
  readonly handles: Handles;
  readonly regulars: readonly string[];
  readonly threads: readonly Thread[];
  readonly accounts: CampaignAccounts;
  readonly paraphraseRuns: ParaphraseRun[];
  readonly threadQueues: Map<Topic | null, { readonly threads: readonly Thread[]; next: number }>;
  readonly pointUse: Map<TalkingPoint, number>;
  seq: number;
}

export type DraftFields = Pick<Draft, 'parent' | 'author' | 'time' | 'text' | 'label' | 'stance'>;

export const MINUTE = 60_000;

export function addDraft(world: World, thread: Thread, fields: DraftFields): Draft {
  // An explicit literal keeps every draft the same hidden class (a spread made them slow to sort).
  const draft: Draft = {
    thread,
    parent: fields.parent,
    author: fields.author,
    time: fields.time,
    text: fields.text,
    label: fields.label,
    stance: fields.stance,
    seq: world.seq++,
    replies: 0,
  };
  thread.drafts.push(draft);
  if (fields.parent) fields.parent.replies++;
  return draft;
}

export function pickParent(world: World, thread: Thread, before: number): Draft | null {
  let total = 0;
  const candidates: Draft[] = [];
  const weights: number[] = [];
  for (const d of thread.drafts) {
    if (d.time >= before - 30_000) continue;
    const w = 1 + 1.5 * d.replies + (d.parent === null ? 1 : 0);
    candidates.push(d);
    weights.push(w);
    total += w;
  }
  if (candidates.length === 0) return null;
  let x = world.rng.next() * total;
  for (let i = 0; i < candidates.length; i++) {
    x -= weights[i];
    if (x < 0) return candidates[i];
  }
  return candidates[candidates.length - 1];
}
