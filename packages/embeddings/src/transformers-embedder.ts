import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { env, pipeline } from '@xenova/transformers';
import type { Embedder } from './embedder.js';
import { ModelMissingError } from './model-missing-error.js';
import { meanPoolNormalized } from './mean-pool.js';

export interface TransformersEmbedderOptions {
  /** Model id, a folder under `modelDir` (e.g. `chorus/glove-sif-100d`, `Xenova/all-MiniLM-L6-v2`). */
  readonly model: string;
  /** Folder holding `<model>/config.json` etc.; downloads (if allowed) are cached here too. */
  readonly modelDir: string;
  /** Whether the Hugging Face hub may be asked for files missing under `modelDir`. */
  readonly allowRemote: boolean;
  /** Load `onnx/model_quantized.onnx` (default) or `onnx/model.onnx`. */
  readonly quantized?: boolean;
}

// Texts per model call: bounds the padded [batch, tokens, dims] tensor when a batch mixes short
// and long comments, and is large enough to amortize the per-call overhead.
const BATCH_SIZE = 64;
/** Texts shorter than this (in characters) share a call whatever their lengths: padding them costs little. */
const MIN_SPLIT_LENGTH = 80;

interface TensorLike<T> {
  readonly data: ArrayLike<T>;
  readonly dims: readonly number[];
}
type ModelInputs = { readonly attention_mask: TensorLike<bigint> };
type ModelOutputs = { readonly last_hidden_state?: TensorLike<number>; readonly token_embeddings?: TensorLike<number> };

// transformers.js keeps its settings in one module-level `env`; loads are serialized so two
// embedders with different folders cannot read each other's settings half-way through a load.
let loadQueue: Promise<unknown> = Promise.resolve();

/** An Embedder on transformers.js' feature-extraction pipeline with mean pooling. */
export async function createTransformersEmbedder(options: TransformersEmbedderOptions): Promise<Embedder> {
  const quantized = options.quantized ?? true;
  const load = loadQueue.then(async () => {
    if (!options.allowRemote) await assertModelPresent(options.model, options.modelDir, quantized);
    env.allowLocalModels = true;
    env.allowRemoteModels = options.allowRemote;
    env.localModelPath = options.modelDir;
    // Downloads land as <modelDir>/<model>/..., the layout the next offline start loads from.
    env.cacheDir = options.modelDir;
    return pipeline('feature-extraction', options.model, { quantized });
  });
  loadQueue = load.catch(() => undefined);
  const extractor = await load;

  const hiddenSize = (extractor.model.config as { hidden_size?: unknown }).hidden_size;
  let inferenceCalls = 0;

  const embedBatch = async (texts: string[]): Promise<Float32Array[]> => {
    // The pipeline's own steps (tokenize with padding and truncation, run the model, mean-pool,
    // normalize), with our pooling: see mean-pool.ts for why.
    const inputs = extractor.tokenizer(texts, { padding: true, truncation: true }) as ModelInputs;
    const outputs = (await extractor.model(inputs)) as ModelOutputs;
    const hidden = outputs.last_hidden_state ?? outputs.token_embeddings;
    if (hidden === undefined) throw new Error(`${options.model}: the model returned no last_hidden_state`);
    inferenceCalls += texts.length;
    return meanPoolNormalized(hidden.data, inputs.attention_mask.data, hidden.dims);
  };

  let dimensions = typeof hiddenSize === 'number' ? hiddenSize : 0;
  if (dimensions === 0) {
    // Models whose config names the width differently: measure it once, uncounted.
    dimensions = (await embedBatch(['dimensions probe']))[0].length;
    inferenceCalls = 0;
  }

  return {
    modelId: options.model,
    dimensions,
    get inferenceCalls() {
      return inferenceCalls;
    },
    async embed(texts: readonly string[]): Promise<Float32Array[]> {
      // A batch is padded to its longest text, so texts of similar length are batched together
      // (one 500-word post among 63 short comments would otherwise cost 64 long rows).
      // A batch also ends where a text is more than twice as long as its first (past a few dozen
      // characters): a handful of long posts among short comments get a call of their own.
      const order = texts.map((_, index) => index).sort((a, b) => texts[a].length - texts[b].length);
      const vectors = new Array<Float32Array>(texts.length);
      let batch: number[] = [];
      const run = async () => {
        const batchVectors = await embedBatch(batch.map((index) => texts[index]));
        batch.forEach((index, i) => (vectors[index] = batchVectors[i]));
        batch = [];
      };
      for (const index of order) {
        const shortest = batch.length > 0 ? texts[batch[0]].length : 0;
        if (batch.length === BATCH_SIZE || (batch.length > 0 && texts[index].length > Math.max(2 * shortest, MIN_SPLIT_LENGTH))) await run();
        batch.push(index);
      }
      if (batch.length > 0) await run();
      return vectors;
    },
  };
}

async function assertModelPresent(model: string, modelDir: string, quantized: boolean): Promise<void> {
  const required = [
    'config.json',
    'tokenizer.json',
    'tokenizer_config.json',
    quantized ? 'onnx/model_quantized.onnx' : 'onnx/model.onnx',
  ];
  const missing: string[] = [];
  for (const file of required) {
    try {
      await access(join(modelDir, model, file));
    } catch {
      missing.push(`${model}/${file}`);
    }
  }
  if (missing.length > 0) throw new ModelMissingError(model, modelDir, missing);
}
