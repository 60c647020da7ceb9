import stringSimilarity from 'string-similarity';
import type { SimilarityEdge } from '../graph/similarity-edge.js';
import { createLexicalVerifier, lexicalFeatures } from './lexical.js';
import { MemoryPorts } from '../ports/memory-ports.js';
import { normalizeText } from '../text/normalize.js';
import { linkComment, SHARED_SITE_LEXICAL_THRESHOLD } from '../pipeline/pipeline.js';
import type { CommentRecord } from '../records/comment-record.js';
import { DEFAULT_SCORING } from '../verdict/verdict.js';

const WORDS = 'the council vote bike lane budget tax parking rent nato border security idea really would not could mayor street café naïve 😀 article'.split(' ');

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/** What the verifier must reproduce: string-similarity's Dice coefficient of the normalized texts. */
const dice = (a: string, b: string) => stringSimilarity.compareTwoStrings(normalizeText(a), normalizeText(b));

test("the fast verifier gives exactly string-similarity's Dice coefficient", () => {
  const random = rng(42);
  const text = () => Array.from({ length: 1 + Math.floor(random() * 30) }, () => WORDS[Math.floor(random() * WORDS.length)]).join(random() < 0.2 ? '  ' : ' ');
  for (let i = 0; i < 3000; i++) {
    const a = text();
    const b = random() < 0.3 ? a.replace('the', 'a') : text();
    expect(createLexicalVerifier(a)(b)).toBe(dice(a, b));
  }
  expect(createLexicalVerifier('a')('a')).toBe(1);
  expect(createLexicalVerifier('')('abc')).toBe(0);
});

test('with a threshold, the verifier is exact for every pair that reaches it and below it for every other', () => {
  const random = rng(7);
  const pick = () => WORDS[Math.floor(random() * WORDS.length)];
  const words = (n: number) => Array.from({ length: n }, pick);
  // Pairs across the whole range: copies with some words dropped, replaced or doubled.
  const mutate = (base: string[]) => base.flatMap((w) => (random() < 0.1 ? [] : random() < 0.15 ? [pick()] : random() < 0.05 ? [w, w] : [w]));
  for (const threshold of [0.5, 0.8, 0.9]) {
    const reference = words(12).join(' ');
    const verifyReference = createLexicalVerifier(reference, threshold);
    for (let i = 0; i < 2000; i++) {
      const base = i % 2 === 0 ? reference.split(' ') : words(1 + Math.floor(random() * 40));
      const a = base.join(' ');
      const b = mutate(base).join(' ');
      for (const [fast, exact] of [
        [createLexicalVerifier(a, threshold)(b), dice(a, b)],
        // One verifier against many texts, repeated ones included (each distinct text is compared once).
        [verifyReference(b), dice(reference, b)],
      ]) {
        if (exact >= threshold) expect(fast).toBe(exact);
        else expect(fast).toBeLessThan(threshold);
      }
    }
  }
});

test('the length bound only skips pairs that cannot reach the threshold', () => {
  const short = 'vote no on the bill';
  const long = `${short} ${'and many more words that make this comment far longer than the other one '.repeat(3)}`;
  expect(dice(short, long)).toBeLessThan(0.8);
  expect(createLexicalVerifier(short, 0.8)(long)).toBe(0);
});

test('obfuscated copies share the exact-copy fingerprint', () => {
  expect(lexicalFeatures('Stop the tax hike!').hash).toBe(lexicalFeatures('  stoр the\u200B TAX hike!').hash);
});

describe('comments promoting the same site', () => {
  const post = (id: string, text: string): CommentRecord => ({ id, externalId: id, scope: 's', threadId: `t-${id}`, parentId: null, authorId: `acct-${id}`, postedAt: null, text });
  // One pitch reworded from thread to thread: about 0.73 alike as text, under the 0.8 of a near-duplicate.
  const FIRST = "Before anyone form an opinion, look into who bankrolls this outlet. It's always the same people. The other side of the story at truthledger.net.";
  const SECOND = "Before you form an opinion, check who bankrolls this outlet. It's always the same people. Independent reporting at truth ledger (dot) net.";
  const params = { lexicalThreshold: 0.8, scoring: DEFAULT_SCORING };

  async function lexicalEdges(first: string, second: string): Promise<SimilarityEdge[]> {
    const ports = new MemoryPorts();
    const records = [post('a', first), post('b', second)];
    for (const r of records) ports.add(r);
    for (const r of records) await linkComment(ports, r, params);
    return ports.edgesAmong('s', ['a', 'b']);
  }

  test('are compared, and linked at a lower similarity than other texts need', async () => {
    const similarity = dice(FIRST, SECOND);
    expect(similarity).toBeGreaterThanOrEqual(SHARED_SITE_LEXICAL_THRESHOLD);
    expect(similarity).toBeLessThan(params.lexicalThreshold);
    expect(await lexicalEdges(FIRST, SECOND)).toEqual([{ a: 'b', b: 'a', kind: 'lexical', similarity: Math.round(similarity * 10000) / 10000 }]);
  });

  test('without the site, the same rewording is not linked', async () => {
    const withoutSite = (text: string) => text.replace(/ at truth.*$/, '.');
    expect(await lexicalEdges(withoutSite(FIRST), withoutSite(SECOND))).toEqual([]);
  });

  test('the batch lookup by number finds the same candidates as the lookup by key', () => {
    const byKey = new MemoryPorts();
    const byNumber = new MemoryPorts();
    const records = [post('a', FIRST), post('b', 'An unrelated remark about parking.'), post('c', SECOND)];
    const keyed = records.map((r) => byKey.lexicalCandidates('s', r.id, [...lexicalFeatures(r.text).bandKeys, ...lexicalFeatures(r.text).siteKeys]));
    const numbered = records.map((r) => byNumber.lexicalCandidateNumbers(r, lexicalFeatures(r.text)).candidates.map((n) => byNumber.idOfNumber(n)));
    // The two rewordings share no band: only the site makes them candidates.
    expect(numbered[2]).toEqual(['a']);
    return Promise.all(keyed).then((found) => expect(found).toEqual(numbered));
  });
});
