import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDefaultModel } from './build-glove-sif.js';
import { DEFAULT_EMBEDDING_MODEL, defaultModelDir } from './default-model.js';
import type { Embedder } from './embedder.js';
import { ModelMissingError } from './model-missing-error.js';
import { createTransformersEmbedder } from './transformers-embedder.js';
import { cosineSimilarity, isZeroVector } from './vector-math.js';

interface SeedComment {
  readonly id: string;
  readonly text: string;
}

const seed: readonly SeedComment[] = readFileSync(
  new URL('../../../test/fixtures/seed-thread.jsonl', import.meta.url),
  'utf8',
)
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as SeedComment);
const seedText = (id: string): string => seed.find((comment) => comment.id === id)?.text ?? '';

const COOKING =
  'Preheat the oven to 180 degrees, whisk the eggs with the sugar until pale, then fold in the flour and bake for 25 minutes.';
const FOOTBALL =
  'What a match! The striker scored twice in the second half and the home side finally lifted the cup after a decade.';

let embedder: Embedder;

beforeAll(async () => {
  // The jest globalSetup builds the model once; this keeps a single file runnable on its own.
  await ensureDefaultModel(defaultModelDir());
  embedder = await createTransformersEmbedder({
    model: DEFAULT_EMBEDDING_MODEL,
    modelDir: defaultModelDir(),
    allowRemote: false,
  });
}, 120_000);

async function similarity(a: string, b: string): Promise<number> {
  const [first, second] = await embedder.embed([a, b]);
  return cosineSimilarity(first, second);
}

describe('createTransformersEmbedder on the default GloVe-SIF model', () => {
  it('loads the offline model and returns one unit vector per text', async () => {
    expect(embedder.modelId).toBe('chorus/glove-sif-100d');
    expect(embedder.dimensions).toBe(100);
    const vectors = await embedder.embed([seedText('c01'), seedText('c02'), COOKING]);
    expect(vectors).toHaveLength(3);
    for (const vector of vectors) {
      expect(vector).toHaveLength(100);
      expect(Math.hypot(...vector)).toBeCloseTo(1, 5);
    }
  });

  it('rates the seed thread paraphrases far above unrelated comments', async () => {
    const paraphrases = [await similarity(seedText('c05'), seedText('c13')), await similarity(seedText('c03'), seedText('c09'))];
    const unrelated = [await similarity(seedText('c05'), COOKING), await similarity(seedText('c03'), FOOTBALL)];
    for (const score of paraphrases) expect(score).toBeGreaterThan(0.94);
    for (const score of unrelated) expect(score).toBeLessThan(0.75);
    expect(Math.min(...paraphrases) - Math.max(...unrelated)).toBeGreaterThan(0.2);
  });

  it('embeds texts with no known word to the zero vector, never NaN', async () => {
    const vectors = await embedder.embed(['😀🎉👍', '', '   ', 'Привет, как дела?', '?!?!', seedText('c01')]);
    for (const vector of vectors.slice(0, 5)) {
      expect(isZeroVector(vector)).toBe(true);
      expect(vector.some(Number.isNaN)).toBe(false);
    }
    expect(isZeroVector(vectors[5])).toBe(false);
  });

  it('treats typographic and straight apostrophes alike', async () => {
    const [curly, straight] = await embedder.embed([
      'It’s NATO’s call, but I don’t think they’d agree and we can’t force them.',
      "It's NATO's call, but I don't think they'd agree and we can't force them.",
    ]);
    expect(cosineSimilarity(curly, straight)).toBeCloseTo(1, 6);
  });

  it('reads contractions as their spelled-out words, not as "don" or "won"', async () => {
    const [contracted, spelledOut] = await embedder.embed([
      "Don't worry, they won't invoke it and we can't make them.",
      'Do not worry, they will not invoke it and we can not make them.',
    ]);
    expect(cosineSimilarity(contracted, spelledOut)).toBeCloseTo(1, 6);
  });

  it('gives the same similarities with the float32 graph (quantized: false)', async () => {
    const full = await createTransformersEmbedder({
      model: DEFAULT_EMBEDDING_MODEL,
      modelDir: defaultModelDir(),
      allowRemote: false,
      quantized: false,
    });
    const texts = [seedText('c05'), seedText('c13'), COOKING];
    const [half, exact] = [await embedder.embed(texts), await full.embed(texts)];
    for (let i = 0; i < texts.length; i += 1) expect(cosineSimilarity(half[i], exact[i])).toBeGreaterThan(0.9999);
    expect(cosineSimilarity(half[0], half[1])).toBeCloseTo(cosineSimilarity(exact[0], exact[1]), 3);
  });

  it('keeps input order across internal batches and counts texts run through the model', async () => {
    const texts = Array.from({ length: 150 }, (_, i) => (i % 2 === 0 ? COOKING : seedText('c07')));
    const before = embedder.inferenceCalls;
    const vectors = await embedder.embed(texts);
    expect(embedder.inferenceCalls - before).toBe(150);
    expect(cosineSimilarity(vectors[0], vectors[148])).toBeCloseTo(1, 6);
    expect(cosineSimilarity(vectors[1], vectors[149])).toBeCloseTo(1, 6);
    expect(cosineSimilarity(vectors[0], vectors[1])).toBeLessThan(0.75);
    expect(await embedder.embed([])).toEqual([]);
  });
});

describe('createTransformersEmbedder without a model folder', () => {
  let emptyDir: string;
  beforeAll(async () => {
    emptyDir = await mkdtemp(join(tmpdir(), 'chorus-no-model-'));
  });
  afterAll(async () => {
    await rm(emptyDir, { recursive: true, force: true });
  });

  it('throws ModelMissingError naming the variables and the build command', async () => {
    const attempt = createTransformersEmbedder({ model: DEFAULT_EMBEDDING_MODEL, modelDir: emptyDir, allowRemote: false });
    await expect(attempt).rejects.toBeInstanceOf(ModelMissingError);
    await expect(attempt).rejects.toMatchObject({ code: 'MODEL_MISSING' });
    const message = await attempt.then(
      () => '',
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );
    expect(message).toContain('EMBEDDING_MODEL_DIR');
    expect(message).toMatch(/\bEMBEDDING_MODEL\b/);
    expect(message).toContain('npm run model:build');
    expect(message).toContain(emptyDir);
  });

  it('also rejects an operator-named model that is not there', async () => {
    await expect(
      createTransformersEmbedder({ model: 'Xenova/all-MiniLM-L6-v2', modelDir: emptyDir, allowRemote: false }),
    ).rejects.toMatchObject({ code: 'MODEL_MISSING', missingFiles: expect.arrayContaining(['Xenova/all-MiniLM-L6-v2/config.json']) });
  });
});
