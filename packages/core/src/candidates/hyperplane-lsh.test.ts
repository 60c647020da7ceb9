import { seededRandom } from '../support/random.js';
import { cosine, cosineAgainst, HyperplaneLsh, maxSketchDistance, sketchOfCodes } from './hyperplane-lsh.js';
import { MemoryBucketIndex } from './memory-bucket-index.js';
import { MemorySemanticPorts } from '../ports/memory-semantic.js';

function unit(v: Float32Array): Float32Array {
  const n = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  return v.map((x) => x / n);
}

test('the hyperplane index finds at least 95% of the pairs above the threshold that a brute-force scan finds (20,000 vectors)', () => {
  const random = seededRandom(3);
  const gauss = () => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
  const dims = 100;
  // 2,000 topics; each vector is its topic plus noise of varying size, so pair cosines cover the whole range.
  const topics = Array.from({ length: 2000 }, () => unit(Float32Array.from({ length: dims }, gauss)));
  const vectors = Array.from({ length: 20_000 }, (_, i) => {
    const topic = topics[i % topics.length];
    const noise = 0.1 + random() * 0.6;
    return unit(topic.map((x) => x + (noise * gauss()) / Math.sqrt(dims)));
  });
  const threshold = 0.75;
  const lsh = new HyperplaneLsh(dims);
  // Two vectors are candidates when they share a bucket, i.e. have the same key in some table.
  const keys = vectors.map((v) => lsh.keys(v));
  const candidates = (a: number, b: number) => keys[a].some((k, t) => k === keys[b][t]);
  // Brute force within each topic group (vectors of different topics are near-orthogonal in 100 dimensions).
  let truePairs = 0;
  let recovered = 0;
  for (let t = 0; t < topics.length; t++) {
    const members: number[] = [];
    for (let i = t; i < vectors.length; i += topics.length) members.push(i);
    for (let a = 0; a < members.length; a++) {
      for (let b = a + 1; b < members.length; b++) {
        if (cosine(vectors[members[a]], vectors[members[b]]) < threshold) continue;
        truePairs++;
        if (candidates(members[a], members[b])) recovered++;
      }
    }
  }
  expect(truePairs).toBeGreaterThan(5000);
  expect(recovered / truePairs).toBeGreaterThanOrEqual(0.95);
});

test('keys are deterministic across instances and empty for a zero vector', () => {
  const v = unit(Float32Array.from({ length: 100 }, (_, i) => Math.sin(i)));
  expect(new HyperplaneLsh(100).keys(v)).toEqual(new HyperplaneLsh(100).keys(v));
  expect(new HyperplaneLsh(100).keys(new Float32Array(100))).toEqual([]);
});

test('cosineAgainst gives cosine to the last bit, zero vectors included', () => {
  const random = seededRandom(11);
  const vector = () => Float32Array.from({ length: 100 }, () => random() * 2 - 1);
  const others = [...Array.from({ length: 200 }, vector), new Float32Array(100)];
  for (const a of [vector(), vector(), new Float32Array(100)]) {
    const similarityTo = cosineAgainst(a);
    for (const b of others) expect(similarityTo(b)).toBe(cosine(a, b));
  }
});

test('the sign-sketch filter keeps every pair at the cosine asked for and drops most unrelated ones', () => {
  const random = seededRandom(5);
  const gauss = () => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
  const dims = 100;
  const lsh = new HyperplaneLsh(dims);
  const limit = maxSketchDistance(0.75);
  const distance = (a: Float32Array, b: Float32Array) => {
    const [x, y] = [sketchOfCodes(lsh.buckets(a).codes), sketchOfCodes(lsh.buckets(b).codes)];
    return x.reduce((d, word, t) => d + [...((word ^ y[t]) >>> 0).toString(2)].filter((bit) => bit === '1').length, 0);
  };
  // b = c a + sqrt(1 - c^2) u with u a unit vector orthogonal to a: cosine exactly c.
  const atCosine = (a: Float32Array, c: number) => {
    const g = Float32Array.from({ length: dims }, gauss);
    const along = g.reduce((s, x, i) => s + x * a[i], 0);
    const u = unit(g.map((x, i) => x - along * a[i]));
    return a.map((x, i) => c * x + Math.sqrt(1 - c * c) * u[i]);
  };
  let farDropped = 0;
  for (let i = 0; i < 2000; i++) {
    const a = unit(Float32Array.from({ length: dims }, gauss));
    expect(distance(a, atCosine(a, 0.75))).toBeLessThanOrEqual(limit);
    if (distance(a, atCosine(a, 0.2)) > limit) farDropped++;
  }
  expect(farDropped / 2000).toBeGreaterThan(0.99);
});

test('the in-memory semantic store finds exactly the close candidates a plain cosine check finds', async () => {
  const random = seededRandom(9);
  const gauss = () => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
  const dims = 100;
  const topics = Array.from({ length: 20 }, () => unit(Float32Array.from({ length: dims }, gauss)));
  const vectors = Array.from({ length: 3000 }, (_, i) => unit(topics[i % 20].map((x) => x + ((0.2 + random() * 0.8) * gauss()) / Math.sqrt(dims))));
  const lsh = new HyperplaneLsh(dims);
  const ports = new MemorySemanticPorts(lsh, { embed: async () => [], adjust: (v) => v });
  // The same capped buckets, read directly, and every candidate checked by cosine.
  const buckets = new MemoryBucketIndex(32);
  let found = 0;
  for (const [i, v] of vectors.entries()) {
    // The ports key their buckets by code; the plain index by the key strings.
    const vectorBuckets = lsh.buckets(v);
    const { candidates, close } = await ports.closeCandidates('s', `v${i}`, v, vectorBuckets, 0.75);
    const plain = buckets.addAndQuery('s', `v${i}`, vectorBuckets.keys);
    const expected = new Map(plain.flatMap((id) => (cosine(v, vectors[Number(id.slice(1))]) >= 0.75 ? [[id, cosine(v, vectors[Number(id.slice(1))])] as const] : [])));
    expect(candidates).toBe(plain.length);
    expect([...close]).toEqual([...expected]);
    found += close.size;
  }
  expect(found).toBeGreaterThan(10_000);
});
