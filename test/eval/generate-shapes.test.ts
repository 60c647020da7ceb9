import { readDump } from '../../packages/cli/src/read-dump.js';
import { generateCorpus } from './generate-corpus.js';
import { accountFigures } from './shapes/account-recall.js';
import { coarsenTimes, withoutTimes } from './shapes/coarse-times.js';
import { STREAM_COLUMNS, streamToCsv } from './shapes/stream-csv.js';
import { generateStream } from './shapes/stream.js';
import { generateVideoComments } from './shapes/video.js';

const MESSAGES = 6000;
const stream = generateStream({ seed: 7, messages: MESSAGES });
const byId = new Map(stream.map((m) => [m.message_id, m]));
const campaignMessages = stream.filter((m) => m.label !== 'organic');

describe('generateStream', () => {
  it('gives the same stream for the same seed and another for another seed', () => {
    expect(generateStream({ seed: 7, messages: MESSAGES })).toEqual(stream);
    const other = generateStream({ seed: 8, messages: MESSAGES });
    expect(other.slice(0, 50).map((m) => m.message)).not.toEqual(stream.slice(0, 50).map((m) => m.message));
  });

  it('has the requested size, about 21% as many accounts, 15% of them campaign accounts, heavy-tailed activity', () => {
    expect(stream.length).toBe(MESSAGES);
    const perUser = new Map<string, number>();
    for (const m of stream) perUser.set(m.user_id, (perUser.get(m.user_id) ?? 0) + 1);
    expect(perUser.size / MESSAGES).toBeGreaterThan(0.19);
    expect(perUser.size / MESSAGES).toBeLessThan(0.22);
    const figures = accountFigures(stream.map((m) => ({ userId: m.user_id, label: m.label })), new Set());
    expect(figures.campaignAccounts / perUser.size).toBeCloseTo(0.15, 2);
    const counts = [...perUser.values()].sort((a, b) => b - a);
    expect(counts[counts.length >> 1]).toBeLessThanOrEqual(3);
    expect(counts[0]).toBeGreaterThan(30);
    // A campaign account posts campaign messages only, so account-level figures are well defined.
    const campaignUsers = new Set(campaignMessages.map((m) => m.user_id));
    expect(stream.some((m) => m.label === 'organic' && campaignUsers.has(m.user_id))).toBe(false);
  });

  it('reads back through the analyzer as one timeline in the toolkit layout, in Unix seconds', () => {
    const csv = streamToCsv(stream);
    expect(csv.split('\n', 1)[0]).toBe(STREAM_COLUMNS.join(','));
    const records = readDump(csv, 'stream.csv').records;
    expect(records).toHaveLength(MESSAGES);
    expect(new Set(records.map((r) => r.threadId))).toEqual(new Set(['timeline']));
    for (const m of stream.slice(0, 200)) expect(Number.isInteger(m.timestamp) && m.timestamp > 1.7e9 && m.timestamp < 1.8e9).toBe(true);
  });

  it('posts each campaign as copies of one template with a word or two swapped, members within minutes of each other', () => {
    const byLabel = new Map<string, typeof stream>();
    for (const m of campaignMessages) byLabel.set(m.label, [...(byLabel.get(m.label) ?? []), m]);
    expect(byLabel.size).toBeGreaterThanOrEqual(3);
    for (const [label, members] of byLabel) {
      expect(label).toMatch(/^campaign:mailmerge:s\d\d$/);
      const words = (t: string) => t.replace(/#\w+|https?:\S+/g, '').split(/\s+/).filter(Boolean);
      const base = words(members[0].message);
      const shares = members.slice(1, 30).map((m) => {
        const w = words(m.message);
        return w.filter((x) => base.includes(x)).length / Math.max(w.length, base.length);
      });
      // Two copies differ in at most four slots: most words are shared, never fewer than half.
      expect(Math.min(...shares)).toBeGreaterThan(0.5);
      expect(shares.reduce((a, b) => a + b, 0) / shares.length).toBeGreaterThan(0.75);
      expect(new Set(members.map((m) => m.message)).size).toBeGreaterThan(1);
      // Each member has a fellow member posting within ten minutes.
      const times = members.map((m) => m.timestamp).sort((a, b) => a - b);
      const close = times.filter((t, i) => (i > 0 && t - times[i - 1] <= 600) || (i + 1 < times.length && times[i + 1] - t <= 600));
      expect(close.length / times.length).toBeGreaterThan(0.95);
    }
  });

  it('writes organic posts from varied real sentences, with retweets, replies and short everyday repeats', () => {
    const organic = stream.filter((m) => m.label === 'organic' && !m.repost_id);
    const distinct = new Set(organic.map((m) => m.message.toLowerCase()));
    expect(distinct.size / organic.length).toBeGreaterThan(0.95);
    const reposts = stream.filter((m) => m.repost_id);
    expect(reposts.length).toBeGreaterThan(MESSAGES * 0.02);
    for (const r of reposts) {
      const original = byId.get(r.repost_id!)!;
      expect(r.message.endsWith(original.message)).toBe(true);
      expect(r.user_id).not.toBe(original.user_id);
      expect(r.timestamp).toBeGreaterThan(original.timestamp);
      expect(r.timestamp - original.timestamp).toBeLessThanOrEqual(6 * 3600);
    }
    expect(stream.filter((m) => m.reply_id && byId.get(m.reply_id)!.timestamp <= m.timestamp).length).toBeGreaterThan(MESSAGES * 0.05);
    const said = new Map<string, number>();
    for (const m of organic) said.set(m.message, (said.get(m.message) ?? 0) + 1);
    const repeated = organic.filter((m) => said.get(m.message)! >= 3);
    expect(repeated.length).toBeGreaterThan(MESSAGES * 0.01);
    expect(new Set(organic.map((m) => m.message.split(' ').length)).size).toBeGreaterThan(30);
  });
});

describe('generateVideoComments', () => {
  const comments = generateVideoComments({ seed: 7, videos: 20 });
  const promo = (kind: string) => comments.filter((c) => c.label.startsWith(`campaign:promo:${kind}`));
  const organic = comments.filter((c) => c.label === 'organic');

  it('is deterministic per seed, one thread per video, every label organic or campaign:promo', () => {
    expect(generateVideoComments({ seed: 7, videos: 20 })).toEqual(comments);
    expect(generateVideoComments({ seed: 8, videos: 20 }).slice(0, 30).map((c) => c.text)).not.toEqual(comments.slice(0, 30).map((c) => c.text));
    expect(new Set(comments.map((c) => c.thread_id)).size).toBe(20);
    for (const c of comments) expect(c.label).toMatch(/^(organic|campaign:promo:(paste|money|self)\d+)$/);
    expect(organic.length / comments.length).toBeGreaterThan(0.8);
  });

  it('pastes one text with a link by many accounts across a few videos', () => {
    const paste = promo('paste');
    expect(new Set(paste.map((c) => c.text)).size).toBe(new Set(paste.map((c) => c.label)).size);
    expect(new Set(paste.map((c) => c.author_id)).size).toBeGreaterThanOrEqual(20);
    const videos = new Set(paste.map((c) => c.thread_id)).size;
    expect(videos).toBeGreaterThanOrEqual(2);
    expect(videos).toBeLessThanOrEqual(4 * new Set(paste.map((c) => c.label)).size);
    for (const c of paste) expect(c.text).toMatch(/https:\/\/youtu\.be\//);
  });

  it('has money pitches naming one little-known site by 2 to 5 accounts, and self-promoters in words of their own', () => {
    for (const label of new Set(promo('money').map((c) => c.label))) {
      const members = comments.filter((c) => c.label === label);
      const accounts = new Set(members.map((c) => c.author_id)).size;
      expect(accounts).toBeGreaterThanOrEqual(2);
      expect(accounts).toBeLessThanOrEqual(5);
      const sites = new Set(members.map((c) => /\b[a-z]+\d+\.[a-z]+\b/.exec(c.text)?.[0]));
      expect(sites.size).toBe(1);
    }
    const self = promo('self');
    const asks = new Map<string, string>();
    for (const c of self) asks.set(c.label, c.text);
    expect(new Set(asks.values()).size).toBe(asks.size);
    for (const label of asks.keys()) expect(new Set(self.filter((c) => c.label === label).map((c) => c.author_id)).size).toBe(1);
  });

  it('has varied organic comments, with short praise said word for word by several fans', () => {
    const said = new Map<string, Set<string | null>>();
    for (const c of organic) said.set(c.text, (said.get(c.text) ?? new Set()).add(c.author_id));
    expect(said.size / organic.length).toBeGreaterThan(0.75);
    const repeats = [...said].filter(([text, authors]) => authors.size >= 3 && text.length < 30);
    expect(repeats.length).toBeGreaterThanOrEqual(5);
  });
});

describe('coarsenTimes', () => {
  const original = generateCorpus({ seed: 5, threads: 20 });
  const coarse = coarsenTimes(original, 5);

  it('gives 30% of the threads the day only (midnight UTC) or the whole hour, deterministically, and leaves the rest alone', () => {
    expect(coarsenTimes(original, 5)).toEqual(coarse);
    const date = new Set(coarse.threads.date);
    const hour = new Set(coarse.threads.hour);
    expect(date.size + hour.size).toBe(6);
    expect(date.size).toBeGreaterThan(0);
    expect(hour.size).toBeGreaterThan(0);
    coarse.comments.forEach((c, i) => {
      const before = original[i];
      expect(c.id).toBe(before.id);
      const t = Date.parse(c.posted_at!);
      if (date.has(c.thread_id)) {
        expect(t % 86_400_000).toBe(0);
        expect(c.posted_at!.slice(0, 10)).toBe(before.posted_at!.slice(0, 10));
      } else if (hour.has(c.thread_id)) {
        expect(t % 3_600_000).toBe(0);
        expect(Date.parse(before.posted_at!) - t).toBeLessThan(3_600_000);
      } else expect(c.posted_at).toBe(before.posted_at);
    });
    expect(coarse.comments.some((c) => /^\d{4}-\d\d-\d\d$/.test(c.posted_at!))).toBe(true);
  });

  it('removes times only in the threads asked for', () => {
    const threads = new Set(coarse.threads.date);
    const bare = withoutTimes(original, threads);
    for (const c of bare) expect(c.posted_at === null).toBe(threads.has(c.thread_id));
  });
});
