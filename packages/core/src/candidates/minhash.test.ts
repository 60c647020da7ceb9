import { seededRandom } from '../support/random.js';
import { estimateJaccard, minhashSignature } from './minhash.js';
import { charShingles, jaccard } from '../text/shingles.js';
import { bandKeys, candidateProbability } from './lsh.js';
import { compactText, normalizeText } from '../text/normalize.js';

const VOCAB =
  'policy council vote budget tax school road bike lane housing rent park police fire water plan city mayor street bus train safety cost family job market price energy power health doctor nurse clinic'.split(
    ' ',
  );

function sentence(random: () => number, length: number): string[] {
  return Array.from({ length }, () => VOCAB[Math.floor(random() * VOCAB.length)] + (random() < 0.3 ? 's' : ''));
}

/** Copies `base` replacing a share of words: gives pairs across the whole similarity range. */
function mutate(random: () => number, base: string[], share: number): string[] {
  return base.map((w) => (random() < share ? `${VOCAB[Math.floor(random() * VOCAB.length)]}x` : w));
}

const shingle = (words: string[]) => charShingles(compactText(normalizeText(words.join(' '))));

describe('MinHash', () => {
  test('estimates Jaccard within 0.1 on known pairs', () => {
    const random = seededRandom(7);
    for (const share of [0, 0.05, 0.1, 0.2, 0.35, 0.5, 0.8]) {
      for (let i = 0; i < 20; i++) {
        const base = sentence(random, 20 + Math.floor(random() * 60));
        const a = shingle(base);
        const b = shingle(mutate(random, base, share));
        const estimate = estimateJaccard(minhashSignature(a), minhashSignature(b));
        expect(Math.abs(estimate - jaccard(a, b))).toBeLessThanOrEqual(0.1);
      }
    }
  });

  test('identical texts have identical signatures; unrelated ones share almost nothing', () => {
    const a = shingle('the council voted to fund the new bike lanes on main street'.split(' '));
    const b = shingle('my cat refuses to eat anything but salmon on tuesdays'.split(' '));
    expect(estimateJaccard(minhashSignature(a), minhashSignature(a))).toBe(1);
    expect(estimateJaccard(minhashSignature(a), minhashSignature(b))).toBeLessThan(0.1);
  });
});

describe('LSH banding', () => {
  test('finds at least 95% of pairs above the design threshold (Jaccard 0.55) on a generated set', () => {
    const random = seededRandom(11);
    let above = 0;
    let found = 0;
    for (let i = 0; i < 3000; i++) {
      const base = sentence(random, 15 + Math.floor(random() * 80));
      const a = shingle(base);
      const b = shingle(mutate(random, base, random() * 0.25));
      if (jaccard(a, b) < 0.55) continue;
      above++;
      const keysA = new Set(bandKeys(minhashSignature(a)));
      if (bandKeys(minhashSignature(b)).some((k) => keysA.has(k))) found++;
    }
    expect(above).toBeGreaterThan(500);
    expect(found / above).toBeGreaterThanOrEqual(0.95);
  });

  test('rarely proposes dissimilar pairs', () => {
    expect(candidateProbability(0.2)).toBeLessThan(0.06);
    expect(candidateProbability(0.55)).toBeGreaterThan(0.95);
  });
});
