// Deterministic generator of labeled comment corpora for tuning and evaluating the detector.
//
// Organic threads are composed from topic-specific fragments (claims on both sides, anecdotes,
// questions, hedges, quotes of the article and of popular comments, generic one-liners), so
// organic comments share vocabulary the way real on-topic comments do. Campaigns are written to be
// recognisable to a human as coordinated (copies, form letters, paraphrases of one talking point,
// agree-and-echo replies, a slow drip of one template) without being trivially identical.
//
// This file is long because the phrase banks are data: the logic is in the first half, the banks
// (one block per topic) in the second.

export type CampaignType = 'copypasta' | 'mailmerge' | 'paraphrase' | 'echo' | 'drip';
export type CorpusLabel = 'organic' | `campaign:${CampaignType}:${string}`;

/** The analyzer's input record, with the ground-truth label always present. */
export interface LabeledComment {
  readonly id: string;
  readonly thread_id: string;
  readonly parent_id: string | null;
  readonly author_id: string | null;
  readonly posted_at: string | null;
  readonly text: string;
  readonly label: CorpusLabel;
}

export interface CampaignSpec {
  readonly type: CampaignType;
  /** Comments the campaign posts in total. */
  readonly members: number;
  /** Threads it posts into. Default: 1 (sometimes 2) for bursts, about one per member for drip.
   * Echo rings always reply inside one thread, next to a paraphrase swarm when there is one. */
  readonly threads?: number;
  /** Topic key (see TOPIC_KEYS). Default: drawn at random. Ignored by drip, which is off-topic. */
  readonly topic?: string;
}

export interface CorpusOptions {
  readonly seed: number;
  readonly threads: number;
  /** Organic comments per thread, inclusive range; argue-back chains and replies to campaign
   * comments come on top (about +10%). Default [15, 60]. */
  readonly organicPerThread?: readonly [number, number];
  /** Default: defaultCampaigns(threads, seed). Pass [] for an all-organic corpus. */
  readonly campaigns?: readonly CampaignSpec[];
  /** Publication time of the first thread. Default 2024-03-04T07:00:00Z. */
  readonly start?: Date;
  /** Threads are published evenly over this many days. Default: threads / 6, clamped to 3..90. */
  readonly days?: number;
  /** Share of comments whose posted_at is blanked to null (the input shape allows it). Default 0. */
  readonly nullTimestampShare?: number;
}

type Stance = 'pro' | 'con' | 'mixed';

// ---------------------------------------------------------------------------------------------
// Seeded randomness: mulberry32, so a seed gives the same corpus on every machine.

class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[items.length - 1][0];
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
}

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

// ---------------------------------------------------------------------------------------------
// Templates: "[a|b|]" chooses one option (may be empty, may nest), "{name}" is a thread entity.
// Parsed once and cached, so expanding 100k comments stays cheap.

type Part = string | { readonly slot: string } | { readonly options: readonly Part[][] };
type Entities = Readonly<Record<string, string>>;

const parsed = new Map<string, Part[]>();

function parseTemplate(src: string): Part[] {
  let i = 0;
  const sequence = (): Part[] => {
    const out: Part[] = [];
    let text = '';
    const flush = (): void => {
      if (text) out.push(text);
      text = '';
    };
    while (i < src.length) {
      const c = src[i];
      if (c === ']' || c === '|') break;
      if (c === '[') {
        flush();
        i++;
        const options: Part[][] = [];
        for (;;) {
          options.push(sequence());
          const d = src[i++];
          if (d === ']') break;
          if (d !== '|') throw new Error(`unclosed "[" in template: ${src}`);
        }
        out.push({ options });
      } else if (c === '{') {
        flush();
        const end = src.indexOf('}', i);
        out.push({ slot: src.slice(i + 1, end) });
        i = end + 1;
      } else {
        text += c;
        i++;
      }
    }
    flush();
    return out;
  };
  const parts = sequence();
  if (i !== src.length) throw new Error(`stray "${src[i]}" in template: ${src}`);
  return parts;
}

function renderParts(parts: readonly Part[], entities: Entities, rng: Random): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') out += part;
    else if ('slot' in part) {
      const value = entities[part.slot];
      if (value === undefined) throw new Error(`unknown template slot {${part.slot}}`);
      out += value;
    } else out += renderParts(rng.pick(part.options), entities, rng);
  }
  return out;
}

function expandRaw(template: string, entities: Entities, rng: Random): string {
  let parts = parsed.get(template);
  if (!parts) {
    parts = parseTemplate(template);
    parsed.set(template, parts);
  }
  return renderParts(parts, entities, rng);
}

function expand(template: string, entities: Entities, rng: Random): string {
  return tidy(expandRaw(template, entities, rng));
}

// Empty options leave double spaces and " ," behind.
function tidy(s: string): string {
  const t = s.includes('  ') || s.includes(' ,') || s.includes(' .') ? s.replace(/ {2,}/g, ' ').replace(/ ([,.;:!?])/g, '$1').trim() : s.trim();
  return t.charAt(0).toUpperCase() + t.slice(1);
}

const KEEP_CAPITAL = /^(?:I(?:'m|'d|'ve|'ll)?\b|[A-Z][A-Z0-9]+\b|[A-Z][a-z]+ [A-Z])/;

// Used after a prefix ("Honestly, ", "Sure, but "): lower-case the sentence start unless it looks
// like "I", an acronym or a proper noun known to the thread.
function lowerStart(sentence: string, properNouns: ReadonlySet<string>): string {
  if (KEEP_CAPITAL.test(sentence)) return sentence;
  const first = sentence.split(/[ ,.]/, 1)[0];
  if (properNouns.has(first)) return sentence;
  return sentence.charAt(0).toLowerCase() + sentence.slice(1);
}

