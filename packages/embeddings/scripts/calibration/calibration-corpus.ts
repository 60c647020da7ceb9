import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { PARAPHRASE_SETS } from './paraphrase-sets.js';
import { lengthBucket, wordCount } from './score-stats.js';
import type { LengthBucket } from './score-stats.js';

export interface Post {
  readonly id: string;
  readonly thread_id: string;
  readonly parent_id: string | null;
  readonly author_id: string | null;
  readonly text: string;
}

export type PairKind = 'paraphrase' | 'organic' | 'unrelated';

export interface Pair {
  readonly kind: PairKind;
  readonly a: number;
  readonly b: number;
  readonly bucket: LengthBucket;
  /** Where a paraphrase pair comes from: `seed top-level`, `seed replies`, `hand-written`. */
  readonly source?: string;
}

/** A group of texts saying the same thing (the seed thread, or one hand-written set). */
export interface CampaignGroup {
  readonly name: string;
  readonly members: readonly number[];
}

export interface CalibrationCorpus {
  readonly texts: readonly string[];
  /** Organic text indices per thread id. */
  readonly threads: ReadonlyMap<string, readonly number[]>;
  readonly campaigns: readonly CampaignGroup[];
  readonly paraphrasePairs: readonly Pair[];
  /** Posts by different authors in the same thread. */
  readonly organicPairs: readonly Pair[];
  /** Posts by different authors in different threads, sampled. */
  readonly unrelatedPairs: readonly Pair[];
}

function readJsonl(buffer: Buffer): Post[] {
  return buffer
    .toString('utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as Post);
}

// Deterministic PRNG (mulberry32) so every run samples the same unrelated pairs.
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function loadCalibrationCorpus(seedPath: string, organicGzPath: string, unrelatedSample: number): CalibrationCorpus {
  const texts: string[] = [];
  const words: number[] = [];
  const add = (text: string): number => {
    words.push(wordCount(text));
    return texts.push(text) - 1;
  };
  const pair = (kind: PairKind, a: number, b: number): Pair => ({ kind, a, b, bucket: lengthBucket(Math.min(words[a], words[b])) });
  const allPairs = (kind: PairKind, members: readonly number[]): Pair[] =>
    members.flatMap((a, i) => members.slice(i + 1).map((b) => pair(kind, a, b)));

  const seed = readJsonl(readFileSync(seedPath));
  const seedIndex = new Map(seed.map((post) => [post.id, add(post.text)]));
  const seedTop = seed.filter((post) => post.parent_id === null).map((post) => seedIndex.get(post.id) ?? -1);
  const seedReplies = seed.filter((post) => post.parent_id !== null).map((post) => seedIndex.get(post.id) ?? -1);
  const handwritten = PARAPHRASE_SETS.map((set) => set.map(add));
  const campaigns: CampaignGroup[] = [
    { name: 'seed thread', members: [...seedTop, ...seedReplies] },
    ...handwritten.map((members, i) => ({ name: `set ${i + 1}`, members })),
  ];
  // Replies restate their parent too, but a reply and a top-level comment make different points.
  const tagged = (source: string, members: readonly number[]) => allPairs('paraphrase', members).map((p) => ({ ...p, source }));
  const paraphrasePairs = [
    ...tagged('seed top-level', seedTop),
    ...tagged('seed replies', seedReplies),
    ...handwritten.flatMap((members) => tagged('hand-written', members)),
  ];

  const organic = readJsonl(gunzipSync(readFileSync(organicGzPath)));
  const author = new Map<number, string>();
  const threads = new Map<string, number[]>();
  for (const post of organic) {
    const index = add(post.text);
    author.set(index, post.author_id ?? `anonymous:${post.id}`);
    const members = threads.get(post.thread_id) ?? [];
    members.push(index);
    threads.set(post.thread_id, members);
  }
  const organicPairs: Pair[] = [];
  for (const members of threads.values()) {
    for (const p of allPairs('organic', members)) if (author.get(p.a) !== author.get(p.b)) organicPairs.push(p);
  }

  const threadOf = new Map<number, string>();
  for (const [thread, members] of threads) for (const index of members) threadOf.set(index, thread);
  const organicIndices = [...threadOf.keys()];
  const next = random(20240601);
  const unrelatedPairs: Pair[] = [];
  while (unrelatedPairs.length < unrelatedSample) {
    const a = organicIndices[Math.floor(next() * organicIndices.length)];
    const b = organicIndices[Math.floor(next() * organicIndices.length)];
    if (threadOf.get(a) !== threadOf.get(b) && author.get(a) !== author.get(b)) unrelatedPairs.push(pair('unrelated', a, b));
  }
  return { texts, threads, campaigns, paraphrasePairs, organicPairs, unrelatedPairs };
}
