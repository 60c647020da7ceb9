// A threadless stream in the coordination-network-toolkit layout (one timeline; issue 13, shape 1).
//
// About 21% as many accounts as messages, with heavy-tailed activity; 15% of the accounts are
// campaign accounts. Each campaign posts its own template, a word or two swapped per copy, in waves
// whose members post within minutes of each other. Organic posts are real forum sentences cut to
// tweet length (forum-snippets.ts), with the repeats real streams have: retweets of a popular post
// by several accounts within hours, @-replies, links to common sites, and short everyday phrases.
import { Handles } from '../corpus/handles.js';
import { Random } from '../corpus/prng.js';
import { forumSnippets } from './forum-snippets.js';
import { streamCampaignText } from './stream-campaigns.js';
import { fillSwapTemplate, parseSwapTemplate } from './swap-template.js';

export interface StreamOptions {
  readonly seed: number;
  /** Messages in all (default 100,000). */
  readonly messages?: number;
  /** First message time (default 2024-05-06T00:00:00Z); the stream lasts 3 days per 100,000 messages, at least 1. */
  readonly start?: Date;
}

/** One row of the toolkit's CSV, with the ground truth beside it ("organic" or "campaign:mailmerge:sNN"). */
export interface StreamMessage {
  readonly message_id: string;
  readonly user_id: string;
  readonly username: string;
  readonly repost_id: string | null;
  readonly reply_id: string | null;
  readonly message: string;
  /** Unix seconds. */
  readonly timestamp: number;
  readonly urls: readonly string[];
  readonly label: string;
}

export const STREAM_ACCOUNT_RATIO = 0.21;
export const STREAM_CAMPAIGN_ACCOUNT_SHARE = 0.15;
const EVERYDAY = [
  'Good morning everyone!', 'Happy Friday!', 'lol same', 'So true.', 'Thank you so much!', 'Congrats!!', 'This is so sad.',
  "Can't wait for the weekend", 'Monday again...', 'Great thread.', 'Well said.', 'Exactly this.', 'Love this!', 'Stay safe out there.',
  'Happy birthday!', 'What a game last night', 'I needed this today', 'This made my day', 'Coffee first.', 'Goodnight all',
  'Any recommendations?', 'Agreed 100%', 'Big if true', 'Same here', 'Thoughts and prayers', 'RIP legend', 'Cannot make this up',
];
const COMMON_SITES = ['www.nytimes.com', 'www.youtube.com', 'www.bbc.co.uk', 'www.reuters.com', 'en.wikipedia.org', 'www.theguardian.com', 'apnews.com', 'www.cnn.com'];
const MINUTE = 60;
const HOUR = 3600;

interface Draft {
  seq: number;
  user: number;
  time: number;
  text: string;
  urls: string[];
  label: string;
  repostOf: Draft | null;
  replyTo: Draft | null;
}

/** Heavy-tailed counts summing to `total`: each at least `min`, a few hundreds of times more. */
export function heavyTailedCounts(rng: Random, accounts: number, total: number, min = 1): number[] {
  const weights = Array.from({ length: accounts }, () => Math.min(500, (1 - rng.next()) ** (-1 / 1.3)));
  const extra = Math.max(0, total - accounts * min);
  const sum = weights.reduce((s, w) => s + w, 0);
  const counts = weights.map((w) => min + Math.floor((extra * w) / sum));
  let left = total - counts.reduce((s, c) => s + c, 0);
  for (let i = 0; left > 0; i = (i + 1) % accounts, left--) counts[i]++;
  return counts;
}

/** A moment in the stream, busier by day than by night (UTC). */
function diurnalTime(rng: Random, start: number, span: number): number {
  for (;;) {
    const t = start + rng.next() * span;
    const hour = ((t % 86400) / 3600) | 0;
    if (rng.next() < 0.35 + 0.65 * Math.sin((Math.PI * hour) / 24)) return Math.floor(t);
  }
}

