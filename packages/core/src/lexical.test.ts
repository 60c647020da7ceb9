import stringSimilarity from 'string-similarity';
import { createLexicalVerifier, lexicalFeatures } from './lexical.js';

const WORDS = 'the council vote bike lane budget tax parking rent nato border security idea really would not could mayor street café naïve 😀 article'.split(' ');

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

test('the fast verifier gives exactly string-similarity\'s Dice coefficient', () => {
  const random = rng(42);
  const text = () => Array.from({ length: 1 + Math.floor(random() * 30) }, () => WORDS[Math.floor(random() * WORDS.length)]).join(random() < 0.2 ? '  ' : ' ');
  for (let i = 0; i < 3000; i++) {
    const a = text();
    const b = random() < 0.3 ? a.replace('the', 'a') : text();
    expect(createLexicalVerifier(a)(b)).toBe(stringSimilarity.compareTwoStrings(a, b));
  }
  expect(createLexicalVerifier('a')('a')).toBe(1);
  expect(createLexicalVerifier('')('abc')).toBe(0);
});

test('the length bound only skips pairs that cannot reach the threshold', () => {
  const short = 'vote no on the bill';
  const long = `${short} ${'and many more words that make this comment far longer than the other one '.repeat(3)}`;
  expect(stringSimilarity.compareTwoStrings(short, long)).toBeLessThan(0.8);
  expect(createLexicalVerifier(short, 0.8)(long)).toBe(0);
});

test('obfuscated copies share the exact-copy fingerprint', () => {
  expect(lexicalFeatures('Stop the tax hike!').hash).toBe(lexicalFeatures('  stoр the\u200B TAX hike!').hash);
});
