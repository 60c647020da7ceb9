import stringSimilarity from 'string-similarity';
import { createLexicalVerifier, lexicalFeatures } from './lexical.js';
import { normalizeText } from './normalize.js';

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

test('the fast verifier gives exactly string-similarity\'s Dice coefficient', () => {
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
