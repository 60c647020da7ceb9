// The flood: copies and near-copies of one template (a word or two swapped, punctuation varied) from
// 5,000 accounts over 50 threads within one hour of posted_at, interleaved with the generator's
// organic comments (no campaigns) in the order they are offered to the API.
import { corpusOptionsForSize, generateCorpus } from '../eval/generate-corpus.js';
import { Random } from '../eval/corpus/prng.js';
import type { FileComment } from './service-analyzer.js';

export const FLOOD_ID_PREFIX = 'flood-';
const ACCOUNTS = 5000;
const THREADS = 50;
const HOUR_MS = 3600_000;

const TEMPLATE = [
  'The council', ['wants to', 'plans to', 'is trying to'], 'shut down the', ['market', 'farmers market', 'Saturday market'],
  'to build yet another parking garage. This is a', ['disaster', 'catastrophe', 'nightmare', 'disgrace'],
  'for every small vendor downtown and nobody asked us. Call your councillor today and tell them to vote NO',
  ['before it is too late', 'while there is still time', 'before Thursday'],
] as const;
const ENDINGS = ['!', '!!', '.', '!!!', ''];

function copyText(r: Random): string {
  // A third are exact copies; the rest change one or two words and the punctuation.
  const exact = r.chance(0.33);
  const changes = exact ? new Set<number>() : new Set(r.shuffle(TEMPLATE.map((_, i) => i).filter((i) => typeof TEMPLATE[i] !== 'string')).slice(0, r.int(1, 2)));
  const words = TEMPLATE.map((part, i) => (typeof part === 'string' ? part : changes.has(i) ? r.pick(part.slice(1)) : part[0]));
  let text = words.join(' ') + (exact ? '!' : r.pick(ENDINGS));
  if (!exact && r.chance(0.3)) text = text.replace('downtown and', 'downtown, and');
  if (!exact && r.chance(0.15)) text = text.toLowerCase();
  return text;
}

export interface FloodCorpus {
  /** Campaign and organic comments in the order they are offered. */
  readonly comments: readonly FileComment[];
  readonly campaign: number;
  readonly organic: number;
  /** The campaign's fifth comment overall, then its fifth comment in each thread (offer order). */
  readonly fifthOverall: string;
  readonly fifthPerThread: readonly string[];
}

/** The flood corpus: `copies` campaign comments amid about `organic` organic ones. */
export function floodCorpus(copies: number, organic: number, seed: number): FloodCorpus {
  const r = new Random(seed ^ 0xf100d);
  // Without campaigns (and replies to them) the generator gives about 10% fewer comments than asked.
  const organicComments = organic > 0 ? generateCorpus({ ...corpusOptionsForSize(Math.round(organic * 1.2), seed), campaigns: [] }).slice(0, organic) : [];
  const threadIds = [...new Set(organicComments.map((c) => c.thread_id))];
  const threads = Array.from({ length: THREADS }, (_, i) => threadIds[i] ?? `flood-thread-${i + 1}`);
  // The hour sits in the middle of the organic comments' time span.
  const times = organicComments.map((c) => Date.parse(c.posted_at ?? '')).filter((t) => !Number.isNaN(t));
  const start = times.length ? times[Math.floor(times.length / 2)] : Date.parse('2024-03-10T12:00:00Z');
  const offsets = Array.from({ length: copies }, () => Math.floor(r.next() * HOUR_MS)).sort((a, b) => a - b);
  const accounts = r.shuffle(Array.from({ length: copies }, (_, i) => `flood-acct-${(i % ACCOUNTS) + 1}`));
  const campaign: FileComment[] = offsets.map((offset, i) => ({
    id: `${FLOOD_ID_PREFIX}${i + 1}`,
    thread_id: r.pick(threads),
    parent_id: null,
    author_id: accounts[i],
    posted_at: new Date(start + offset).toISOString().slice(0, 19) + 'Z',
    text: copyText(r),
    label: 'campaign:copypasta:flood' as const,
  }));

  // Interleave evenly: the organic stream keeps its own order between campaign comments.
  const comments: FileComment[] = [];
  const total = campaign.length + organicComments.length;
  for (let i = 0, c = 0, o = 0; i < total; i++) {
    const organicDue = Math.floor(((i + 1) * organicComments.length) / total) > o;
    if ((organicDue && o < organicComments.length) || c >= campaign.length) comments.push(organicComments[o++]);
    else comments.push(campaign[c++]);
  }

  const perThread = new Map<string, number>();
  const fifthPerThread: string[] = [];
  for (const c of campaign) {
    const n = (perThread.get(c.thread_id) ?? 0) + 1;
    perThread.set(c.thread_id, n);
    if (n === 5) fifthPerThread.push(c.id);
  }
  return { comments, campaign: campaign.length, organic: organicComments.length, fifthOverall: campaign[Math.min(4, campaign.length - 1)].id, fifthPerThread };
}
