import { ensureDefaultModel } from './build-glove-sif.js';
import { DEFAULT_EMBEDDING_MODEL } from './default-model.js';
import type { Embedder } from './embedder.js';
import { createSentenceEncoder, type SentenceEncoder } from './sentence-encoder.js';
import { createTransformersEmbedder } from './transformers-embedder.js';

export interface EmbeddingSettings {
  readonly model: string;
  readonly modelDir: string;
  readonly allowRemote: boolean;
  readonly removeCommonComponent: boolean;
}

export interface LoadedEncoder {
  readonly embedder: Embedder;
  readonly encoder: SentenceEncoder;
  /** True when the default model had to be built first (first use on a fresh install). */
  readonly built: boolean;
}

/**
 * Loads the configured model and its encoder. The default model is built on first use from the
 * installed word vectors; any other model must already be under `modelDir` (or the hub allowed),
 * else ModelMissingError names the variables to set.
 */
export async function loadEncoder(settings: EmbeddingSettings): Promise<LoadedEncoder> {
  const built = settings.model === DEFAULT_EMBEDDING_MODEL ? (await ensureDefaultModel(settings.modelDir)).built : false;
  const embedder = await createTransformersEmbedder({ model: settings.model, modelDir: settings.modelDir, allowRemote: settings.allowRemote });
  const encoder = await createSentenceEncoder(embedder, { removeCommonComponent: settings.removeCommonComponent });
  return { embedder, encoder, built };
}
