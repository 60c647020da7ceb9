import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { ensureDefaultModel } from './build-glove-sif.js';
import { estimateCommonComponents, removeCommonComponents } from './common-component.js';
import { DEFAULT_EMBEDDING_MODEL, defaultModelDir } from './default-model.js';
import type { Embedder } from './embedder.js';
import { createTransformersEmbedder } from './transformers-embedder.js';
import { cosineSimilarity, isZeroVector } from './vector-math.js';

interface Post {
  readonly id: string;
  readonly thread_id: string;
  readonly text: string;
}

const fixture = (name: string) => new URL(`../../../test/fixtures/${name}`, import.meta.url);
const readJsonl = (text: string): Post[] => text.trim().split('\n').map((line) => JSON.parse(line) as Post);
const seed = readJsonl(readFileSync(fixture('seed-thread.jsonl'), 'utf8'));
const organic = readJsonl(gunzipSync(readFileSync(fixture('organic-forum-dev.jsonl.gz'))).toString('utf8'));
const seedText = (id: string) => seed.find((post) => post.id === id)?.text ?? '';

let embedder: Embedder;

beforeAll(async () => {
  await ensureDefaultModel(defaultModelDir());
  embedder = await createTransformersEmbedder({ model: DEFAULT_EMBEDDING_MODEL, modelDir: defaultModelDir(), allowRemote: false });
}, 120_000);

describe('common component removal', () => {
  it('stops unrelated comments from looking alike while paraphrases stay close', async () => {
    // Two disjoint samples: the component from one is applied to comments of the other.
    const sample = await embedder.embed(organic.filter((_, i) => i % 40 === 0).map((post) => post.text));
    const [component] = estimateCommonComponents(sample);
    const others = organic.filter((_, i) => i % 40 === 7);
    const vectors = await embedder.embed(others.map((post) => post.text));

    let rawSum = 0;
    let removedSum = 0;
    let pairs = 0;
    for (let i = 0; i + 1 < vectors.length; i += 2) {
      if (others[i].thread_id === others[i + 1].thread_id || isZeroVector(vectors[i]) || isZeroVector(vectors[i + 1])) continue;
      rawSum += cosineSimilarity(vectors[i], vectors[i + 1]);
      removedSum += cosineSimilarity(removeCommonComponents(vectors[i], [component]), removeCommonComponents(vectors[i + 1], [component]));
      pairs += 1;
    }
    expect(pairs).toBeGreaterThan(50);
    expect(rawSum / pairs).toBeGreaterThan(0.8);
    expect(Math.abs(removedSum / pairs)).toBeLessThan(0.1);

    const [c05, c13] = (await embedder.embed([seedText('c05'), seedText('c13')])).map((v) => removeCommonComponents(v, [component]));
    expect(cosineSimilarity(c05, c13)).toBeGreaterThan(0.8);
  });

  it('is a stable statistic: two small disjoint samples give the same direction', async () => {
    const first = await embedder.embed(organic.filter((_, i) => i % 100 === 1).map((post) => post.text));
    const second = await embedder.embed(organic.filter((_, i) => i % 100 === 51).map((post) => post.text));
    const [a] = estimateCommonComponents(first);
    const [b] = estimateCommonComponents(second);
    expect(cosineSimilarity(a, b)).toBeGreaterThan(0.99);
  });

  it('keeps a text with no known word at the zero vector', async () => {
    const [emoji, text] = await embedder.embed(['🙂🙂', seedText('c01')]);
    const components = estimateCommonComponents([text, emoji], 2);
    expect(components).toHaveLength(1);
    expect(isZeroVector(removeCommonComponents(emoji, components))).toBe(true);
    expect(() => estimateCommonComponents([emoji])).toThrow(RangeError);
  });
});
