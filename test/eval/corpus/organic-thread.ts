// Organic discussion: a thread grows from a plan of comment kinds (opinions, a popular comment and
// quotes of it, article quotes, one-liners, links), with replies that argue back.
import { LINK_LEADS, QUOTE_INTROS, QUOTE_REACTIONS, SHORT_REPLIES, SHORT_TOP_LEVEL } from './banks/discussion.js';
import { opinionText, stanceFor } from './opinion.js';
import type { ReplyMood } from './opinion.js';
import type { Random } from './prng.js';
import { splitSentences } from './sentences.js';
import { humanize, styleOf } from './style.js';
import { expandRaw } from './template.js';
import type { Stance } from './topic.js';
import type { CorpusLabel } from './types.js';
import { addDraft, MINUTE, pickParent } from './world.js';
import type { Draft, Thread, World } from './world.js';

// Who writes an organic comment: someone already in the thread, a site regular, a new account, or
// nobody (anonymous).
export function organicAuthor(world: World, local: readonly (string | null)[], avoid: string | null): string | null {
  const r = world.rng;
  const x = r.next();
  if (x < 0.03) return null;
  if (x < 0.11 && local.length > 0) {
    const again = r.pick(local);
    if (again !== null && again !== avoid) return again;
  }
  if (x < 0.22) {
    // Zipf-like: the first regulars are the most prolific commenters of the site.
    const regular = world.regulars[Math.floor(world.regulars.length * r.next() ** 2)];
    if (regular !== avoid) return regular;
  }
  return world.handles.fresh();
}

function organicOffset(r: Random): number {
  // Front-loaded over the first ~12 hours, with a long tail into the following days.
  const minutes = r.chance(0.08) ? 720 + r.next() * 3000 : 2 + 720 * r.next() ** 2.4;
  return Math.round(minutes) * MINUTE + r.int(0, 59) * 1000;
}

type OrganicKind = 'opinion' | 'popular' | 'article-quote' | 'popular-quote' | 'short' | 'link';

function planThread(r: Random, n: number): OrganicKind[] {
  const plan: OrganicKind[] = new Array<OrganicKind>(n).fill('opinion');
  const place = (kind: OrganicKind, count: number, from: number): void => {
    for (let placed = 0, tries = 0; placed < count && tries < 50 && from < n; tries++) {
      const i = r.int(from, n - 1);
      if (plan[i] === 'opinion') {
        plan[i] = kind;
        placed++;
      }
    }
  };
  const popular = r.int(0, Math.min(3, n - 1));
  plan[popular] = 'popular';
  place('article-quote', n >= 12 ? r.int(2, 4) + (n >= 40 ? 1 : 0) : n >= 6 ? r.int(0, 2) : 0, 1);
  if (n >= 16) place('popular-quote', r.int(2, 4), popular + 3);
  for (let i = 0; i < n; i++) {
    if (plan[i] !== 'opinion') continue;
    const x = r.next();
    if (x < 0.12) plan[i] = 'short';
    else if (x < 0.15) plan[i] = 'link';
  }
  return plan;
}

function quoteText(r: Random, quote: string, reaction: string): string {
  return r.weighted<string>([
    [`"${quote}"\n\n${reaction}`, 3],
    [`> ${quote}\n\n${reaction}`, 2],
    [`"${quote}" ${reaction}`, 3],
    [`${r.pick(QUOTE_INTROS)} "${quote}" ${reaction}`, 2],
    [`${reaction} "${quote}"`, 1],
  ]);
}