function splitSentences(text: string): string[] {
  return text.match(/[^.!?]+[.!?]+["”’]?|[^.!?]+$/g)?.map((s) => s.trim()).filter(Boolean) ?? [text];
}

// ---------------------------------------------------------------------------------------------
// Account names: organic and campaign accounts come from the same generator, so an id never
// gives the label away.

class Handles {
  private readonly taken = new Set<string>();
  private readonly suffix = new Map<string, number>();

  constructor(private readonly rng: Random) {}

  fresh(): string {
    const r = this.rng;
    const i = Math.floor(r.next() * FIRST_NAMES.length);
    const j = Math.floor(r.next() * LAST_NAMES.length);
    const [first, f] = [FIRST_NAMES[i], FIRST_LOWER[i]];
    const [last, l] = [LAST_NAMES[j], LAST_LOWER[j]];
    const yy = String(r.int(0, 99)).padStart(2, '0');
    let base: string;
    switch (r.weighted(HANDLE_FORMATS)) {
      case 0: base = `${first} ${last}`; break;
      case 1: base = `${first} ${last.charAt(0)}.`; break;
      case 2: base = `${f}${l}`; break;
      case 3: base = `${f}_${l}${r.chance(0.5) ? yy : ''}`; break;
      case 4: base = `${f}.${l.charAt(0)}`; break;
      case 5: base = `${first}${last}${r.int(1, 9999)}`; break;
      case 6: base = `${r.pick(HANDLE_WORDS)}${r.pick(HANDLE_WORDS)}${r.chance(0.6) ? yy : ''}`; break;
      case 7: base = `${r.pick(HANDLE_WORDS)}_${f}`; break;
      default: base = `${f}${yy}`;
    }
    let id = base;
    while (this.taken.has(id)) {
      const n = (this.suffix.get(base) ?? 1) + 1;
      this.suffix.set(base, n);
      // "Patricia A." + 2 reads as "Patricia A 2", the way sites disambiguate display names.
      id = base.includes(' ') ? `${base.replace(/\.$/, '')} ${n}` : `${base}${n}`;
    }
    this.taken.add(id);
    return id;
  }
}

const HANDLE_FORMATS: readonly (readonly [number, number])[] = [[0, 5], [1, 2], [2, 3], [3, 3], [4, 1], [5, 2], [6, 3], [7, 1], [8, 2]];

interface Style {
  readonly lower: boolean;
  readonly noFinalStop: boolean;
  readonly curly: boolean;
  readonly ellipses: boolean;
  readonly typos: boolean;
  readonly emoji: boolean;
  readonly signature: string | null;
}

// A person writes the same way in every comment: derive the quirks from the account id.
function styleOf(author: string | null, rng: Random): Style {
  const r = author === null ? rng : new Random(hashString(author));
  return {
    lower: r.chance(0.08),
    noFinalStop: r.chance(0.2),
    curly: r.chance(0.3),
    ellipses: r.chance(0.08),
    typos: r.chance(0.12),
    emoji: r.chance(0.06),
    signature: author !== null && r.chance(0.03) ? r.pick(SIGNATURES) : null,
  };
}

function humanize(text: string, style: Style, rng: Random): string {
  let t = text;
  if (style.typos && rng.chance(0.5)) t = addTypo(t, rng);
  if (style.ellipses) t = t.replace(/\. (?=[A-Za-z])/g, () => (rng.chance(0.5) ? '... ' : '. '));
  if (style.lower) t = t.toLowerCase().replace(/\bi\b/g, () => (rng.chance(0.6) ? 'i' : 'I'));
  if (style.curly) t = curlyQuotes(t);
  if (style.noFinalStop && /[a-z]\.$/i.test(t)) t = t.slice(0, -1);
  if (style.emoji && rng.chance(0.5)) t += ` ${rng.pick(EMOJI)}`;
  if (style.signature && rng.chance(0.7)) t += `\n\n${style.signature}`;
  return t;
}

function addTypo(text: string, rng: Random): string {
  const [from, to] = rng.pick(MISSPELLINGS);
  if (text.includes(from)) return text.replace(from, to);
  const words = text.split(' ');
  const k = rng.int(0, words.length - 1);
  const w = words[k];
  if (w.length > 4 && /^[a-z]+$/.test(w)) {
    const j = rng.int(1, w.length - 3);
    words[k] = w.slice(0, j) + w[j + 1] + w[j] + w.slice(j + 2);
  }
  return words.join(' ');
}

// ---------------------------------------------------------------------------------------------
// Threads and organic discussion.

interface Topic {
  readonly key: string;
  /** Entities fixed per thread, expanded in order (later ones may use earlier ones). */
  readonly entities: readonly (readonly [string, string])[];
  /** Article sentences readers quote. */
  readonly article: readonly string[];
  readonly pro: readonly string[];
  readonly con: readonly string[];
  readonly mixed: readonly string[];
  readonly anecdotes: readonly string[];
  readonly questions: readonly string[];
  readonly links: readonly string[];
  readonly talkingPoints: readonly TalkingPoint[];
  readonly mailmerge: readonly Script[];
  readonly copypasta: readonly Script[];
}

interface TalkingPoint {
  readonly stance: Stance;
  /** Top-level wordings of the point, LLM-style (a campaign member picks one, adds an opener). */
  readonly paraphrases: readonly string[];
  /** Short restatements used by agree-and-echo replies. */
  readonly echoes: readonly string[];
}

interface Script {
  readonly stance: Stance;
  readonly text: string;
}

interface Thread {
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

interface Draft {
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

interface ParaphraseRun {
  readonly thread: Thread;
  readonly point: TalkingPoint;
  readonly start: number;
  readonly members: readonly Draft[];
  paired: boolean;
}

interface World {
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

type DraftFields = Pick<Draft, 'parent' | 'author' | 'time' | 'text' | 'label' | 'stance'>;

const MINUTE = 60_000;

function addDraft(world: World, thread: Thread, fields: DraftFields): Draft {
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

function makeThread(rng: Random, index: number, topic: Topic, publishedAt: number): Thread {
  const entities: Record<string, string> = {};
  for (const [name, template] of [...COMMON_ENTITIES, ...topic.entities]) {
    let value = expandRaw(template, entities, rng);
    // "street2" must differ from "street".
    const base = name.endsWith('2') ? entities[name.slice(0, -1)] : undefined;
    for (let n = 0; base !== undefined && value === base && n < 8; n++) value = expandRaw(template, entities, rng);
    entities[name] = value;
  }
  entities.citySlug = entities.city.toLowerCase().replace(/[^a-z]/g, '');
  if (entities.stateName) entities.stateSlug = entities.stateName.toLowerCase().replace(/[^a-z]/g, '');
  const properNouns = new Set(PROPER_NOUNS);
  for (const value of Object.values(entities)) if (/^[A-Z]/.test(value)) properNouns.add(value.split(' ')[0]);
  const article = topic.article.map((s) => expand(s, entities, rng));
  return {
    id: `${topic.key}-${String(index + 1).padStart(4, '0')}`,
    topic,
    entities,
    properNouns,
    article,
    keySentence: rng.pick(article),
    publishedAt,
    drafts: [],
    stances: new Map(),
  };
}

function organicAuthor(world: World, local: readonly (string | null)[], avoid: string | null): string | null {
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

function stanceFor(world: World, thread: Thread, author: string | null, parentStance: Stance | null): Stance {
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
type ReplyMood = 'agree' | 'disagree' | 'argue' | 'neutral' | null;

const TOP_LENGTHS: readonly (readonly [number, number])[] = [[1, 24], [2, 26], [3, 20], [4, 12], [5, 8], [6, 5], [7, 3], [8, 2]];
const REPLY_LENGTHS: readonly (readonly [number, number])[] = [[1, 40], [2, 30], [3, 16], [4, 8], [5, 4], [6, 2]];

function attachLead(lead: string, sentences: string[], thread: Thread): void {
  // "Sure, but" / "Honestly," continue the sentence; "No." stands alone.
  if (/[a-z,:]$/.test(lead)) sentences[0] = `${lead} ${lowerStart(sentences[0], thread.properNouns)}`;
  else sentences.unshift(lead);
}

function opinionText(world: World, thread: Thread, stance: Stance, mood: ReplyMood, count?: number): string {
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

function pickParent(world: World, thread: Thread, before: number): Draft | null {
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

function organicOffset(r: Random): number {
  // Front-loaded over the first ~12 hours, with a long tail into the following days.
  const minutes = r.chance(0.08) ? 720 + r.next() * 3000 : 2 + 720 * r.next() ** 2.4;
  return Math.round(minutes) * MINUTE + r.int(0, 59) * 1000;
}

type OrganicKind = 'opinion' | 'popular' | 'article-quote' | 'popular-quote' | 'short' | 'link';

function planThread(r: Random, n: number): { plan: OrganicKind[]; popular: number } {
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
  return { plan, popular };
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

function growOrganicThread(world: World, thread: Thread, n: number): void {
  if (n <= 0) return;
  const r = world.rng;
  const times = Array.from({ length: n }, () => thread.publishedAt + organicOffset(r)).sort((a, b) => a - b);
  const { plan } = planThread(r, n);
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

// Real readers answer campaign comments too: they argue with them or call them out.
function reactToCampaigns(world: World): void {
  const r = world.rng;
  for (const thread of world.threads) {
    const campaignDrafts = thread.drafts.filter((d) => d.label !== 'organic');
    for (const target of campaignDrafts) {
      if (!r.chance(0.08)) continue;
      const author = organicAuthor(world, [], target.author);
      let text: string;
      let stance: Stance | null = null;
      if (r.chance(0.35)) text = expand(r.pick(BOT_CALLOUTS), thread.entities, r);
      else {
        stance = stanceFor(world, thread, author, target.stance);
        const mood: ReplyMood = stance === target.stance ? 'agree' : 'disagree';
        text = opinionText(world, thread, stance, mood);
      }
      const time = target.time + r.int(2, 120) * MINUTE + r.int(0, 59) * 1000;
      addDraft(world, thread, { parent: target, author, time, text: humanize(text, styleOf(author, r), r), label: 'organic', stance });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Campaigns.

// Swarm accounts: mostly fresh ids, but a core of sock puppets is reused across campaigns and
// threads (so account co-occurrence exists), and some members post with no author at all.
class CampaignAccounts {
  private readonly core: string[] = [];

  constructor(
    private readonly rng: Random,
    private readonly handles: Handles,
  ) {}

  next(): string | null {
    const x = this.rng.next();
    if (x < 0.08) return null;
    if (x < 0.2 && this.core.length >= 6) return this.rng.pick(this.core);
    const id = this.handles.fresh();
    if (this.core.length < 40 && this.rng.chance(0.5)) this.core.push(id);
    return id;
  }
}

interface CampaignContext {
  readonly world: World;
  readonly spec: CampaignSpec;
  readonly label: CorpusLabel;
  readonly topic: Topic | null;
}

// Campaigns take threads round-robin from a shuffled queue per topic (and one over all threads),
// so they spread over the corpus instead of piling into a few threads.
function targetThreads(world: World, topic: Topic | null, count: number): Thread[] {
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

function burstStart(r: Random, thread: Thread): number {
  return thread.publishedAt + Math.round(20 + 420 * r.next() ** 1.5) * MINUTE + r.int(0, 59) * 1000;
}

function share(members: number, parts: number, index: number): number {
  return Math.floor(members / parts) + (index < members % parts ? 1 : 0);
}

function post(ctx: CampaignContext, thread: Thread, time: number, text: string, stance: Stance, replyShare: number): Draft {
  const { world } = ctx;
  const parent = world.rng.chance(replyShare) ? pickParent(world, thread, time) : null;
  return addDraft(world, thread, { parent, author: world.accounts.next(), time, text, label: ctx.label, stance });
}

function runCopypasta(ctx: CampaignContext, topic: Topic): void {
  const { world, spec } = ctx;
  const r = world.rng;
  const threads = targetThreads(world, topic, spec.threads ?? (r.chance(0.2) ? 2 : 1));
  const script = r.pick(topic.copypasta);
  const text = expand(script.text, threads[0].entities, r);
  threads.forEach((thread, i) => {
    let time = burstStart(r, thread);
    for (let m = 0; m < share(spec.members, threads.length, i); m++) {
      time += r.int(8, 100) * 1000;
      post(ctx, thread, time, obfuscate(text, r), script.stance, 0.35);
    }
  });
}

function runMailmerge(ctx: CampaignContext, topic: Topic): void {
  const { world, spec } = ctx;
  const r = world.rng;
  const threads = targetThreads(world, topic, spec.threads ?? (r.chance(0.25) ? 2 : 1));
  const script = r.pick(topic.mailmerge);
  const seen = new Set<string>();
  // Form-letter tools often submit at a fixed cadence.
  const cadence = r.chance(0.4) ? r.int(45, 120) : 0;
  threads.forEach((thread, i) => {
    let time = burstStart(r, thread);
    for (let m = 0; m < share(spec.members, threads.length, i); m++) {
      time += (cadence ? cadence + r.int(-3, 3) : r.int(20, 240)) * 1000;
      let text = expand(script.text, thread.entities, r);
      for (let n = 0; seen.has(text) && n < 8; n++) text = expand(script.text, thread.entities, r);
      seen.add(text);
      post(ctx, thread, time, text, script.stance, 0.1);
    }
  });
}

function leastUsedPoint(world: World, topic: Topic): TalkingPoint {
  const points = world.rng.shuffle(topic.talkingPoints).sort((a, b) => (world.pointUse.get(a) ?? 0) - (world.pointUse.get(b) ?? 0));
  world.pointUse.set(points[0], (world.pointUse.get(points[0]) ?? 0) + 1);
  return points[0];
}

function curlyQuotes(text: string): string {
  return text.replace(/(^|[\s("])'/g, '$1‘').replace(/'/g, '’');
}

function runParaphrase(ctx: CampaignContext, topic: Topic): void {
  const { world, spec } = ctx;
  const r = world.rng;
  const point = leastUsedPoint(world, topic);
  const threads = targetThreads(world, topic, spec.threads ?? 1);
  const curly = r.chance(0.6);
  const order = r.shuffle(point.paraphrases.map((_, i) => i));
  let m = 0;
  threads.forEach((thread, i) => {
    const start = burstStart(r, thread);
    let time = start;
    const members: Draft[] = [];
    for (let k = 0; k < share(spec.members, threads.length, i); k++, m++) {
      time += r.int(40, 420) * 1000;
      const sentences = splitSentences(expand(point.paraphrases[order[m % order.length]], thread.entities, r));
      if (sentences.length >= 3 && r.chance(0.15)) sentences.pop();
      const opener = r.chance(0.35) ? expand(r.pick(PARAPHRASE_OPENERS), thread.entities, r) : null;
      // "Great reporting, but I understand..., but" reads wrong even for a bot.
      if (opener && !(opener.endsWith('but') && sentences[0].includes(' but '))) attachLead(opener, sentences, thread);
      if (r.chance(0.22)) sentences.push(r.pick(PARAPHRASE_CLOSERS));
      const text = sentences.join(' ');
      members.push(post(ctx, thread, time, curly ? curlyQuotes(text) : text, point.stance, 0.12));
    }
    world.paraphraseRuns.push({ thread, point, start, members, paired: false });
  });
}

function runEcho(ctx: CampaignContext, topic: Topic | null): void {
  const { world, spec } = ctx;
  const r = world.rng;
  // Echo rings usually back a paraphrase swarm in the same thread (the seed thread's pattern).
  const runs = world.paraphraseRuns.filter((run) => !run.paired && (topic === null || run.thread.topic === topic));
  const run = runs.length > 0 && r.chance(0.85) ? r.pick(runs) : null;
  let thread: Thread;
  let point: TalkingPoint;
  let start: number;
  if (run) {
    run.paired = true;
    thread = run.thread;
    point = run.point;
    start = run.start;
  } else {
    const chosenTopic = topic ?? r.pick(TOPICS);
    thread = targetThreads(world, chosenTopic, 1)[0];
    point = leastUsedPoint(world, thread.topic);
    start = burstStart(r, thread);
  }
  const campaignParents = r.shuffle(run ? run.members.filter((d) => d.parent === null) : []);
  const organicParents = thread.drafts.filter(
    (d) => d.label === 'organic' && d.time < start + 30 * MINUTE && d.text.length > 40 && (d.stance === point.stance || d.stance === 'mixed'),
  );
  const curly = r.chance(0.6);
  const echoes = r.shuffle(point.echoes);
  for (let m = 0; m < spec.members; m++) {
    let parent: Draft | undefined;
    if (campaignParents.length > 0 && (organicParents.length === 0 || r.chance(0.7))) parent = campaignParents.shift();
    else if (organicParents.length > 0) parent = r.pick(organicParents);
    else parent = r.pick(thread.drafts);
    if (!parent) break;
    const time =
      parent.label === 'organic'
        ? Math.max(parent.time + 2 * MINUTE, start + r.int(0, 30) * MINUTE) + r.int(0, 59) * 1000
        : parent.time + r.int(1, 12) * MINUTE + r.int(0, 59) * 1000;
    const sentences = [r.pick(ECHO_OPENERS), echoes[m % echoes.length]];
    if (r.chance(0.2)) sentences.push(echoes[(m + 1) % echoes.length]);
    else if (r.chance(0.1)) sentences.push(r.pick(PARAPHRASE_CLOSERS));
    const text = sentences.join(' ');
    addDraft(world, thread, {
      parent,
      author: world.accounts.next(),
      time,
      text: curly ? curlyQuotes(text) : text,
      label: ctx.label,
      stance: point.stance,
    });
  }
}

function runDrip(ctx: CampaignContext): void {
  const { world, spec } = ctx;
  const r = world.rng;
  const count = Math.min(world.threads.length, spec.threads ?? Math.max(3, Math.round(spec.members * 0.85)));
  const threads = targetThreads(world, null, count).sort((a, b) => a.publishedAt - b.publishedAt);
  const script = r.pick(DRIP_SCRIPTS);
  // A handful of accounts carry the drip, each showing up in several threads.
  const pool = Array.from({ length: Math.max(2, Math.ceil(spec.members / 5)) }, () => world.accounts.next());
  for (let m = 0; m < spec.members; m++) {
    const thread = threads[m % threads.length];
    const time = thread.publishedAt + r.int(30, 600) * MINUTE + r.int(0, 59) * 1000;
    const parent = r.chance(0.2) ? pickParent(world, thread, time) : null;
    addDraft(world, thread, { parent, author: r.pick(pool), time, text: expand(script, thread.entities, r), label: ctx.label, stance: null });
  }
}

const ZERO_WIDTH = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF'];

const LOOKALIKES: Readonly<Record<string, readonly string[]>> = {
  a: ['\u0430'], // Cyrillic а
  e: ['\u0435'], // Cyrillic е
  o: ['\u043E', '\u03BF'], // Cyrillic о, Greek ο
  p: ['\u0440'], // Cyrillic р
  c: ['\u0441'], // Cyrillic с
  x: ['\u0445'],
  y: ['\u0443'],
  i: ['\u0456'],
  A: ['\u0410', '\u0391'],
  E: ['\u0415', '\u0395'],
  O: ['\u041E', '\u039F'],
  P: ['\u0420'],
  C: ['\u0421'],
  T: ['\u0422'],
  H: ['\u041D'],
  M: ['\u041C'],
};

// Copypasta members defeat naive exact matching the way real swarms do.
function obfuscate(text: string, r: Random): string {
  if (r.chance(0.1)) return text;
  let t = text;
  let applied = 0;
  if (r.chance(0.3)) {
    t = changeCase(t, r);
    applied++;
  }
  if (r.chance(0.45)) {
    t = punctuationNoise(t, r);
    applied++;
  }
  if (r.chance(0.55)) {
    const rate = 0.05 + 0.3 * r.next();
    t = Array.from(t, (ch) => (LOOKALIKES[ch] && r.chance(rate) ? r.pick(LOOKALIKES[ch]) : ch)).join('');
    applied++;
  }
  if (r.chance(0.55) || applied === 0) {
    const chars = Array.from(t);
    for (let n = r.int(1, 8); n > 0; n--) chars.splice(r.int(1, chars.length - 1), 0, r.pick(ZERO_WIDTH));
    t = chars.join('');
  }
  if (r.chance(0.35)) t = whitespaceNoise(t, r);
  return t;
}

function changeCase(t: string, r: Random): string {
  switch (r.int(0, 3)) {
    case 0:
      return t.toLowerCase();
    case 1:
      return t.toUpperCase();
    case 2:
      return t.replace(/\b[A-Z]{3,}\b/g, (w) => w.charAt(0) + w.slice(1).toLowerCase());
    default:
      return t.replace(/\b[a-z]{4,}\b/g, (w) => (r.chance(0.12) ? w.toUpperCase() : w));
  }
}

function punctuationNoise(t: string, r: Random): string {
  switch (r.int(0, 5)) {
    case 0:
      return t.replace(/!+/g, '!');
    case 1:
      return `${t.replace(/[.!]+$/, '')}!!!`;
    case 2:
      return t.replace('. ', '... ');
    case 3:
      return t.replace(/,/g, '');
    case 4:
      return t.replace(/:/g, ' -').replace(/!+/g, '!!');
    default:
      return t.replace(/\./g, () => (r.chance(0.3) ? '!' : '.'));
  }
}

function whitespaceNoise(t: string, r: Random): string {
  const spaced = t.replace(/ /g, () => r.weighted<string>([[' ', 20], ['  ', 2], ['\u00A0', 1]]));
  const broken = r.chance(0.4) ? spaced.replace('. ', '.\n') : spaced;
  return r.chance(0.3) ? ` ${broken} ` : broken;
}

// ---------------------------------------------------------------------------------------------
// Entry points.

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
  for (const { spec, id } of ordered) {
    if (spec.members <= 0) continue;
    const named = spec.topic === undefined ? undefined : TOPICS.find((t) => t.key === spec.topic);
    if (spec.topic !== undefined && !named) throw new Error(`unknown topic "${spec.topic}"; known: ${TOPIC_KEYS.join(', ')}`);
    const topic = named ?? (spec.type === 'echo' ? null : rng.pick(TOPICS));
    const ctx: CampaignContext = { world, spec, label: `campaign:${spec.type}:${id}`, topic };
    if (spec.type === 'copypasta') runCopypasta(ctx, topic ?? rng.pick(TOPICS));
    else if (spec.type === 'mailmerge') runMailmerge(ctx, topic ?? rng.pick(TOPICS));
    else if (spec.type === 'paraphrase') runParaphrase(ctx, topic ?? rng.pick(TOPICS));
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

/** The campaign mix used when options.campaigns is omitted: per ten threads one campaign of each
 * burst type (copypasta, mailmerge, paraphrase, echo), plus one drip per 25 threads. */
export function defaultCampaigns(threads: number, seed: number): CampaignSpec[] {
  const r = new Random(seed ^ 0x5eed5eed);
  const specs: CampaignSpec[] = [];
  const units = Math.max(1, Math.round(threads / 10));
  for (let i = 0; i < units; i++) {
    specs.push({ type: 'copypasta', members: r.int(8, 30) });
    specs.push({ type: 'mailmerge', members: r.int(12, 40) });
    specs.push({ type: 'paraphrase', members: r.int(6, 16) });
    specs.push({ type: 'echo', members: r.int(5, 14) });
  }
  for (let i = 0; i < Math.max(1, Math.round(threads / 25)); i++) specs.push({ type: 'drip', members: r.int(8, 20) });
  return specs;
}

// Mean comments per thread with the default options, measured (organic + campaigns + reactions).
const COMMENTS_PER_THREAD = 48.5;

/** Options for a corpus of about `comments` comments (within a few percent), e.g. 100_000. */
export function corpusOptionsForSize(comments: number, seed = 1): CorpusOptions {
  return { seed, threads: Math.max(1, Math.round(comments / COMMENTS_PER_THREAD)) };
}

// ---------------------------------------------------------------------------------------------
// Phrase banks shared by all topics.

const FIRST_NAMES = [
  'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William',
  'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Chris', 'Karen', 'Daniel', 'Lisa', 'Matt',
  'Nancy', 'Mark', 'Betty', 'Steve', 'Sandra', 'Paul', 'Ashley', 'Andrew', 'Emily', 'Josh', 'Donna', 'Kevin',
  'Michelle', 'Brian', 'Carol', 'George', 'Amanda', 'Tim', 'Melissa', 'Ryan', 'Deb', 'Jason', 'Stephanie', 'Eric',
  'Rebecca', 'Jake', 'Laura', 'Gary', 'Sharon', 'Nick', 'Cynthia', 'Jon', 'Kathleen', 'Ray', 'Amy', 'Sam', 'Angela',
  'Luis', 'Maria', 'Ahmed', 'Priya', 'Wei', 'Mei', 'Tomas', 'Ana', 'Dmitri', 'Olga', 'Kwame', 'Aisha', 'Elijah', 'Amelia',
];

const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez',
  'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Perez',
  'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King',
  'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores', 'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera',
  'Campbell', 'Mitchell', 'Carter', 'Roberts', 'Ortiz', 'Whitfield', 'Nakamura', 'Brennan', 'Okafor', 'Delgado',
  'Hughes', 'Kowalski', 'Lindqvist', 'Moreau', 'Patel', 'Sullivan', 'Chen', 'Abernathy', 'Reyes', 'Fischer', 'Grant', 'Haddad',
];

const HANDLE_WORDS = [
  'river', 'oak', 'maple', 'dad', 'mom', 'runner', 'cyclist', 'skeptic', 'voter', 'local', 'taxpayer', 'lake', 'pine',
  'hawk', 'fox', 'oldguy', 'blue', 'red', 'sunny', 'coffee', 'dog', 'cat', 'bike', 'fish', 'hiker', 'citizen', 'reader',
  'grumpy', 'honest', 'quiet', 'buckeye', 'thinker', 'teacher', 'nurse', 'retired', 'harbor', 'north', 'south',
];

const FIRST_LOWER = FIRST_NAMES.map((n) => n.toLowerCase());
const LAST_LOWER = LAST_NAMES.map((n) => n.toLowerCase());
const SURNAME = `[${LAST_NAMES.join('|')}]`;

const COMMON_ENTITIES: readonly (readonly [string, string])[] = [
  ['city', '[Riverton|Maple Falls|Eastport|Cedar Hill|Lakewood|Fairview|Brookhaven|Millbrook|Port Ellis|Harlow|Westbury|Oak Ridge|Kingsford|Ashland|Greenfield|Bayview|Stonebridge|Pinecrest|Clearwater|Northgate]'],
  ['mayor', `Mayor ${SURNAME}`],
  ['official', `[Councilmember|Council member] ${SURNAME}`],
  ['neighborhood', '[Northside|Old Town|the Flats|Riverside|Eastgate|Hillcrest|the West End|Southport|Midtown|Linden Park|Elmwood|Fox Hollow]'],
  ['street', '[Main Street|Elm Street|Fifth Avenue|Harbor Road|Grand Avenue|Lincoln Boulevard|Maple Avenue|Division Street|Water Street|Park Avenue|Broad Street|Market Street]'],
  ['street2', '[Main Street|Elm Street|Fifth Avenue|Harbor Road|Grand Avenue|Lincoln Boulevard|Maple Avenue|Division Street|Water Street|Park Avenue|Broad Street|Market Street]'],
  ['vote', '[6-3|5-4|7-2|8-1|5-2|4-3]'],
];

// Capitalised words that start sentences in the banks and must stay capitalised after a prefix.
const PROPER_NOUNS = [
  'Seattle', 'California', 'Uvalde', 'Portland', 'Minneapolis', 'Austin', 'Montreal', 'Copenhagen', 'Amsterdam',
  'Denmark', 'Scotland', 'Block', 'NOAA', 'TikTok', 'Cedar', 'Oak', 'Mayor', 'Councilmember', 'Council', 'Gov.',
  'Superintendent', 'Main', 'CEO',
];

const SIGNATURES = ['- Gary', '— Ray', 'Semper Fi.', '- a tired dad', 'Go Tigers!', '-- M.K.', 'Cheers, Dot'];
const EMOJI = ['🙄', '👍', '😂', '🤷', '👏', '💯', '😬', '🤦‍♂️'];
const MISSPELLINGS: readonly (readonly [string, string])[] = [
  ['definitely', 'definately'], ['their ', 'there '], ["you're", 'your'], ["it's", 'its'], ['a lot', 'alot'],
  ['separate', 'seperate'], ['because', 'becuase'], ['really', 'realy'], ['government', 'goverment'], ['believe', 'beleive'],
];

const GENERAL_REMARKS = [
  '[Nothing about this|None of this] surprises me[ anymore|].',
  'Same story every [time|year] in {city}.',
  "We'll see how it [goes|plays out] in a year.",
  '[This town|{city}], I swear.',
  "[I've lived here|I've been here] [twenty|thirty|eleven] years and [it's always the same|nothing ever changes|this keeps happening].",
  '[The comments here|This comment section] [are|is] [something else|wild|exactly what I expected].',
  '[Honestly|Frankly] [the|this] [reporting|article] [could have|should have] [included more numbers|talked to more people].',
  "[Anyway|Whatever], [rant over|that's my take|I've said my piece].",
  '[People|Folks] [need to|should] [actually read|read] [the article|the whole article] before [commenting|getting mad].',
  "[Nobody|No one] [here|in this thread] [is going to change anyone's mind|is changing their mind], [I know|lol].",
  "[I'll believe it when I see it|Believe it when I see it].",
  "[Call|Email] your [representatives|elected officials] [if you care|either way], [that's the only thing that works|it actually matters].",
  "[It's|This is] [a lot more complicated|more complicated] than [either side|the headline] [makes it sound|wants to admit].",
  '[Glad|Good that] [the paper|somebody] [is covering|covered] this[, at least|].',
];

const HEDGES = [
  'but I could be wrong', 'at least in my experience', "for what it's worth", "from what I've seen",
  "unless I'm missing something", 'but what do I know', 'if you ask me', 'honestly',
];
const STANDALONE_HEDGES = ['Just my two cents.', 'Time will tell.', "We'll see.", 'Could be wrong though.', 'Anyway.', 'Rant over.', 'Just saying.', 'My 2c.'];

const AGREE_LEADS = [
  'Agreed.', 'Agreed, and', 'Exactly.', 'This.', 'Yes, and', 'Right?', '100%.', 'Same here.', "You're right.",
  'Good point.', 'I agree.', 'Well said.', 'Valid point.', 'Yep.', 'Absolutely.', 'Totally agree,', 'This is it.',
];
const DISAGREE_LEADS = [
  "That's just not true.", 'No.', 'Hard disagree.', 'Respectfully, no.', "I don't think that's right.",
  'Did you read the article?', 'Source?', "You're missing the point.", 'Come on.', 'Sure, but', 'I hear you, but',
  'Fair, but', 'Except', 'Nope.', 'Not really.', "That's a stretch.", 'Eh,', 'Ok but', "That's not what the article says.", 'Counterpoint:',
];
const ARGUE_LEADS = [
  'I did read it.', 'Read my comment again.', 'I never said that.', 'Ok, and?', 'You keep saying that, but', 'Again,',
  "That's literally my point.", 'Whatever you say.', 'Not what I said.', 'Sigh.', 'Cool story, but', "And I'm telling you,", 'Yes, really.',
];
const OPENERS = [
  'Honestly,', 'Look,', 'I mean,', 'IMO,', 'Not gonna lie,', 'Ok so', "Here's the thing:", 'Full disclosure,', 'Real talk:',
  'As a {city} resident,', 'As someone who lives here,', 'Long-time reader here.', 'First time commenting.', 'Ugh.', 'Wow.', 'Well,',
];

const QUOTE_INTROS = ['From the article:', 'The article says', 'Direct quote:', 'Key line:', 'Buried in paragraph four:', 'This part:'];
const QUOTE_REACTIONS = [
  'This is the part that matters.', 'And there it is.', "That's the whole story right there.", 'Ha. Sure.', 'Read that again.',
  "So who's surprised?", 'This sentence is doing a lot of work.', 'Interesting wording.', 'That says it all.',
  'Well, that settles it.', "Yeah, we'll see.", "Funny how that's buried so far down.", 'Nobody seems to have read this part.',
];

// Generic one-liners real readers post by the hundred; the detector must not flag them.
const SHORT_REPLIES: readonly (readonly [string, number])[] = [
  ['Agreed.', 6], ['This.', 4], ['This!', 2], ['Well said.', 3], ['Exactly.', 3], ['So true.', 2], ['100%', 2], ['Yep.', 2],
  ['Nope.', 1], ['lol', 2], ["Couldn't agree more.", 2], ['Same.', 1], ['Thank you!', 1], ['Spot on.', 1], ['Well put.', 1],
  ['+1', 1], ['Amen.', 1], ['Ha!', 1], ['Sure, Jan.', 1], ['👍', 1], ['This 👆', 1], ['Facts.', 1], ['Bingo.', 1],
  ['Yikes.', 1], ['What a take.', 1], ['^ this', 1], ['Nailed it.', 1], ['Agreed', 2], ['I agree.', 2], ['No.', 1],
];
const SHORT_TOP_LEVEL: readonly (readonly [string, number])[] = [
  ['Great article', 4], ['Great article.', 2], ['Finally!', 2], ['About time.', 2], ['Good.', 2], ['Ridiculous.', 2],
  ['What a joke.', 1], ['Not surprised.', 2], ['Typical.', 1], ['Good news.', 2], ['Terrible decision.', 1],
  ['Thank you for reporting this.', 2], ['Well, here we go.', 1], ['Sad.', 1], ['Bravo 👏', 1], ['lol', 1],
  ['Great reporting.', 1], ['Smart move.', 1], ['Good call.', 1], ['Here we go again.', 1], ['Big mistake.', 1], ['Love this.', 1],
];

const LINK_LEADS = [
  "Here's the full report:", 'Agenda and vote record here:', 'For anyone who wants the actual data:', 'Worth reading:',
  'Source:', 'The study they mention:', 'Full text:', 'Video of the meeting:', 'Background:',
];

const BOT_CALLOUTS = [
  '[Is it just me or are|Anyone else notice] half the comments [here|in this thread] [are saying|say] the same thing?',
  '[Lots of|So many] brand new accounts [in this thread|commenting here] all of a sudden.',
  'Why do so many of these comments [sound identical|read the same|use the exact same words]?',
  'Nice copy[ and|/]paste[.|, guys.]',
  '[Bot.|Bot account.|Obvious bot.]',
  'This exact comment [is posted|shows up] like [ten|six|a dozen] times [in this thread|on this page].',
  'Did someone hand out a script[?| today?]',
  '[Reported.|Flagged.] This is spam.',
  'Weird how this got posted by [five|six|a bunch of] different people in [ten|fifteen] minutes.',
  '[Reads like|Sounds like] ChatGPT wrote it.',
  'Who is paying for all these comments?',
];

const PARAPHRASE_OPENERS = [
  'Interesting article.', 'Thanks for covering this.', 'This is an important discussion.', "I've been following this closely.",
  'As a longtime {city} resident,', 'Speaking as a parent,', 'Honestly,', 'To be fair,', 'Just my perspective, but',
  'I have to say,', 'Great reporting, but', 'With respect,',
];
const PARAPHRASE_CLOSERS = [
  'Just my two cents.', 'Something to think about.', 'Curious what others think.', 'Food for thought.',
  'We deserve better than this.', "Let's hope someone is listening.", 'Hopefully cooler heads prevail.', 'This deserves more attention.',
];
const ECHO_OPENERS = [
  'Exactly.', 'Valid point.', 'Absolutely.', 'Agreed.', 'I agree.', 'Well said.', "Couldn't agree more.", 'So true.',
  'Spot on.', 'Precisely.', 'This is so important.', 'Great point.',
];

// Off-topic templates posted slowly across many threads over days.
const DRIP_SCRIPTS = [
  "[Before you|Before anyone] [form an opinion|believes any of this|takes this at face value], [look into|check] who [funds|bankrolls|is behind] [this paper|this outlet|the people quoted here]. [Follow the money|It's always the same people|The truth is out there if you look]. [Real coverage|The other side of the story|Independent reporting] at [truthledger dot net|truthledger.net|truth ledger (dot) net].",
  '[Remember|Don\'t forget|Reminder]: [every one of these|each of these|all of these] [decisions|votes|policies] [gets|got] made by [people you never really chose|the same insiders|a handful of insiders] [behind closed doors|who answer to donors]. [Vote them all out|Vote every incumbent out|Time to vote them all out] [in November|next election|this fall]. #TakeBackOurTown',
  "[Great|Interesting|Good] [discussion|points|thread] [everyone|here|all]. [If you want|For anyone who wants|Anyone who wants] [the full picture|the numbers they don't print|the other side], [I put together|I wrote up|there's] [a short|a quick|a] [breakdown|summary|rundown] at [civicfacts-now.org|civicfactsnow dot org|civicfacts-now (dot) org].",
];

// ---------------------------------------------------------------------------------------------
// Topic: a city council approves protected bike lanes.

const BIKE_LANES: Topic = {
  key: 'bike-lanes',
  entities: [
    ['parking', '[80|95|110|140|165|210]'],
    ['crashes', '[37|52|64|81|96|128]'],
    ['amount', '[$2.6 million|$3.8 million|$4.4 million|$5.1 million|$6.9 million]'],
  ],
  article: [
    'The {city} City Council voted {vote} on Tuesday night to approve a plan that adds protected bike lanes along {street} and part of {street2}.',
    'The design removes about {parking} on-street parking spaces, a change several business owners said would hurt their sales.',
    'City traffic engineers counted {crashes} crashes involving cyclists or pedestrians on the corridor over the past five years.',
    'Construction is expected to start in the spring and cost roughly {amount}, most of it covered by a state transportation grant.',
    '{official}, who voted against the plan, said the council had rushed a decision that affects every driver in the city.',
  ],
  pro: [
    "[Protected|Separated|Physically separated] bike lanes [save lives|reduce serious crashes|make streets safer for everyone], [and the data on that is pretty clear|full stop|that's been shown in city after city|it's not complicated].",
    "[My kid|My daughter|My son|My teenager] [bikes|rides] to [school|practice|work] [on|along] {street} and [I'm nervous every single time|I hold my breath every morning|it's honestly terrifying with the way people drive there].",
    '{crashes} crashes in five years [is way too many|should have been enough to act years ago|is not a small number][ for one corridor| on one street|].',
    "[Every|Pretty much every] city that [built|put in] [real|protected] bike [lanes|infrastructure] [saw|ended up with] more people [riding|on bikes], and [the businesses survived|the sky didn't fall|the shops did fine].",
    "The parking [argument|complaint|panic] [comes up every time|shows up every single time] and [it's almost always overblown|it almost never holds up|it's usually wrong].",
    '[Studies keep finding|A lot of studies find|Most of the research shows] that people who [walk or bike|arrive on foot or by bike] [spend more per month|visit more often|shop more often] than people who drive in.',
    "[Good|Great|Glad to see it]. [It's about time|About time|Finally] {city} [caught up with other cities on this|did what everyone else did years ago|got on board].",
    "[Most of the cost|The bulk of it|Most of the money] is [covered by|coming from] a state grant, so [the 'waste of taxpayer money' line|the tax complaint] [doesn't really hold up|is a bit of a stretch].",
    "[I used to|I'd] [drive|take the car] for [short errands|trips under two miles|everything] but [I'd happily|I would gladly|I'd] [bike|ride] if [it felt|{street} felt] [safe|even a little safer].",
    "[Painted lines don't protect anyone|Paint doesn't protect anyone|Paint does nothing when a truck drifts over], so [I'm glad|good that] [they went with|this plan has] [actual|physical] [barriers|curbs|separation].",
    '[Fewer cars|Less traffic] on {street} [is kind of the point|is the goal], [not a side effect|not a bug].',
    "[Kids|Teenagers|Older people who can't drive anymore] [deserve|should have] a [safe|decent] way to get around [without a car|that doesn't depend on someone driving them].",
    '[Drivers|People in cars] [benefit too|win here too]: [every bike|every person on a bike] is one less car [in front of you|at the light|looking for parking].',
    "[I've|We've] [lived on|been on] {street} for [ten|fifteen|twenty] years and [the speeding|the speeding at night|how fast people go] is [out of control|the real problem]. [Anything that narrows it|Narrowing the road] [helps|is a win].",
  ],
  con: [
    '[Removing|Taking out|Losing] {parking} parking spaces [is going to|will] [hurt|gut|kill] [the small businesses|the shops|the restaurants|the little shops] on {street}.',
    '[Who|Nobody] actually [rides|bikes] in [January|February|the winter] [here|around here]? [Those lanes|They] [will sit empty|will be empty] [half the year|for months|most of the year].',
    "[This council|The council] [never listens|doesn't listen|stopped listening a long time ago] to [the people who live here|residents|actual residents]. [The public comment period|The meeting|Public comment] was [a formality|a joke|for show].",
    "[Meanwhile|And yet|Meanwhile,] the potholes [in|on] {neighborhood} [still haven't been fixed|are still there|have been there for years].",
    "[State grant money|'State money'] is still [our money|taxpayer money]. [It doesn't fall from the sky|We pay for it either way].",
    "[Fire trucks|Ambulances|Emergency vehicles] [need room to get through|need that space], and [I haven't seen anyone address that|nobody seems to have thought about that].",
    'Delivery trucks are [going to|just going to] [double park|block a lane] [all day|constantly] [now|without the parking lane|once the parking is gone].',
    "I'm not [against bikes|anti-bike], but [this is the wrong street|{street} is the wrong street for this|this plan was badly designed]. [Why not|What about] {street2}?",
    'Traffic on {street} is already [terrible|a nightmare|bad at rush hour], and [cutting it to one lane|losing a lane][ each way|] [will make it worse|is going to be chaos].',
    "[Older people|My mother|My dad|Seniors] [can't|aren't going to] [ride a bike|bike] to [the doctor|the pharmacy|the grocery store]. [Where are they supposed to park|What about them]?",
    '[Spending|Putting] {amount} on [bike lanes|this] while [the schools|our schools|the buses] [are falling apart|are short on money] [tells you everything|is a choice].',
    '[Every time the city does something like this|Whenever they redo a street], [it goes over budget|it takes twice as long as promised]. [Watch|Just watch|You\'ll see].',
    "[You|We] [see|count] [maybe three|a handful of|like five] cyclists a day on {street}. [I drive it every day|I'm there daily|I walk my dog there every morning].",
    '[Decisions like this|This] should [go to a vote|be on the ballot], not [get decided by|be made by] [nine people|a few people] on a [Tuesday night|weeknight].',
  ],
  mixed: [
    "[I'd|I would] [like to|want to] see [the actual|real] [numbers|counts] on how many people [bike|ride] on {street} [now|today] before [judging|deciding].",
    '[Both sides|People on both sides] [have a point|are talking past each other] [here|on this one].',
    '[Seems like|Sounds like] [a reasonable compromise|a decent plan] [as long as|if] they [keep|leave] [some|a few] [loading zones|short-term spots] for [the shops|deliveries].',
    "[I'm|Honestly I'm] [torn on this|on the fence]. [Safety matters|The safety numbers are real] but [so do the businesses|the parking loss is a real cost too].",
    '[The real test|What matters] is [whether they plow the lanes|snow removal|maintenance], [not the ribbon cutting|not the press release].',
    '[Why not|Would it have killed them to] [pilot it|try it] on [one block|a few blocks] first [and see|to see how it goes]?',
    'I [bike|drive] and I [drive|bike], and [honestly|frankly] [both groups|everybody] [could|needs to] [chill out|be a little more patient].',
  ],
  anecdotes: [
    "[Last week|Yesterday|A couple weeks ago] a [driver|guy in a pickup|delivery van] [nearly|almost] [doored|clipped|right-hooked] me [on|near] {street}[ and didn't even stop|. Didn't even slow down|].",
    '[We|I] [visited|spent a week in] [Montreal|Copenhagen|Minneapolis|Portland|Amsterdam] [last summer|a few years ago] and [the bike lanes there|their setup] [were|was] [great|eye-opening|honestly amazing].',
    "[My shop|Our store|My wife's bakery|My brother's restaurant] is on {street} and [most of our customers|half our customers] [drive in|come by car] from [out of town|the suburbs|the county].",
    '[I|We] [tried biking|rode] to work [for a month|one summer] [last year|a while back] and [gave up|quit] [after|because of] [two close calls|the traffic on {street}|one too many close calls].',
    '[When|Back when] they [did this|put lanes in] on [Cedar|Oak|Third] Street [a few years ago|in 2019], [everyone said the same thing|people said the same thing] and [it turned out fine|now nobody even notices].',
    '[I|My husband|My wife] [drive|drives] a [bus|delivery route|cab] [through|on] {street} and [the worst part|the real problem] is [double parking|people stopping anywhere they want], [not bikes|not cyclists].',
    "I've been [hit by a car|knocked off my bike|doored] [once|twice] [in this city|in {city}], and [the driver said they never saw me|nobody got a ticket|the driver just kept going].",
  ],
  questions: [
    "[Who is|Who's] [paying for|going to pay for] [the maintenance|snow removal in the lanes|upkeep][ after the grant runs out| in five years|]?",
    '[Did anyone|Did the council] [actually ask|talk to|bother to ask] the [business owners|shop owners] on {street} [before voting|first]?',
    '[Where|So where] are [customers|people|the elderly] [supposed to|going to] park [now|then]?',
    '[Why|Why did they pick] {street} and not {street2}?',
    '[What happened to|Whatever happened to] the [bus|transit] [improvements|plan] [they promised|from two years ago]?',
    '[Is there|Are there] [any data|numbers] on [how many people|how many kids] [actually bike|ride] [there|on {street}]?',
    '[How long|How many months] [will construction take|is {street} going to be torn up]?',
  ],
  links: [
    'https://www.{citySlug}.gov/council/meetings/agenda-item-[12|14|17|22].pdf',
    'https://www.{citySlug}.gov/transportation/[street-safety-plan|corridor-study]',
    'https://nacto.org/publication/urban-bikeway-design-guide/',
    'https://www.youtube.com/watch?v=[bkL9Mx0xDqE|f6o8YgUj7Jw|pAt3HkQ2wRc]',
  ],
  talkingPoints: [
    {
      stance: 'con',
      paraphrases: [
        'I understand the appeal of bike lanes, but this plan seems designed for a small group of cyclists rather than the residents who actually depend on {street}. Seniors, people with disabilities and working families who need their cars are the ones who will pay the price.',
        'While cycling infrastructure sounds nice in theory, this decision prioritizes a small, vocal minority over the majority of residents. Older people and families who rely on driving will be left dealing with less parking and more congestion.',
        "It's hard to see who this plan is really for. Most residents, especially seniors and working parents, need to drive, and removing parking makes their daily lives harder just to accommodate a handful of cyclists.",
        "Bike lanes may work in some cities, but here they mainly benefit a small group while burdening everyone else. Elderly residents and people with mobility issues can't simply switch to a bicycle, and they deserve to be considered.",
        "This feels like a decision made for a privileged few. Working families juggling jobs and school runs, and seniors who can't bike, will bear the costs of lost parking and heavier traffic.",
        "Interesting plan, but I'm skeptical it reflects the needs of the community as a whole. Cyclists are a small fraction of commuters, while older and disabled residents depend on being able to drive and park close to where they're going.",
        'The council seems to have forgotten that not everyone can ride a bike. Seniors, people with disabilities and parents with young kids rely on their cars, and this plan makes their lives harder for the benefit of a few.',
        "I'm all for safer streets, but this approach caters to a narrow group of cyclists at the expense of the many residents who have no choice but to drive. It's the elderly and working families who lose out here.",
        'Good intentions, questionable execution. A plan that removes parking for a small number of cyclists ignores the seniors and working people who need their vehicles every single day.',
        "Let's be honest about who benefits. A small, mostly well-off group of cyclists gets new lanes, while older residents and families who depend on their cars get less parking and longer commutes.",
      ],
      echoes: [
        'This plan helps a small group of cyclists while seniors and working families who need to drive are left to deal with the consequences.',
        'Not everyone can switch to a bike. The council should have considered older and disabled residents before removing parking.',
        "It's the people who depend on their cars who will pay for this. A small minority benefits while everyone else loses.",
        'A decision like this should serve the whole community, not just a handful of cyclists.',
        "Seniors and working parents can't just hop on a bike. Their needs should have come first.",
        'Removing parking for a few cyclists makes daily life harder for the majority who have no choice but to drive.',
        "The costs fall on the residents who rely on driving, and that's not fair to them.",
      ],
    },
    {
      stance: 'pro',
      paraphrases: [
        "Protected bike lanes are one of the most effective ways to reduce traffic deaths, and the evidence from other cities is clear. Businesses on redesigned streets often see more foot traffic, not less. It's time to move forward instead of clinging to the past.",
        'The research on protected lanes is consistent: fewer serious crashes and safer streets for everyone. Local shops tend to benefit from more people walking and biking by. This plan is a step in the right direction.',
        'Cities that have invested in protected bike lanes have seen real reductions in injuries and deaths. Concerns about businesses are understandable, but the data shows foot traffic usually increases. {city} is finally catching up.',
        "Safer streets shouldn't be controversial. Protected lanes save lives, and studies repeatedly show that businesses do just as well or better after they're built. Opponents are relying on outdated assumptions.",
        'This is a smart, evidence-based decision. Separated bike lanes reduce crashes for cyclists, pedestrians and drivers alike, and the economic impact on nearby businesses is usually positive.',
        "It's encouraging to see the council follow the evidence. Protected lanes lower the number of serious crashes, and shops along these corridors typically gain customers who arrive on foot or by bike.",
        'The fears about parking come up every time, and every time the results are the same: safer streets and thriving local businesses. Protected bike lanes are a proven investment in the community.',
        'Every serious study points the same way: protected lanes cut injuries, and corridors that add them tend to see more people stopping at local shops. This is progress worth supporting.',
        'Change is always uncomfortable, but protected bike lanes have a strong track record. They reduce traffic deaths and bring more foot traffic to local businesses. {city} made the right call.',
      ],
      echoes: [
        'Protected lanes have a strong safety record, and businesses usually benefit from the extra foot traffic.',
        "The evidence is clear that these lanes save lives. The parking concerns rarely hold up once they're built.",
        "Safer streets and more customers for local shops. It's hard to argue with the results from other cities.",
        'Cities that built protected lanes saw fewer serious crashes, and their businesses did fine.',
        'This is an evidence-based decision that will make the corridor safer for everyone.',
        "It's about saving lives, and the data backs it up.",
      ],
    },
  ],
  mailmerge: [
    {
      stance: 'con',
      text: 'I [strongly urge|respectfully ask|call on|am writing to ask] the [{city} City Council|City Council|council] to [reverse|reconsider|overturn|repeal|rescind] [its|the][ recent|] [decision|vote] [on|approving] the {street} bike lanes. [Small businesses|Local shops|Family-owned businesses] on {street} [depend on|rely on|need] [customer parking|street parking|nearby parking] [to survive|to stay open|to keep their doors open]. [The council should|Please] [put|keep] [residents|taxpayers|the people of {city}] [first|ahead of special interests] and [restore the parking|keep {street} open to traffic|let voters decide].',
    },
  ],
  copypasta: [
    {
      stance: 'con',
      text: "ATTENTION {city} RESIDENTS!!! The council just voted to remove {parking} parking spaces on {street} without asking the people who live and work here. Call your councilmember's office and tell them NO to the bike lane takeover. Share this before it's too late!",
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Topic: a school board bans phones for the whole school day.

const SCHOOL_PHONES: Topic = {
  key: 'school-phones',
  entities: [
    ['district', '[{city} School District|{city} Unified|{city} Public Schools|{city} Area Schools]'],
    ['superintendent', `Superintendent [Dana|Mark|Lisa|Robert|Angela|Tom|Keisha|Paul] ${SURNAME}`],
    ['startWhen', '[this fall|in August|next school year|after winter break]'],
    ['storage', '[magnetically locked pouches|locked pouches|classroom phone lockers|sealed phone pouches]'],
    ['cost', '$[140|180|215|260|310],000'],
  ],
  article: [
    'The {district} board voted {vote} on Monday to ban student cellphone use from the first bell to the last bell, starting {startWhen}.',
    'Students will have to keep phones in {storage} that stay locked until dismissal, at a cost to the district of about {cost}.',
    '{superintendent} said teachers had described phones as the single biggest distraction in their classrooms.',
    'Several parents objected during public comment, saying they need to be able to reach their children in an emergency.',
    'Similar bans have been adopted in a number of states, though research on their effect on test scores is mixed.',
  ],
  pro: [
    "[Teachers have been begging for this|Every teacher I know has been asking for this for years|Teachers will be thrilled]. [You can't teach|Try teaching] [a room full of kids|thirty kids] [staring at TikTok|who are all on their phones|with phones buzzing].",
    "[Kids|Students] [can't focus|don't focus] with a phone [in their pocket|on the desk|buzzing every two minutes], [that's just reality|and adults can't either|it's not their fault].",
    '[We|My generation] [got through school|survived high school|made it through] without [phones|cellphones|a phone in class] and [we turned out fine|we were fine|we managed].',
    '[Lunch|The cafeteria] [might actually|will hopefully] [be loud again|have kids talking to each other again]. [That alone|Honestly that alone] is worth it.',
    '[So much of the bullying|A lot of the drama|Half the drama] [happens|starts|gets filmed] on phones [during the school day|at school|in the hallway]. [This cuts that down|Taking them away helps].',
    "[The research|The data] on [social media|phones] and [teen anxiety|kids' mental health] is [pretty alarming|scary|hard to ignore]. [Six or seven hours a day|Seven hours] without [it|them] [is a gift|won't hurt anyone].",
    "[If there's an emergency|In an actual emergency], [the school|the front office] [calls you|can reach you]. [That's how it worked|It worked that way] for [decades|generations].",
    '[Good|Great|Excellent] [decision|call]. [Should have happened|This should have happened] [years ago|a long time ago].',
    '[Kids texting|Kids calling] [during a lockdown|in an emergency] [can actually make things worse|can give away where they are|clog the lines first responders need], [according to|from what] [police|security experts] [say|have said].',
    "[My son's|My daughter's] [school|middle school] [did this|tried this] [last year|a year ago] and [the grades|the grades in that class] [went up|improved]. [Anecdotal, sure|Just one kid, I know], but [still|the teachers noticed it too].",
    "[The pouches|The lockers] [cost|are] {cost}? [That's nothing|Cheap] compared to [what we spend|what the district spends] on [tutoring|interventions] for kids who [fell behind|can't focus].",
    '[Parents|Some parents] [are more addicted|seem more attached] to [texting their kids|being able to text their kids] than the kids are[ to the phones|].',
  ],
  con: [
    "I [need|absolutely need] to be able to [reach my kid|reach my daughter|reach my son] [if something happens|in an emergency|during the day]. [Period|Not negotiable|That's not up for debate].",
    "[After|With] [all the school shootings|everything that's happened in schools|Uvalde], [taking away|locking up] [kids' phones|their phones] [is insane|makes no sense|is the last thing I'd do].",
    "[This is|It's] a [parenting|family] decision, [not|and not] [a school board decision|something the district gets to decide].",
    '{cost} for [pouches|phone pouches|lockers]? [Meanwhile|And yet] [teachers|our teachers] [buy their own supplies|are paying for paper out of pocket].',
    '[Teachers|Staff] [are going to|will] [spend half the day|spend all their time] [policing pouches|enforcing this|fighting kids over phones][ instead of teaching|].',
    "[Kids|Teenagers] [need to learn|have to learn] to [manage|use] phones [responsibly|in moderation]. [Banning them|A ban] [doesn't teach them anything|teaches them nothing].",
    '[What about|And] kids [with|who have] [diabetes|medical conditions|glucose monitors] that [run through|connect to] [the phone|their phones]?',
    '[The article|Even the article] says [the research is mixed|the evidence on test scores is mixed]. [So why|Why] [spend the money|are we doing this]?',
    "[Kids will|They'll just] [bring a second phone|carry a burner|find a way around it][ in a week| by October|]. [Good luck|Good luck enforcing it].",
    '[My kid|My daughter|My son] [uses|needs] [the phone|that phone] to [coordinate rides|catch the bus|check in after practice]. [We|I] [work|both work] [full time|long shifts].',
    "[Treating|They treat] [high schoolers|17-year-olds] like [toddlers|little kids] and then [wonder why|act surprised when] they [can't handle|aren't ready for] [college|the real world].",
    "[Nobody|No one] [asked|bothered to ask] the [students|kids][ what they think|]. [They're|They are] the ones [affected|living with it].",
  ],
  mixed: [
    '[Ban them in class|No phones in class], [sure|fine], but [lunch and passing periods|lunch] [seem|seems] like [overkill|a stretch].',
    "[I see both sides|I get both sides] of this. [I'm|I'm honestly] not sure [where I land|what the right answer is].",
    '[The real problem|The bigger issue] is [enforcement|consistency]. [Half the teachers|Some teachers] [will|are going to] [ignore it|look the other way].',
    "[Could|Couldn't] they [just allow|let kids keep] [basic phones|flip phones] [for emergencies|that only call]?",
    "[Let's|Let's just] see what [the numbers|attendance and grades] look like [after a year|by spring][ before arguing|].",
    "[Phones|The phones] [aren't|are not] the [root problem|whole problem], but [I guess|maybe] [it's a start|it helps].",
  ],
  anecdotes: [
    "[I've taught eighth grade|I've taught high school English|I've been teaching middle school math] for [twelve|eighteen|six] years and [the change since|what changed after] [2015|phones took over] is [hard to describe|unreal].",
    '[When|The day] [the lockdown|a lockdown] happened at [my son\'s|my daughter\'s] school [last year|in 2022], [the texts were|that text was] the only way [I knew|we knew] [everyone|my kid] was okay.',
    "[My niece's|My nephew's] school [in|over in] [Ohio|Virginia|Minnesota] [did this|has done this] [for two years|since 2023] and [apparently nobody|my sister says no one] [even complains|misses the phones] anymore.",
    '[I|We] [took|tried taking] [my|our] [son\'s|daughter\'s] phone [for a month|over the summer] and [it was|honestly it was] [the best month we\'ve had|a different kid].',
    "[I'm|I am] a [substitute|sub] and [half the class|most of the class] [doesn't|won't] [even look up|look up] [when I take attendance|from their phones].",
  ],
  questions: [
    '[Who|Who exactly] [holds|has] the [key|keys][ to the pouches|] [during a fire drill|in an emergency]?',
    '[What happens|So what happens] [the first time|when] a kid [refuses|won\'t hand it over]?',
    '[Are teachers|Is staff] [also giving up|handing over] their phones?',
    '[Did they|Did the board] [look at|consider] [any data|evidence] [from|on] [districts|schools] that [already did this|tried this]?',
    '[How|So how] [am I|are parents] [supposed to|going to] [reach|get hold of] [my kid|our kids] [then|now]?',
    '{cost}. [For pouches|On pouches]. [Really|Seriously]?',
  ],
  links: [
    'https://www.{citySlug}schools.org/board/policy-[5136|5131|6163]',
    'https://www.cdc.gov/healthyyouth/data/yrbs/',
    'https://www.pewresearch.org/internet/2024/03/11/how-teens-and-parents-approach-screen-time/',
  ],
  talkingPoints: [
    {
      stance: 'con',
      paraphrases: [
        'I understand the concern about distractions, but taking phones away from students during the entire school day raises serious safety concerns. In an emergency, parents need to be able to reach their children immediately, and this policy takes that ability away.',
        'While reducing distractions is a worthy goal, a complete ban goes too far. Parents have a right to contact their kids during the day, especially in emergencies, and a locked pouch makes that impossible.',
        "This policy overlooks a simple reality: in a crisis, a phone can be a child's lifeline. Parents should not have to rely on an overwhelmed front office to find out whether their children are safe.",
        'Limiting phone use in class makes sense, but locking devices away for the whole day is an overreach. Families deserve the ability to stay in contact with their children, particularly when something goes wrong.',
        "It's concerning that the board would remove such an important safety tool. When emergencies happen, parents and students need to be able to communicate, and this ban puts that at risk.",
        "I'm all for focused classrooms, but this decision should have been left to parents. Being able to reach your child during an emergency isn't a luxury, and the district shouldn't be taking it away.",
        "A phone ban may sound reasonable on paper, but it ignores the safety needs of students and families. In today's world, parents need a direct line to their kids, and schools can't guarantee that communication.",
        "There are better ways to reduce distractions than confiscating phones for the entire day. Cutting off communication between parents and children during an emergency is a risk families shouldn't be asked to accept.",
        "Let's not forget why so many parents gave their kids phones in the first place: safety. Locking them away during school hours undermines parental rights and could leave children unable to call for help.",
      ],
      echoes: [
        'Parents need to be able to reach their kids during an emergency, and this ban takes that away.',
        'There are better ways to limit distractions without cutting off communication with families.',
        'A phone can be a lifeline in a crisis. Locking it away all day is a real risk.',
        'This should have been a decision for parents, not the school board.',
        'Safety has to come first, and this policy puts it at risk.',
        "Families shouldn't have to depend on the front office to know their kids are okay.",
      ],
    },
  ],
  mailmerge: [
    {
      stance: 'con',
      text: "As a [parent|parent of two|parent and taxpayer|grandparent] in {district}, I [strongly oppose|object to|am opposed to|cannot support] the [new|recent|board's] [cellphone ban|phone ban|ban on student phones]. [In an emergency|During a crisis|If something happens at school], [parents|families] [must|need to|have a right to] [be able to reach|stay in contact with|contact] their [children|kids] [immediately|right away|without delay]. I [urge|ask|call on] the board to [reverse|rescind|repeal|reconsider] this [policy|decision] [and respect parents' rights|before the start of the school year|and listen to families].",
    },
  ],
  copypasta: [
    {
      stance: 'con',
      text: "PARENTS OF {district}: the school board voted to LOCK UP your child's phone all day. If there is a lockdown or emergency you will NOT be able to reach them. Show up at the next board meeting and demand they reverse this. Copy and paste this to every parent group you're in!!",
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Topic: the state approves an offshore wind farm.

const OFFSHORE_WIND: Topic = {
  key: 'offshore-wind',
  entities: [
    ['project', '[Seabreeze Wind|Atlantic Crest Wind|Northern Shoals Wind|Blue Horizon Offshore Wind|Harbor Light Wind]'],
    ['turbines', '[62|84|98|110|126|140]'],
    ['miles', '[14|19|23|27|31]'],
    ['coast', '[the {city} coast|{city} Point|the {city} shoreline]'],
    ['developer', '[Halvard Energy|Ostra Renewables|Meridian Offshore|Nordvik Power]'],
    ['homes', '[250,000|310,000|400,000|520,000]'],
    ['jobs', '[1,100|1,600|2,300]'],
  ],
  article: [
    'State regulators on Thursday approved {project}, a {turbines}-turbine wind farm to be built about {miles} miles off {coast}.',
    'The developer, {developer}, says the project will power roughly {homes} homes and create about {jobs} construction jobs.',
    'Commercial fishing groups argued the turbines would disrupt scallop and squid grounds, and some coastal homeowners objected to the view.',
    "Critics say the project's 20-year power contract locks ratepayers into electricity prices well above the current market rate.",
    'Federal scientists have said there is no evidence linking offshore wind survey work to the whale deaths reported along the coast.',
  ],
  pro: [
    '[Clean power|Wind power] [built off our own coast|from right here] [beats|is better than] [burning imported gas|shipping in fuel from somewhere else]. [Easy call|Seems like an easy call|Not complicated].',
    "{jobs} [construction jobs|union jobs|jobs] [is nothing to sneeze at|is a big deal] for [this area|the port|{city}].",
    "[People|Folks] [said|were saying] the [same thing|exact same thing] about [the view|views] [when Block Island went up|when the European farms were built], and [now nobody cares|today it's a tourist attraction].",
    '[The whale thing|The whale argument] [has been|was] [looked into|investigated] [over and over|by NOAA|repeatedly]. [Ship strikes are|Boat traffic is] [the actual problem|what\'s killing whales].',
    '[At|From] {miles} miles [out|offshore] you [can barely|will barely] see [them|the turbines][ on a clear day|]. [I|We] [checked|looked at] the [simulations|renderings].',
    "[Every|Each] [megawatt|kilowatt-hour] [from wind|we get from wind] is one we don't [have to burn gas for|buy at whatever the gas price is that winter].",
    '[Good|Great|Finally]. [We|The state] [should have|could have] [done this|started this] [ten years ago|a decade ago].',
    "[Fishermen|The fishing industry] [will|should] [get|be getting] [compensation|a mitigation fund], [it's in the agreement|that's in the approval]. [Read the details|It's in the details].",
    '[Climate change|Warming water] is [doing far more damage|a much bigger threat] to [the fishery|scallops and lobster] than [a few|some] turbines ever [will|could].',
    '[Energy|Power] [independence|security] [matters|is worth paying for]. [Gas prices|Gas] [spiked|went crazy] in [2022|the last few winters] and [we|everyone] [paid for it|felt it].',
  ],
  con: [
    '[That power contract|The 20-year contract] [means|guarantees] [our|my] [electric bills go|electric bill goes] up. [Guaranteed|Count on it|Mark my words].',
    '[{developer}|The developer] is [a foreign company|foreign-owned]. [So basically|So] ratepayers [pay|are paying] [above market|extra] [for twenty years|for decades] so [their shareholders can profit|they can profit].',
    "[Nobody|No one] [has explained|can explain] [why|how come] [so many|all these] whales [started|began] washing up [right when|the same year] [the survey boats|the survey work] [started|showed up].",
    '[My family has fished these waters for three generations|My dad fished off {coast} for forty years|My uncle has fished these waters for decades], and [nobody asked|no one listened to] [us|our family].',
    "[These|The] turbines [last|only last] [20|25] years, [then what|and then who pays to take them down]? [Taxpayers|Us], [that's who|I'd bet].",
    "[Wind|It] [doesn't|won't] [blow|work] [all the time|when it's calm]. [You still need|We still need] [gas plants|backup] [anyway|for the rest of the time].",
    "[They're ruining|Ruining] [the view|the ocean view|the horizon] [from|at] {coast} for [a subsidy|tax credits|a boondoggle].",
    "[Scallop|Squid] [grounds|beds] [aren't|are not] something you [can|just] [move|relocate]. [Those|These] [fishing jobs|jobs] [are real|are here now], [the wind jobs|the promised jobs] are [projections|just promises].",
    '[The cost|Costs] [went|has gone] way up on [every offshore project|all the wind projects] [back east|in New England|on the East Coast]. [Several|A lot of them] [got cancelled|were canceled] [halfway|after the contracts were signed].',
    "[Subsidies|Tax credits] are still [our money|taxpayer money]. If [it|this] [made sense|actually worked], it wouldn't need [them|so much of it].",
  ],
  mixed: [
    "I'm [for|pro] [renewables|clean energy][ in general|] but [that contract price|the contract] [looks|seems] [high|steep].",
    '[Put|Why not put] [them|the turbines] [further out|farther offshore] and [call it a day|everyone\'s happy]?',
    "[I'd|I would] [want|like] to know [what|how much] [the fishing groups|fishermen] [actually get|are getting] [out of this|in compensation] before [cheering|celebrating].",
    '[The truth|It] [is probably|is likely] [somewhere in the middle|in between]: [good for the climate|good long term], [rough|hard] on [fishermen|the fishing towns].',
    "[Let's|Let's just] see [if|whether] it [actually|] gets built. [Half of these|Most of these] [projects|deals] [fall apart|get canceled].",
  ],
  anecdotes: [
    "[I|We] [went|sailed] [past|near] [the farm|the turbines] [off|near] [Block Island|Rhode Island] [last summer|a few years back] and [honestly|frankly] [they're|they were] [kind of beautiful|not a big deal|pretty cool].",
    '[I|We] [run|own] a [charter boat|bait shop|small fishing boat] out of {city} and [nobody|not one person] from {developer} [has talked to us|ever returned my calls].',
    '[My|Our] [electric bill|utility bill] [was|went to] [$390|$420|$310] [in January|last winter]. [Anything|Whatever] [keeps|brings] [it|that] [down|under control], [I\'m for it|works for me].',
    "[I|We] [lived|spent two years] in [Denmark|Scotland|the Netherlands] and [wind farms|turbines] [were|are] [everywhere|just part of the landscape][ there|]. [Nobody|No one] [even noticed|thought about them].",
  ],
  questions: [
    "[Who|Who's] [pays|paying] [to decommission|to take down] [them|the turbines] [in 25 years|when they wear out]?",
    '[What|So what] happens to my bill [if|when] [gas prices drop|natural gas gets cheaper again]?',
    '[How|How many of] [the jobs|those jobs] [go to|are for] [local|in-state] [workers|people]?',
    '[Is there|Will there be] [any|] [independent|outside] [study|monitoring] of [the whales|marine life][ during construction|]?',
    '[Has|Did] [anyone|anybody][ here|] [actually read|look at] the [power purchase agreement|contract]?',
  ],
  links: [
    'https://www.boem.gov/renewable-energy/state-activities',
    'https://www.fisheries.noaa.gov/national/marine-life-distress/frequent-questions-offshore-wind-and-whales',
    'https://www.{citySlug}energyfacts.org/ppa-summary.pdf',
  ],
  talkingPoints: [
    {
      stance: 'con',
      paraphrases: [
        'Clean energy is a worthy goal, but this project locks ratepayers into above-market electricity prices for two decades. Families already struggling with high utility bills will be paying more so a foreign developer can profit.',
        "I'm concerned that this deal puts the financial burden squarely on ordinary ratepayers. A 20-year contract at prices above the market rate means higher electric bills, while the developer walks away with the profits.",
        "While offshore wind sounds appealing, the economics of this project don't add up for local families. We'll be paying inflated electricity rates for years, and the fishing communities that depend on these waters are being sidelined.",
        "It's hard to support a project that guarantees higher energy costs for residents. The long-term contract benefits a foreign company far more than the people who will actually be paying the bills.",
        'This approval seems to prioritize corporate interests over local families. Above-market power prices for twenty years, combined with real harm to our fishing industry, is a bad deal for this state.',
        "Interesting project, but I'm skeptical it serves the public interest. Ratepayers are locked into higher costs for decades, and the concerns of fishermen who have worked these waters for generations were largely brushed aside.",
        'Renewable energy matters, but not at any price. This contract will raise electric bills for households that can least afford it, while a foreign developer reaps the benefits.',
        "Let's be clear about who pays for this. It's local families and small businesses, through higher electricity bills for twenty years, and the fishing community, whose livelihoods are put at risk.",
        'The promises sound good, but the details tell a different story: higher electricity costs locked in for decades and little protection for the fishermen who depend on these waters.',
      ],
      echoes: [
        'Locking ratepayers into higher prices for twenty years is a bad deal for families.',
        'The developer profits while local households pay more on their electric bills.',
        'Fishing communities were brushed aside, and ratepayers will be footing the bill.',
        'Higher energy costs for decades is too high a price for this project.',
        "It's ordinary families who will pay for this through their utility bills.",
        "The economics don't work for the people who will actually be paying.",
      ],
    },
    {
      stance: 'pro',
      paraphrases: [
        'This project is a major win for our region. It will create thousands of good-paying jobs, strengthen our energy independence, and help stabilize power prices over the long run.',
        "Offshore wind is an opportunity we can't afford to miss. The jobs, the investment in our port, and the reliable clean energy will benefit families here for decades.",
        "It's encouraging to see the state approve this project. Local workers will gain well-paying jobs, and generating our own power will protect us from volatile fuel prices.",
        "The claims about whales and skyrocketing prices have been thoroughly examined and don't hold up. What this project will actually deliver is good jobs and homegrown energy.",
        'This is exactly the kind of forward-looking investment our state needs. Thousands of construction and maintenance jobs, lower dependence on imported fuel, and cleaner air for our communities.',
        'Opponents keep repeating myths that scientists have already addressed. The real story is the economic boost: skilled jobs, a revitalized port, and energy produced right here at home.',
        'Approving this project was the right decision. It means good union jobs, more stable energy costs, and a chance for our state to lead on clean power.',
        "Energy independence and local jobs should be something everyone can support. This wind farm delivers both, and the fears being spread about it simply aren't backed by evidence.",
      ],
      echoes: [
        'Good jobs and homegrown energy. This project is a win for the region.',
        'The myths about whales have been debunked. The jobs and energy independence are real.',
        'Producing our own power protects families from volatile fuel prices.',
        'This investment will pay off for the port and for local workers for decades.',
        'The evidence supports this project, and the economic benefits are hard to ignore.',
        "It's the right decision for jobs and for energy security.",
      ],
    },
  ],
  mailmerge: [
    {
      stance: 'con',
      text: 'I [am writing to|want to] [express my strong opposition to|voice my opposition to|object to] the [approval of|decision to approve] {project}. [Ratepayers|Families|Households] [in this state|across the state|like mine] [cannot afford|should not be forced to pay|can\'t absorb] [above-market electricity prices|higher electric bills|inflated power prices] for [twenty years|two decades|the next 20 years]. I [urge|ask|call on] [regulators|the commission|state leaders] to [reverse|reconsider|revisit|suspend] this [decision|approval] [and protect|and stand up for|to protect] [ratepayers|working families|our fishing communities].',
    },
  ],
  copypasta: [
    {
      stance: 'con',
      text: 'WAKE UP {city}!!! {developer} is a FOREIGN company and this wind deal locks your electric bill ABOVE market price for 20 YEARS. Dead whales on our beaches and nobody will answer why. Call the Public Utilities Commission and say NO. Share share share!!!',
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Topic: a neighborhood is rezoned for apartment buildings.

const REZONING: Topic = {
  key: 'rezoning',
  entities: [
    ['units', '[1,200|1,800|2,400|3,100]'],
    ['stories', '[four-story|five-story|four- and five-story]'],
    ['rentRise', '[31|38|44|52]'],
  ],
  article: [
    'The {city} City Council voted {vote} on Tuesday to rezone much of {neighborhood}, allowing {stories} apartment buildings on lots that had been limited to single-family homes.',
    'City planners estimate the change could add as many as {units} homes over the next decade.',
    "Rents in {city} have risen about {rentRise} percent since 2019, according to the city's most recent housing report.",
    "Opponents packed the meeting, warning of heavier traffic, crowded schools and the loss of the neighborhood's character.",
    'The ordinance requires that one in ten new units be set aside for households earning less than 80 percent of the area median income.',
  ],
  pro: [
    "[Rents|Rent] [up|went up] {rentRise} percent [since 2019|in five years]. [We need more homes|We have to build more housing], [it's that simple|full stop|it's not complicated].",
    '[My kids|Both my kids] [can\'t afford|will never be able to afford] to live in the [town|city] they grew up in. [Something has to change|That\'s the real loss of character].',
    "'Neighborhood character' [is|has always been] [code for|a polite way of saying] [keep people out|we don't want renters|no newcomers].",
    "[Four-story|Small] apartment buildings [were|used to be] [normal|everywhere] in [American cities|this country] [a hundred years ago|before the 1950s]. [This isn't radical|Nothing radical here].",
    '[Teachers|Nurses|Firefighters] [who work here|that work in {city}] [should be able to|ought to be able to] [live here|afford to live here][ too|].',
    '[More|Adding] supply is [the only thing that|what] [actually brings rents down|slows rent growth] [over time|long term]. [Look at|See] [Minneapolis|Austin].',
    "[Good|Great|About time]. [Glad|Happy] the council [didn't cave|stood up] to [the loudest people in the room|the same twenty people who show up to every meeting].",
    '[More neighbors|More people] [means|=] more [customers|business] for [the shops|local shops] on {street}.',
    '[Homeowners|People who already own] [got theirs|pulled up the ladder behind them], and now they [want|expect] [everyone else|young people] to [pay for it|just deal with it].',
    '[Traffic|The traffic argument] is always [the excuse|the first excuse], but [people|workers] [driving in|commuting in] from [an hour away|the exurbs] [is|causes] [the actual|most of the] traffic.',
  ],
  con: [
    "[Out-of-town|Big] developers [are going to|will] [cash in|make a killing]. [None of|Hardly any of] [these|the] [units|apartments] [will be|are going to be] [affordable|cheap].",
    "One in ten [units|] [set aside|affordable] [is a joke|isn't much]. [The other ninety percent|The rest] [will be|are] [luxury|market rate] [apartments|units].",
    '[The schools|Our schools] in {neighborhood} are [already overcrowded|full|at capacity]. [Where are|Where do] [all these kids|the new kids] [supposed to|going to] go?',
    '[I|We] [bought|saved for years to buy] [in|a house in] {neighborhood} [because of|for] [the quiet|the yards|what it is]. [Now|And now] the council [changes|changed] the rules [after the fact|on us].',
    '[Parking|Street parking] is already [impossible|a nightmare] [on|around] {street}. [Four-story buildings|Apartment buildings] with [no parking|hardly any parking] [will make it|are going to make it] [worse|much worse].',
    '[Corporate landlords|Private equity] [will|are going to] [buy up|snap up] [the lots|everything] and [charge|rent for] [whatever they want|top dollar].',
    '[Nobody|No one] [in|from] {neighborhood} [asked for this|wanted this]. [The council|They] [voted|went] [against|over] [the people who live here|residents].',
    "[Infrastructure|The sewers and roads] [can't|won't] [handle|keep up with] {units} [more|new] [homes|units]. [Who pays for the upgrades|Who's paying for that]?",
    "[Building|More] [luxury|expensive] [apartments|housing] [doesn't|won't] [lower|bring down] [rents|anyone's rent]. It [just|only] [raises|pushes up] [property values|land prices] [around them|nearby].",
    "[Once|When] the [old houses|bungalows] [are|get] [torn down|knocked down], [they're|that's] [gone|gone forever]. [That's|And that's] the [character|history] [people mean|we're talking about].",
  ],
  mixed: [
    "I'm [fine with|okay with] [more housing|apartments] [on|along] {street}, [but not|just not] [in the middle of|deep into] [the side streets|the neighborhood].",
    "The [affordable|set-aside] [requirement|number] [should have been|could be] [higher|20 percent], but [it's|this is] [better than nothing|a start].",
    '[Both|Both sides] [make|have] [fair|some] points. [Housing|Rents] [is|are] [a real problem|out of control], [but|and] [so are|so is] [the schools|infrastructure].',
    "[We'll|Let's] see [if|whether] [anything actually gets built|anyone builds anything]. [Interest rates|Construction costs] are still [brutal|high].",
  ],
  anecdotes: [
    '[I|We] [pay|are paying] [$1,900|$2,250|$2,600] [a month|] for a [one-bedroom|two-bedroom] [in|near] {neighborhood}. [Five years ago|In 2019] it was [$1,300|$1,450|$1,600].',
    "[Our daughter|My son|Both our kids] [moved|had to move] [two towns over|an hour away|out of state] because [there was nothing they could afford|they couldn't find anything] [here|in {city}].",
    "[I've|We've] lived in {neighborhood} [for 30 years|since 1991|since the 80s] and it has always been changing. [The sky hasn't fallen yet|Nothing terrible happened|It's been fine].",
    '[I|We] [went to|sat through] [the|that] [meeting|hearing] and [it was|most of it was] [retirees|homeowners] [complaining about|worried about] [parking|shadows|their views].',
  ],
  questions: [
    '[How many|How many of] [these units|the new apartments] [will|are going to] [actually be|be] [affordable|income-restricted]?',
    "[Who|Who's] [pays|paying] for [the new school capacity|more classrooms|sewer upgrades]?",
    '[Is there|Are there] [any|] [rules|limits] [on|against] [short-term rentals|Airbnbs] in [the new buildings|these buildings]?',
    '[Why|Why is it always] {neighborhood} and [never|not] [the wealthy side of town|the lake district]?',
  ],
  links: [
    'https://www.{citySlug}.gov/planning/zoning-update-2024',
    'https://www.{citySlug}.gov/housing/annual-report.pdf',
    'https://www.zillow.com/research/data/',
  ],
  talkingPoints: [
    {
      stance: 'con',
      paraphrases: [
        'I understand that housing costs are a real problem, but this rezoning mainly benefits out-of-town developers. Most of the new units will be market-rate, and the residents who actually live in {neighborhood} were ignored.',
        'While the goal of affordability is admirable, this plan won\'t achieve it. Developers and corporate landlords stand to profit, while longtime residents lose the character of the neighborhood they invested in.',
        "It's hard to believe this rezoning will make housing more affordable. With only one in ten units set aside, the vast majority will be priced for people who can already afford to live here.",
        'This decision seems to put developers\' interests ahead of the community. Rezoning an established neighborhood without real input from residents sets a troubling precedent.',
        "Interesting approach, but I'm skeptical it addresses the affordability crisis. Corporate investors will buy up properties, rents will stay high, and the neighborhood will bear the strain on schools and roads.",
        "Housing is a serious issue, but handing entire neighborhoods over to developers isn't the answer. Residents raised legitimate concerns about traffic and schools, and the council brushed them aside.",
        "Let's be honest about who wins here: developers and large landlords. Families who have lived in {neighborhood} for decades get more traffic and crowded schools, and renters still won't see lower prices.",
        "The promise of affordability sounds good, but the details don't support it. Market-rate apartments built by outside investors won't help the people struggling with rent, and they'll change the neighborhood permanently.",
        'Rezoning on this scale should have required far more community input. The people who benefit most are developers, not the families who call this neighborhood home.',
      ],
      echoes: [
        'Developers are the ones who benefit here, not the people struggling with rent.',
        "One in ten affordable units isn't going to solve anything.",
        'Residents raised real concerns and the council ignored them.',
        'Corporate landlords will profit while the neighborhood deals with the consequences.',
        "This won't make housing affordable. It just changes the neighborhood for good.",
        'Families who have lived here for decades deserved to be heard.',
      ],
    },
  ],
  mailmerge: [
    {
      stance: 'con',
      text: "As a [longtime|lifelong|concerned] [resident|homeowner] of {neighborhood}, I [strongly oppose|object to|urge you to reject] the [rezoning|upzoning] of our [neighborhood|community]. [This plan|The ordinance|This change] [benefits|serves|rewards] [developers|outside investors|corporate landlords], not [residents|families|the people who live here]. [Our schools, roads and parking|Our infrastructure and schools|Our streets and schools] [cannot handle|are not ready for|can't absorb] [thousands of new units|this kind of density|the added density]. [Please|I respectfully ask you to|I urge the council to] [reverse|reconsider|repeal] this [decision|vote] [and listen to residents|and put residents first|before it's too late].",
    },
  ],
  copypasta: [
    {
      stance: 'con',
      text: 'They just rezoned {neighborhood} for CORPORATE LANDLORDS. Your property value, your schools, your street parking: GONE. The council did this without listening to ONE resident. Save {neighborhood}: come to the next council meeting and tell your neighbors. Repost this everywhere!',
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Topic: the state legislature raises the minimum wage.

const MINIMUM_WAGE: Topic = {
  key: 'minimum-wage',
  entities: [
    ['stateName', '[Oregon|Michigan|Pennsylvania|Colorado|Virginia|Minnesota|Arizona|Wisconsin|New Mexico|Maine]'],
    ['wage', '[$16.50|$17|$17.50|$18]'],
    ['currentWage', '[$12.25|$12.80|$13.50|$14.10]'],
    ['wageYear', '[2026|2027|2028]'],
    ['governor', `Gov. [Laura|Maria|Karen|Denise|Angela|Priya|Janet] ${SURNAME}`],
    ['workers', '[410,000|560,000|720,000]'],
  ],
  article: [
    '{stateName} lawmakers on Wednesday passed a bill raising the state minimum wage from {currentWage} to {wage} an hour by {wageYear}.',
    '{governor} has said she will sign the bill, calling the increase long overdue for working families.',
    'Restaurant and retail groups warned that small businesses would respond by cutting hours, raising prices or replacing workers with kiosks.',
    "The state budget office estimated the increase would raise pay for about {workers} workers.",
    'After {wageYear}, the minimum wage would rise each year with inflation.',
  ],
  pro: [
    "[Try|Go ahead and try] [living on|paying rent on] {currentWage} an hour [in|anywhere in] {stateName} [right now|today|in this economy]. [I'll wait|Good luck].",
    "[They said|People said] [the same thing|exactly this] [every|the last] time the wage went up, and [the economy did fine|businesses kept hiring|nothing collapsed].",
    '[Workers|People] [with more money|who get paid more] [spend it|spend it locally], [at|in] [local businesses|the same small businesses] [that are complaining|crying about this].',
    "If [your business|a business] only [works|survives] when [people|workers] [can't afford rent|need food stamps], [it's|that's] [not a business model|subsidized by taxpayers|not a good business].",
    '[Tying it|Indexing it] to inflation [is the best part|is smart|is the real win]. [No more|No more waiting] [fifteen years|a decade] for [lawmakers|the legislature] to [act|get around to it].',
    '[Turnover|Hiring and training] [is expensive|costs a fortune]. [Paying more|Higher wages] [keeps people around|means staff stick around][ longer|].',
    '[Good|Great|Finally|About time]. [Long overdue|This was long overdue].',
    '[CEO pay|Corporate profits] [went up|have gone up] [a lot|plenty] [since 2020|over the last few years]. [Nobody|No one] [worried about|complained about] [that|those prices] [then|].',
    "{wage} an hour [is|comes to] [about|roughly] [$35,000|$36,000] a year[ full time|]. [That's|That is] [hardly|not exactly] [getting rich|a fortune].",
  ],
  con: [
    '[I|We] [own|run] a [small restaurant|coffee shop|hardware store|bakery] and [we|I] [will|are going to] [have to|need to] [cut hours|cut staff|raise prices]. [Period|Simple math|No way around it].',
    '[Watch|Just watch|Get ready for] [the kiosks|more self-checkout|the QR code menus] [go up|to show up] [everywhere|at every counter]. [That\'s|That is] the [real|actual] result.',
    '[Prices|Everything] [will|is going to] [go up|rise] [to cover it|to match], [so|and] [nobody|no one] [ends up|is actually] [ahead|better off].',
    "[Big|Large] [chains|corporations] [can|will] [absorb|handle] [this|it]. [Small|Family] [businesses|shops] [can't|won't], [and|so] [they'll close|they'll be gone].",
    '[Entry-level|Minimum wage] jobs [were|are] [supposed to be|meant to be] [a first step|for teenagers|training jobs], [not a career|never meant to support a family].',
    "[Rural|Small-town] [parts of|areas of] {stateName} [are not|aren't] anything like [the big cities|the metro area]. [One wage for everyone|A single statewide number] [makes no sense|doesn't work].",
    '[Automatic|Annual] [inflation|cost-of-living] [increases|raises] [forever|every year] [sounds great|seems nice] [until|right up until] [your|the] [menu prices|prices] [do the same|follow].',
    "[Teenagers|Young people] [are going to|will] [have a harder time|struggle] finding [a first job|summer jobs]. [That's|That is] [who|who really] [gets hurt|pays for this].",
    '[My|Our] [margins|profit margins] are already [thin|razor thin], [like|maybe] [4|5|3] percent. [Where|Where exactly] [do they think the money comes|is this money supposed to come] from?',
  ],
  mixed: [
    '[Raising it|An increase] [makes sense|is fair], but [that fast|this fast|to {wage} this quickly] [seems|is] [aggressive|a lot for small places].',
    '[Maybe|What about] [a lower|a separate] [rate|wage] for [small businesses|rural counties] [and|while] [the big chains|big employers] [pay|pay the full rate]?',
    "[Honestly|Truthfully] the [research|economics] [on this|] is [mixed|all over the place]. [Anyone|Anybody] [claiming|who says] [certainty|it's obvious][ either way|] is [selling something|not being honest].",
    "[The real problem|The bigger issue] is [rent|housing costs]. [Wages|Pay] [will never|can't] [keep up|catch up] [if|when] rent [goes up|rises] [faster|10 percent a year].",
  ],
  anecdotes: [
    '[I|My daughter|My son] [worked|works] [at|in] a [grocery store|fast food place|retail job] [at|for] {currentWage} [an hour|] and [had|has] to [work two jobs|live with roommates|pick up a second job] [just to|to] [make rent|get by].',
    "[When|After] [Seattle|California|our neighboring state] [raised|went up on] [it|the minimum wage], [my cousin's|my friend's] [diner|café|shop] [closed|cut to four days|shut down within a year].",
    "[I|We] [started|began] [at|on] [minimum wage|$5.15] [in|back in] [the 90s|2004|high school] and [worked my way up|got promoted within a year]. [That's|That's how] [it's supposed to work|it should work].",
    "[I|We] [manage|run] [a|the] [diner|store] [in|outside] [a small town|{city}] and [half|most] of [my|our] [staff|people] already [make|earn] [more than|over] {wage}. [You|We] [can't|couldn't] [hire anyone|find anyone] [for less|otherwise].",
  ],
  questions: [
    '[Does|Will] [this|it] [apply|also apply] to [tipped workers|servers]?',
    "[What|So what] [happens|do small businesses do] [when|if] they [can't|cannot] [afford it|make payroll]?",
    '[Is there|Was there] [any|] [exemption|carve-out] for [small businesses|teenagers|rural areas]?',
    '[Who|Who exactly] [did|do] [they|lawmakers] [talk to|consult] [before|when] [writing|drafting] [this|the bill]?',
  ],
  links: [
    'https://www.bls.gov/cps/minimum-wage-data.htm',
    'https://www.epi.org/minimum-wage-tracker/',
    'https://legislature.{stateSlug}.gov/bills/hb-[2041|1187|3320]',
  ],
  talkingPoints: [
    {
      stance: 'con',
      paraphrases: [
        "I understand the intention behind raising the minimum wage, but this increase will put enormous pressure on small businesses. Many will have no choice but to cut hours or jobs, and the very workers it's meant to help will be hurt most.",
        'While higher pay sounds good, a jump this large will force small employers to make difficult choices. Fewer hours, fewer jobs and higher prices are the likely result, and entry-level workers will feel it first.',
        'This bill seems well-intentioned, but it ignores how thin the margins are for local businesses. When costs rise this quickly, owners cut staff, and the workers who need these jobs most end up with fewer opportunities.',
        "It's hard to see how small businesses absorb an increase like this. Large corporations will manage, but family-owned shops will cut hours or close, leaving workers worse off than before.",
        "Raising wages by law doesn't create the money to pay them. Small businesses operating on thin margins will respond by reducing hours, hiring fewer people, or automating, and that hurts the workers the bill is supposed to protect.",
        "Interesting idea, but I'm skeptical this will help the people it's aimed at. Young and entry-level workers are likely to see fewer job openings as employers struggle with the higher costs.",
        'The goal is admirable, but the consequences for small employers are serious. An increase this steep will mean lost jobs and reduced hours for the very workers lawmakers say they want to help.',
        "Let's be realistic about what happens next. Small businesses will raise prices, cut shifts, or replace workers with kiosks, and it's low-wage workers who will bear the brunt of it.",
        "Good intentions don't always lead to good outcomes. This wage hike will squeeze small businesses already operating on thin margins, and the likely result is fewer jobs for the workers who need them most.",
      ],
      echoes: [
        "Small businesses will cut hours and jobs, and it's the workers who get hurt.",
        "Big corporations can absorb this. Family-owned shops can't.",
        'Entry-level workers will see fewer opportunities as costs go up.',
        'Margins are already thin. An increase this steep means fewer jobs.',
        'The workers this is meant to help will be the ones who pay for it.',
        'Higher costs will lead to fewer shifts and more kiosks, not better pay.',
      ],
    },
    {
      stance: 'pro',
      paraphrases: [
        'No one working full time should struggle to afford rent and groceries. This increase puts money directly into the pockets of working families, who will spend it at local businesses in their communities.',
        'Raising the minimum wage is long overdue. Workers have fallen behind as costs have climbed, and higher pay means more spending in our local economy, which benefits businesses too.',
        'Every time the minimum wage goes up, we hear predictions of disaster, and every time they fail to materialize. This raise will help hardworking families make ends meet and boost local spending.',
        "It's encouraging to see lawmakers stand up for working people. A fair wage reduces turnover, strengthens local businesses, and helps families cover basic needs without relying on public assistance.",
        'Working families have waited far too long for this. Higher wages mean more money circulating in our communities, less reliance on public programs, and a stronger economy overall.',
        'The claims that this will destroy jobs have been made for decades and have not held up. Paying workers enough to live on is good for families and good for local businesses.',
        'This is a common-sense step for our state. People working full time deserve to afford the basics, and the extra income will be spent right here, supporting local shops and restaurants.',
        "A fair wage isn't a luxury. This increase helps workers keep up with rising costs, and the research shows the doom-and-gloom predictions rarely come true.",
      ],
      echoes: [
        'People working full time deserve to afford the basics. This raise is long overdue.',
        'Higher wages get spent locally, which helps small businesses too.',
        'The doom predictions never come true. Workers need this.',
        'Working families have fallen behind for years, and this helps them catch up.',
        'A fair wage means less reliance on public assistance and a stronger local economy.',
        'Every dollar of this raise gets spent in our communities.',
      ],
    },
  ],
  mailmerge: [
    {
      stance: 'con',
      text: 'As a [small business owner|local employer|restaurant owner|small business owner and taxpayer] in {stateName}, I [urge|strongly urge|ask|respectfully ask] [the governor|{governor}] to [veto|reject|oppose] [this|the] [minimum wage bill|wage increase|wage mandate]. [Small businesses|Employers like me|Main Street businesses] [operate on|run on|survive on] [thin margins|razor-thin margins|tight budgets] and [cannot absorb|can\'t afford|won\'t survive] [an increase|a mandate] of this [size|magnitude]. [Please|I ask that you] [protect|stand with|consider] [small businesses|local jobs|the workers who will lose hours] [and veto this bill|before it\'s too late|and send it back].',
    },
    {
      stance: 'pro',
      text: 'I [am writing to|want to] [urge|ask|encourage] [the governor|{governor}] to [sign|quickly sign|sign without delay] the [minimum wage bill|wage increase|bill raising the minimum wage]. [Working families|Workers|Hardworking people] in {stateName} [cannot|can no longer|should not have to] [survive|get by|make ends meet] on {currentWage} an hour. A [fair|living|decent] wage [strengthens|supports|helps] [our local economy|local businesses|our communities] and [reduces|cuts] [reliance on public assistance|employee turnover]. [Please|I urge you to] [sign this bill|stand with working families|put workers first].',
    },
  ],
  copypasta: [
    {
      stance: 'con',
      text: "Small business owners of {stateName}: the {wage} wage bill is going to put us OUT OF BUSINESS. Call the governor's office TODAY and demand a veto. They don't care about Main Street, only their donors. Post this in every business group you are in!!",
    },
  ],
};

const TOPICS: readonly Topic[] = [BIKE_LANES, SCHOOL_PHONES, OFFSHORE_WIND, REZONING, MINIMUM_WAGE];

/** Topic keys accepted by CampaignSpec.topic; thread ids start with them. */
export const TOPIC_KEYS: readonly string[] = TOPICS.map((t) => t.key);
