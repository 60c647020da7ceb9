export type { Embedder } from './embedder.js';
export { createTransformersEmbedder } from './transformers-embedder.js';
export type { TransformersEmbedderOptions } from './transformers-embedder.js';
export { ModelMissingError } from './model-missing-error.js';
export { DEFAULT_EMBEDDING_MODEL, defaultModelDir } from './default-model.js';
export { buildGloveSifModel, defaultModelPath, ensureDefaultModel, MODEL_FILES } from './build-glove-sif.js';
export type { GloveSifOptions } from './build-glove-sif.js';
export { cosineSimilarity, isZeroVector, l2NormalizeInPlace } from './vector-math.js';
export { estimateCommonComponents, removeCommonComponents } from './common-component.js';