export function growOrganicThread(world: World, thread: Thread, n: number): void {
  if (n <= 0) return;
  const r = world.rng;
  const times = Array.from({ length: n }, () => thread.publishedAt + organicOffset(r)).sort((a, b) => a - b);
  const plan = planThread(r, n);
  const local: (string | null)[] = [];
  let popular: Draft | null = null;
  let popularLine = '';

  for (let i = 0; i < n; i++) {
    const time = times[i];
    let kind = plan[i];
    if (kind === 'popular-quote' && (popular === null || popular.time >= time - 60_000)) kind = 'opinion';
    const parent = kind === 'popular-quote' ? popular : pickParent(world, thread, time);
    const author = organicAuthor(world, local, parent?.author ?? null);
    local.push(author);
    const style = styleOf(author, r);
    let reply: Draft | null = null;
    let text: string;
    let stance: Stance | null = null;
    let mood: ReplyMood = null;

    switch (kind) {
      case 'popular': {
        stance = stanceFor(world, thread, author, null);
        text = opinionText(world, thread, stance, null, r.int(4, 6));
        break;
      }
      case 'article-quote': {
        stance = stanceFor(world, thread, author, null);
        let quote = r.chance(0.75) ? thread.keySentence : r.pick(thread.article);
        if (r.chance(0.2) && quote.includes(', ')) quote = quote.split(', ')[0];
        const reaction = r.chance(0.4) ? r.pick(QUOTE_REACTIONS) : opinionText(world, thread, stance, null, r.int(1, 2));
        text = quoteText(r, quote, reaction);
        if (parent && r.chance(0.3)) reply = parent;
        break;
      }
      case 'popular-quote': {
        const lines = splitSentences(popular?.text ?? '').filter((l) => l.length > 30);
        const line = r.chance(0.65) || lines.length === 0 ? popularLine : r.pick(lines);
        const agrees = r.chance(0.7);
        stance = stanceFor(world, thread, author, agrees ? (popular?.stance ?? null) : null);
        const reaction = agrees && r.chance(0.6) ? r.pick(SHORT_REPLIES)[0] : opinionText(world, thread, stance, agrees ? 'agree' : 'disagree', r.int(1, 3));
        text = quoteText(r, line, reaction);
        reply = popular;
        break;
      }
      case 'short': {
        if (parent && r.chance(0.75)) {
          reply = parent;
          text = r.weighted(SHORT_REPLIES);
        } else text = r.weighted(SHORT_TOP_LEVEL);
        break;
      }
      case 'link': {
        const url = expandRaw(r.pick(thread.topic.links), thread.entities, r);
        stance = stanceFor(world, thread, author, null);
        text = r.weighted<string>([
          [`${r.pick(LINK_LEADS)} ${url}`, 3],
          [url, 1],
          [`${opinionText(world, thread, stance, null, r.int(1, 2))} ${url}`, 2],
          [`${opinionText(world, thread, stance, null, 1)}\n\n${r.pick(LINK_LEADS)} ${url}`, 2],
        ]);
        if (parent && r.chance(0.4)) reply = parent;
        break;
      }
      default: {
        if (parent && r.chance(0.55)) {
          reply = parent;
          stance = stanceFor(world, thread, author, parent.stance);
          mood = parent.stance === null || stance === 'mixed' ? 'neutral' : stance === parent.stance ? 'agree' : 'disagree';
          text = opinionText(world, thread, stance, mood);
        } else {
          stance = stanceFor(world, thread, author, null);
          text = opinionText(world, thread, stance, null);
        }
      }
    }
    const label: CorpusLabel = 'organic';
    const draft = addDraft(world, thread, { parent: reply, author, time, text: humanize(text, style, r), label, stance });
    if (kind === 'popular') {
      popular = draft;
      popularLine = splitSentences(text).reduce((a, b) => (b.length > a.length ? b : a), '');
    }
    if (mood === 'disagree' && reply) argueBack(world, thread, draft, reply, 1);
  }
}

// "Replies that argue back": the parent's author answers, and sometimes the exchange goes on.
function argueBack(world: World, thread: Thread, reply: Draft, parent: Draft, depth: number): void {
  const r = world.rng;
  if (depth > 3 || parent.author === null || parent.author === reply.author) return;
  if (!r.chance(depth === 1 ? 0.35 : 0.3)) return;
  const stance = parent.stance ?? stanceFor(world, thread, parent.author, reply.stance);
  const text = humanize(opinionText(world, thread, stance, 'argue'), styleOf(parent.author, r), r);
  const time = reply.time + r.int(3, 75) * MINUTE + r.int(0, 59) * 1000;
  const back = addDraft(world, thread, { parent: reply, author: parent.author, time, text, label: 'organic', stance });
  argueBack(world, thread, back, reply, depth + 1);
}
