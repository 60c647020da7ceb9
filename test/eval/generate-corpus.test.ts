import { CAMPAIGN_TYPES } from './eval-metrics.js';
import { corpusOptionsForSize, generateCorpus, TOPIC_KEYS } from './generate-corpus.js';
import type { CampaignType, LabeledComment } from './generate-corpus.js';

const LABEL = /^(organic|campaign:(copypasta|mailmerge|paraphrase|echo|drip):[a-z0-9-]+)$/;
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/;
const LOOKALIKE = /[\u0391-\u03C9\u0400-\u04FF]/; // Greek and Cyrillic letters in English text
const HOUR = 3_600_000;

const corpus = generateCorpus({ seed: 42, threads: 40 });
const byId = new Map(corpus.map((c) => [c.id, c]));

function campaigns(type: CampaignType): Map<string, LabeledComment[]> {
  const out = new Map<string, LabeledComment[]>();
  for (const c of corpus) {
    if (!c.label.startsWith(`campaign:${type}:`)) continue;
    out.set(c.label, [...(out.get(c.label) ?? []), c]);
  }
  return out;
}

// Undo what copypasta obfuscation does: zero-width characters, look-alikes, case, punctuation, spacing.
function fold(text: string): string {
  const lookalikes: Record<string, string> = { а: 'a', е: 'e', о: 'o', ο: 'o', р: 'p', с: 'c', х: 'x', у: 'y', і: 'i', Α: 'a', Ε: 'e', Ο: 'o', А: 'a', Е: 'e', О: 'o', Р: 'p', С: 'c', Т: 't', Н: 'h', М: 'm' };
  return Array.from(text.replace(/[\u200B-\u200D\u2060\uFEFF]/g, ''), (ch) => lookalikes[ch] ?? ch)
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9$]+/g, ' ')
    .trim();
}

function jaccard(a: readonly string[], b: readonly string[]): number {
  const sa = new Set(a);
  const sb = new Set(b);
  let shared = 0;
  for (const x of sa) if (sb.has(x)) shared++;
  return shared / (sa.size + sb.size - shared);
}

function trigrams(text: string): string[] {
  const w = fold(text).split(' ');
  return w.slice(2).map((_, i) => `${w[i]} ${w[i + 1]} ${w[i + 2]}`);
}

function meanPairwise(texts: readonly string[], sim: (a: string, b: string) => number): number {
  let total = 0;
  let pairs = 0;
  for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++, pairs++) total += sim(texts[i], texts[j]);
  return total / pairs;
}

function spanMs(comments: readonly LabeledComment[]): number {
  const times = comments.map((c) => Date.parse(c.posted_at ?? ''));
  return Math.max(...times) - Math.min(...times);
}

