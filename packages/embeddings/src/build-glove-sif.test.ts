import { readFile, readdir, mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildGloveSifModel, defaultModelPath, ensureDefaultModel } from './build-glove-sif.js';
import { createTransformersEmbedder } from './transformers-embedder.js';
import { cosineSimilarity, isZeroVector } from './vector-math.js';

let workDir: string;

beforeEach(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'chorus-glove-sif-'));
});
afterEach(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe('buildGloveSifModel', () => {
  it('builds a loadable model over the most frequent words only', async () => {
    const modelDir = join(workDir, 'models');
    await buildGloveSifModel(join(modelDir, 'test', 'glove-small'), { vocabSize: 5_000 });
    const config = JSON.parse(await readFile(join(modelDir, 'test', 'glove-small', 'config.json'), 'utf8')) as {
      vocab_size: number;
      hidden_size: number;
    };
    expect(config).toMatchObject({ vocab_size: 5_004, hidden_size: 100 });

    const embedder = await createTransformersEmbedder({ model: 'test/glove-small', modelDir, allowRemote: false });
    // "government" is among the 5,000 most frequent words; "paraphrase" is not.
    const [common, rare] = await embedder.embed(['government', 'paraphrase']);
    expect(isZeroVector(common)).toBe(false);
    expect(isZeroVector(rare)).toBe(true);
  }, 60_000);
});

describe('ensureDefaultModel', () => {
  it('builds once, atomically, and then reuses the folder', async () => {
    const modelDir = join(workDir, 'models');
    // Two workers starting at once on a fresh machine both try to build.
    const [first, second] = await Promise.all([ensureDefaultModel(modelDir), ensureDefaultModel(modelDir)]);
    expect(first.path).toBe(defaultModelPath(modelDir));
    expect(second.path).toBe(first.path);
    expect(await readdir(join(modelDir, 'chorus'))).toEqual(['glove-sif-100d']);

    await expect(ensureDefaultModel(modelDir)).resolves.toEqual({ built: false, path: first.path });
    const embedder = await createTransformersEmbedder({ model: 'chorus/glove-sif-100d', modelDir, allowRemote: false });
    expect(embedder.dimensions).toBe(100);
  }, 120_000);

  it('replaces an incomplete folder left by an interrupted copy', async () => {
    const modelDir = join(workDir, 'models');
    const path = defaultModelPath(modelDir);
    await mkdir(path, { recursive: true });
    await writeFile(join(path, 'config.json'), '{}');

    await expect(ensureDefaultModel(modelDir)).resolves.toEqual({ built: true, path });
    const embedder = await createTransformersEmbedder({ model: 'chorus/glove-sif-100d', modelDir, allowRemote: false });
    const [a, b] = await embedder.embed(['border security is a national concern', 'securing the border is a domestic issue']);
    expect(cosineSimilarity(a, b)).toBeGreaterThan(0.7);
  }, 120_000);
});