/** Generate a labeled stream; the same options always give the same stream. */
export function generateStream(options: StreamOptions): StreamMessage[] {
  const rng = new Random(options.seed ^ 0x57ea3);
  const total = Math.max(100, Math.floor(options.messages ?? 100_000));
  const start = Math.floor((options.start ?? new Date('2024-05-06T00:00:00Z')).getTime() / 1000);
  const span = Math.max(1, (3 * total) / 100_000) * 86400;
  const handles = new Handles(rng);
  const accountCount = Math.round(total * STREAM_ACCOUNT_RATIO);
  const campaignAccounts = Math.round(accountCount * STREAM_CAMPAIGN_ACCOUNT_SHARE);
  const usedIds = new Set<string>();
  const users = Array.from({ length: accountCount }, () => {
    let id: string;
    do id = String(rng.int(10_000, 1_999_999_999));
    while (usedIds.has(id));
    usedIds.add(id);
    return { id, name: handles.fresh() };
  });
  // Campaign accounts are spread through the user list, so neither ids nor order give them away.
  const order = rng.shuffle(users.map((_, i) => i));
  const campaignUsers = order.slice(0, campaignAccounts);
  const organicUsers = order.slice(campaignAccounts);
  const drafts: Draft[] = [];
  const add = (d: Omit<Draft, 'seq'>) => drafts.push({ ...d, seq: drafts.length });

  // Campaigns: heavy-tailed sizes, 3 to 8 waves each, each member posting within the wave's few minutes.
  const campaignCount = Math.max(3, Math.round(total / 6000));
  const sizes = heavyTailedCounts(rng, campaignCount, campaignAccounts, 5);
  let next = 0;
  sizes.forEach((size, c) => {
    const members = campaignUsers.slice(next, next + size);
    next += size;
    const text = streamCampaignText(rng, rng.chance(0.5), rng.chance(0.6));
    const template = parseSwapTemplate(text.source);
    const label = `campaign:mailmerge:s${String(c + 1).padStart(2, '0')}`;
    const waves = rng.int(3, 8);
    const spread = rng.int(2, 12) * MINUTE;
    for (let w = 0; w < waves; w++) {
      const at = diurnalTime(rng, start, span - spread);
      for (const user of members) {
        if (!rng.chance(0.85)) continue;
        const tags = text.hashtags.filter(() => rng.chance(0.8));
        const parts = [fillSwapTemplate(template, rng, rng.int(1, 2)), ...tags];
        const urls = text.url && rng.chance(0.9) ? [text.url] : [];
        add({ user, time: at + Math.floor(rng.next() * spread), text: [...parts, ...urls].join(' '), urls, label, repostOf: null, replyTo: null });
      }
    }
  });

  // Organic: forum snippets in file order from a seeded offset, each used once; an account keeps
  // taking one forum author's snippets while they last, so its posts read like one person.
  const organicTotal = Math.max(organicUsers.length, total - drafts.length);
  const reposts = Math.round(organicTotal * 0.04);
  const everyday = Math.round(organicTotal * 0.03);
  const counts = heavyTailedCounts(rng, organicUsers.length, organicTotal - reposts);
  const snippets = forumSnippets();
  let cursor = rng.int(0, snippets.length - 1);
  const originals: Draft[] = [];
  const everydayAt = new Set(rng.shuffle(Array.from({ length: organicTotal - reposts }, (_, i) => i)).slice(0, everyday));
  let k = 0;
  organicUsers.forEach((user, u) => {
    for (let i = 0; i < counts[u]; i++, k++) {
      const time = diurnalTime(rng, start, span);
      if (everydayAt.has(k)) {
        add({ user, time, text: rng.pick(EVERYDAY), urls: [], label: 'organic', repostOf: null, replyTo: null });
        continue;
      }
      let text = snippets[cursor].text;
      cursor = (cursor + 1) % snippets.length;
      const urls: string[] = [];
      if (rng.chance(0.05)) {
        urls.push(`https://${rng.pick(COMMON_SITES)}/${rng.int(2019, 2024)}/${rng.int(1, 12)}/${rng.int(10000, 99999)}`);
        text = `${text} ${urls[0]}`;
      }
      add({ user, time, text, urls, label: 'organic', repostOf: null, replyTo: null });
      originals.push(drafts[drafts.length - 1]);
    }
  });

  // Replies: 12% of organic posts answer an earlier post from the hour before.
  const byTime = [...drafts].sort((a, b) => a.time - b.time || a.seq - b.seq);
  const index = new Map(byTime.map((d, i) => [d, i]));
  for (const d of originals) {
    if (!rng.chance(0.12)) continue;
    const i = index.get(d)!;
    const target = byTime[Math.max(0, i - rng.int(1, 60))];
    if (target === d || target.time >= d.time || target.user === d.user) continue;
    d.replyTo = target;
    d.text = `@${users[target.user].name.replace(/\s+/g, '')} ${d.text}`;
  }

  // Retweets: a few popular posts, each reposted verbatim by several accounts within hours.
  let left = reposts;
  while (left > 0) {
    const original = rng.pick(originals);
    const n = Math.min(left, rng.int(2, 25));
    for (let i = 0; i < n; ) {
      const user = rng.pick(organicUsers);
      if (user === original.user) continue;
      i++;
      left--;
      const time = original.time + rng.int(1 * MINUTE, 6 * HOUR);
      add({ user, time, text: `RT @${users[original.user].name.replace(/\s+/g, '')}: ${original.text}`, urls: original.urls, label: 'organic', repostOf: original, replyTo: null });
    }
  }

  // Ids in posting order, so they say nothing of the label.
  drafts.sort((a, b) => a.time - b.time || a.seq - b.seq);
  const ids = new Map(drafts.map((d, i) => [d, String(1_790_000_000_000_000_000n + BigInt(i) * 4_096n + BigInt(d.seq % 4096))]));
  return drafts.map((d) => ({
    message_id: ids.get(d)!,
    user_id: users[d.user].id,
    username: users[d.user].name,
    repost_id: d.repostOf ? ids.get(d.repostOf)! : null,
    reply_id: d.replyTo ? ids.get(d.replyTo)! : null,
    message: d.text,
    timestamp: d.time,
    urls: d.urls,
    label: d.label,
  }));
}