describe('generateCorpus', () => {
  it('gives the same corpus for the same seed and a different one for another seed', () => {
    expect(generateCorpus({ seed: 42, threads: 40 })).toEqual(corpus);
    const other = generateCorpus({ seed: 43, threads: 40 });
    expect(other.slice(0, 50).map((c) => c.text)).not.toEqual(corpus.slice(0, 50).map((c) => c.text));
  });

  it('labels every comment organic or campaign:<type>:<id>, with every campaign type present', () => {
    for (const c of corpus) expect(c.label).toMatch(LABEL);
    for (const type of CAMPAIGN_TYPES) expect(campaigns(type).size).toBeGreaterThan(0);
    const organicShare = corpus.filter((c) => c.label === 'organic').length / corpus.length;
    expect(organicShare).toBeGreaterThan(0.7);
    expect(organicShare).toBeLessThan(0.95);
  });

  it('uses unique ids, and every parent is an earlier comment of the same thread', () => {
    expect(byId.size).toBe(corpus.length);
    const replies = corpus.filter((c) => c.parent_id !== null);
    expect(replies.length).toBeGreaterThan(corpus.length / 3);
    for (const c of replies) {
      const parent = byId.get(c.parent_id ?? '');
      expect(parent?.thread_id).toBe(c.thread_id);
      expect(Date.parse(parent?.posted_at ?? '')).toBeLessThan(Date.parse(c.posted_at ?? ''));
    }
  });

  it('writes the documented record shape with ISO-8601 UTC timestamps', () => {
    for (const c of corpus) {
      expect(Object.keys(c)).toEqual(['id', 'thread_id', 'parent_id', 'author_id', 'posted_at', 'text', 'label']);
      expect(c.posted_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(c.text.trim().length).toBeGreaterThan(0);
    }
    expect(new Set(corpus.map((c) => c.thread_id.replace(/-\d+$/, '')))).toEqual(new Set(TOPIC_KEYS));
  });

  it('obfuscates copypasta with zero-width characters and look-alike letters, yet members fold to one text', () => {
    const members = [...campaigns('copypasta').values()];
    const all = members.flat();
    expect(all.filter((c) => ZERO_WIDTH.test(c.text)).length).toBeGreaterThan(all.length / 3);
    expect(all.filter((c) => LOOKALIKE.test(c.text)).length).toBeGreaterThan(all.length / 4);
    expect(all.filter((c) => c.text !== c.text.normalize('NFKC').replace(ZERO_WIDTH, '')).length).toBeGreaterThan(0);
    for (const campaign of members) {
      expect(new Set(campaign.map((c) => c.text)).size).toBeGreaterThan(campaign.length / 2);
      expect(new Set(campaign.map((c) => fold(c.text))).size).toBe(1);
    }
  });

  it('fills one mail-merge template with a different combination for each member', () => {
    for (const campaign of campaigns('mailmerge').values()) {
      const texts = campaign.map((c) => c.text);
      expect(new Set(texts).size).toBeGreaterThanOrEqual(Math.floor(texts.length * 0.9));
      const words = (t: string): string[] => fold(t).split(' ');
      const similarity = (x: string, y: string): number => jaccard(words(x), words(y));
      // Members share the template's skeleton: far more words than two organic comments do.
      const organic = corpus.filter((c) => c.thread_id === campaign[0].thread_id && c.label === 'organic' && c.text.split(' ').length > 25);
      const within = meanPairwise(texts, similarity);
      expect(within).toBeGreaterThan(0.3);
      expect(within).toBeGreaterThan(2 * meanPairwise(organic.map((c) => c.text), similarity));
    }
  });

  it('words a paraphrase campaign differently for each member, with little shared phrasing', () => {
    for (const campaign of campaigns('paraphrase').values()) {
      const texts = campaign.map((c) => c.text);
      expect(new Set(texts).size).toBeGreaterThanOrEqual(Math.ceil(texts.length * 0.7));
      // Paraphrases, not copies: the seed thread's pairs share 0.01-0.40 of their word trigrams.
      expect(meanPairwise(texts, (a, b) => jaccard(trigrams(a), trigrams(b)))).toBeLessThan(0.35);
    }
  });

  it('makes echo members agree with and restate a parent, answering the paraphrase swarm and organic comments', () => {
    const echoes = [...campaigns('echo').values()].flat();
    const opener = /^(Exactly|Valid point|Absolutely|Agreed|I agree|Well said|Couldn['’]t agree more|So true|Spot on|Precisely|This is so important|Great point)\. \S/;
    for (const c of echoes) {
      expect(c.parent_id).not.toBeNull();
      expect(c.text).toMatch(opener);
    }
    const parents = echoes.map((c) => byId.get(c.parent_id ?? '')?.label ?? '');
    expect(parents.some((l) => l.startsWith('campaign:paraphrase:'))).toBe(true);
    expect(parents.some((l) => l === 'organic')).toBe(true);
  });

  it('drips one template slowly over many threads and days from a few reused accounts', () => {
    for (const campaign of campaigns('drip').values()) {
      expect(new Set(campaign.map((c) => c.thread_id)).size).toBeGreaterThanOrEqual(5);
      expect(spanMs(campaign)).toBeGreaterThan(48 * HOUR);
      const authors = campaign.map((c) => c.author_id).filter((a) => a !== null);
      expect(new Set(authors).size).toBeLessThan(authors.length);
    }
  });

  it('posts burst campaigns within a few hours of each thread, while organic threads run longer', () => {
    for (const type of ['copypasta', 'mailmerge', 'paraphrase'] as const) {
      for (const campaign of campaigns(type).values()) {
        for (const thread of new Set(campaign.map((c) => c.thread_id))) {
          expect(spanMs(campaign.filter((c) => c.thread_id === thread))).toBeLessThan(3 * HOUR);
        }
      }
    }
    const organicSpans = [...new Set(corpus.map((c) => c.thread_id))].map((t) => spanMs(corpus.filter((c) => c.thread_id === t && c.label === 'organic')));
    expect(organicSpans.filter((s) => s > 8 * HOUR).length).toBeGreaterThan(organicSpans.length / 2);
  });

  it('uses swarms of mostly distinct accounts, some shared across campaigns, some without author', () => {
    const campaignComments = corpus.filter((c) => c.label !== 'organic');
    expect(campaignComments.some((c) => c.author_id === null)).toBe(true);
    const labelsByAuthor = new Map<string, Set<string>>();
    for (const c of campaignComments) {
      if (c.author_id === null) continue;
      labelsByAuthor.set(c.author_id, (labelsByAuthor.get(c.author_id) ?? new Set()).add(c.label));
    }
    expect([...labelsByAuthor.values()].filter((labels) => labels.size > 1).length).toBeGreaterThan(2);
    for (const type of ['copypasta', 'mailmerge', 'paraphrase'] as const) {
      for (const campaign of campaigns(type).values()) {
        const authors = campaign.map((c) => c.author_id).filter((a) => a !== null);
        expect(new Set(authors).size).toBeGreaterThan(authors.length * 0.6);
      }
    }
  });

  it('gives organic threads the hard cases: generic repeats, shared quotes, prolific and anonymous readers', () => {
    const organic = corpus.filter((c) => c.label === 'organic');
    const agreed = organic.filter((c) => c.text === 'Agreed.');
    expect(new Set(agreed.map((c) => c.author_id)).size).toBeGreaterThan(3);
    // Several readers quote the same sentence of the article in one thread.
    const quotesByThread = new Map<string, Map<string, number>>();
    for (const c of organic) {
      for (const q of c.text.match(/"[^"]{40,}"/g) ?? []) {
        const counts = quotesByThread.get(c.thread_id) ?? new Map<string, number>();
        quotesByThread.set(c.thread_id, counts.set(q, (counts.get(q) ?? 0) + 1));
      }
    }
    const threadsWithSharedQuote = [...quotesByThread.values()].filter((m) => [...m.values()].some((n) => n >= 2));
    expect(threadsWithSharedQuote.length).toBeGreaterThan(10);
    expect(organic.some((c) => c.author_id === null)).toBe(true);
    const threadsByAuthor = new Map<string, Set<string>>();
    for (const c of organic) if (c.author_id) threadsByAuthor.set(c.author_id, (threadsByAuthor.get(c.author_id) ?? new Set()).add(c.thread_id));
    expect(Math.max(...[...threadsByAuthor.values()].map((s) => s.size))).toBeGreaterThanOrEqual(5);
    const words = organic.map((c) => c.text.split(/\s+/).length);
    expect(Math.min(...words)).toBe(1);
    expect(Math.max(...words)).toBeGreaterThan(100);
  });

  it('scales to a requested size (100k for benchmarks; 10k here)', () => {
    const big = generateCorpus(corpusOptionsForSize(10_000, 7));
    expect(big.length).toBeGreaterThan(9_000);
    expect(big.length).toBeLessThan(11_000);
    expect(new Set(big.map((c) => c.id)).size).toBe(big.length);
  });

  it('honours explicit campaign specs and organic ranges', () => {
    const only = generateCorpus({ seed: 1, threads: 10, organicPerThread: [20, 25], campaigns: [{ type: 'paraphrase', members: 12, topic: 'minimum-wage' }] });
    const campaign = only.filter((c) => c.label !== 'organic');
    expect(campaign).toHaveLength(12);
    for (const c of campaign) {
      expect(c.label).toBe('campaign:paraphrase:c001');
      expect(c.thread_id.startsWith('minimum-wage-')).toBe(true);
    }
    const none = generateCorpus({ seed: 1, threads: 10, organicPerThread: [20, 25], campaigns: [] });
    expect(none.every((c) => c.label === 'organic')).toBe(true);
    for (const thread of new Set(none.map((c) => c.thread_id))) {
      expect(none.filter((c) => c.thread_id === thread).length).toBeGreaterThanOrEqual(20);
    }
    expect(() => generateCorpus({ seed: 1, threads: 2, campaigns: [{ type: 'echo', members: 3, topic: 'weather' }] })).toThrow(/unknown topic/);
  });
});
