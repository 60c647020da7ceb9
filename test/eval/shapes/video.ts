// Video comments with promotion spam (issue 13, shape 3): one thread per video, short fan comments
// as organic (with the word-for-word praise many fans post), and three kinds of spam, labeled
// campaign:promo:<kind><n> (paste, money, self): one text with a link pasted by many accounts across a few videos, a money
// pitch naming one little-known site by 2 to 5 accounts across videos, and self-promoters asking
// for subscribers, each in words of their own, on several videos.
//
// Most fan comments are short real sentences (forum-snippets.ts), each used once: a small bank of
// fan lines repeated under one video would make organic comments look like a mail-merge, an
// artefact of the generator. Each video-specific fan line is used at most once per video.
import { Handles } from '../corpus/handles.js';
import { Random } from '../corpus/prng.js';
import { GENERIC_PRAISE, HARD_TIMES, LEADS, MONEY_PITCHES, OCCASIONS, PASTE_LEADS, RELATIVES, SELF_PROMO, SHORT_REPLIES, TAILS, VIDEO_KINDS, YEARS } from './video-banks.js';
import { forumSnippets } from './forum-snippets.js';
import type { ShapeComment } from './shape-comment.js';

export interface VideoOptions {
  readonly seed: number;
  /** Videos, one thread each (default 30). */
  readonly videos?: number;
  /** First video's publication (default 2024-06-03T15:00:00Z); one video about every 8 hours. */
  readonly start?: Date;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const CREATORS = ['Mira', 'Jonas', 'DJ Koa', 'Chef Ana', 'the host', 'Theo', 'Lena', 'Sam', 'Kai', 'Nadia'];
const NICHES = ['baking', 'guitar covers', 'speedruns', 'budget travel', 'retro games', 'phone repair', 'vegan food', 'drawing'];
const SITES = ['quickpayhub', 'earnsmartdaily', 'cashflowpro', 'homeprofit', 'easyincome', 'dailyyield'];

interface Draft {
  seq: number;
  video: number;
  author: string;
  time: number;
  text: string;
  label: string;
  parent: Draft | null;
}

/** Generate labeled video comments; the same options always give the same comments. */
export function generateVideoComments(options: VideoOptions): ShapeComment[] {
  const rng = new Random(options.seed ^ 0x71de0);
  const videoCount = Math.max(3, Math.floor(options.videos ?? 30));
  const start = (options.start ?? new Date('2024-06-03T15:00:00Z')).getTime();
  const handles = new Handles(rng);
  const fans = Array.from({ length: videoCount * 60 }, () => handles.fresh());
  const videos = Array.from({ length: videoCount }, (_, i) => ({ kind: rng.pick(VIDEO_KINDS), creator: rng.pick(CREATORS), published: start + i * 8 * HOUR + rng.int(0, 120) * MINUTE }));
  const drafts: Draft[] = [];
  const add = (d: Omit<Draft, 'seq'>) => {
    drafts.push({ ...d, seq: drafts.length });
    return drafts[drafts.length - 1];
  };
  // Comments come fast after publication and thin out over days.
  const after = (video: number) => videos[video].published + Math.round(-Math.log(1 - rng.next()) * 10 * HOUR) + rng.int(1, 59) * MINUTE;

  const fanLine = (video: number, template: string) => {
    const v = videos[video];
    const t = `${rng.int(0, 4)}:${String(rng.int(0, 59)).padStart(2, '0')}`;
    const line = template
      .replace('{X}', rng.pick(v.kind.things)).replace('{X}', rng.pick(v.kind.things))
      .replace('{T}', t).replace('{C}', v.creator).replace('{R}', rng.pick(RELATIVES)).replace('{E}', rng.pick(OCCASIONS))
      .replace('{D}', rng.pick(YEARS)).replace('{H}', rng.pick(HARD_TIMES));
    const lead = rng.pick(LEADS);
    const text = `${lead ? `${lead} ` : ''}${line}${rng.pick(TAILS)}`;
    return rng.chance(0.4) ? text.charAt(0).toUpperCase() + text.slice(1) : text;
  };

  const snippets = forumSnippets().filter((s) => s.text.length <= 140);
  let cursor = rng.int(0, snippets.length - 1);
  for (let v = 0; v < videoCount; v++) {
    const count = rng.int(40, 220);
    const local: Draft[] = [];
    const lines = rng.shuffle(videos[v].kind.lines);
    for (let i = 0; i < count; i++) {
      const author = rng.pick(fans);
      const time = after(v);
      const r = rng.next();
      const replyTo = local.length > 0 && r < 0.2 ? rng.pick(local) : null;
      let text: string;
      if (r < 0.12) text = rng.pick(GENERIC_PRAISE);
      else if (replyTo && rng.chance(0.3)) text = rng.pick(SHORT_REPLIES);
      else if (lines.length > 0 && rng.chance(0.15)) text = fanLine(v, lines.pop()!);
      else {
        text = snippets[cursor].text;
        cursor = (cursor + 1) % snippets.length;
      }
      const parent = replyTo && replyTo.time < time && replyTo.author !== author ? replyTo : null;
      local.push(add({ video: v, author, time, text, label: 'organic', parent }));
    }
  }

  const promoter = () => handles.fresh();
  const someVideos = (n: number) => rng.shuffle(videos.map((_, i) => i)).slice(0, Math.min(n, videoCount));
  let campaign = 0;
  // One text with a link, pasted by many accounts across a few videos within a few hours of each other.
  for (let p = 0; p < Math.max(1, Math.round(videoCount / 15)); p++) {
    const label = `campaign:promo:paste${++campaign}`;
    const text = `${rng.pick(PASTE_LEADS)} https://youtu.be/${Array.from({ length: 11 }, () => rng.pick([...'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ0123456789_-'])).join('')}`;
    const targets = someVideos(rng.int(2, 4));
    const accounts = rng.int(20, 110);
    const base = Math.max(...targets.map((v) => videos[v].published)) + rng.int(1, 24) * HOUR;
    for (let a = 0; a < accounts; a++) {
      const author = promoter();
      for (const v of targets) if (rng.chance(0.6) || v === targets[a % targets.length]) add({ video: v, author, time: base + rng.int(0, 6 * 60) * MINUTE, text, label, parent: null });
    }
  }
  // A money pitch with one little-known site, by 2 to 5 accounts, each on a few videos.
  for (let p = 0; p < Math.max(1, Math.round(videoCount / 10)); p++) {
    const label = `campaign:promo:money${++campaign}`;
    const site = `${rng.pick(SITES)}${rng.int(1, 99)}.${rng.pick(['com', 'net', 'biz', 'online'])}`;
    const pitch = rng.pick(MONEY_PITCHES).replace('{W}', site);
    for (let a = 0, accounts = rng.int(2, 5); a < accounts; a++) {
      const author = promoter();
      for (const v of someVideos(rng.int(1, 3))) add({ video: v, author, time: after(v), text: pitch.replace('{A}', `$${rng.int(3, 19) * 500}`), label, parent: null });
    }
  }
  // Self-promoters: each asks in its own words, on several videos.
  const asks = rng.shuffle(SELF_PROMO);
  for (let p = 0; p < Math.min(asks.length, Math.max(2, Math.round(videoCount / 6))); p++) {
    const label = `campaign:promo:self${++campaign}`;
    const author = promoter();
    const ask = asks[p].replace('{K}', rng.pick(NICHES));
    for (const v of someVideos(rng.int(3, 8))) add({ video: v, author, time: after(v), text: rng.chance(0.3) ? `${fanLine(v, rng.pick(videos[v].kind.lines))}. ${ask}` : ask, label, parent: null });
  }

  // Ids follow posting order inside a video.
  const byVideo = new Map<number, Draft[]>();
  for (const d of drafts) byVideo.set(d.video, [...(byVideo.get(d.video) ?? []), d]);
  const ids = new Map<Draft, string>();
  for (const [v, list] of byVideo) list.sort((a, b) => a.time - b.time || a.seq - b.seq).forEach((d, i) => ids.set(d, `v${v + 1}-c${i + 1}`));
  return [...drafts]
    .sort((a, b) => a.time - b.time || a.seq - b.seq)
    .map((d) => ({ id: ids.get(d)!, thread_id: `v${d.video + 1}`, parent_id: d.parent ? ids.get(d.parent)! : null, author_id: d.author, posted_at: new Date(d.time).toISOString().slice(0, 19) + 'Z', text: d.text, label: d.label }));
}
