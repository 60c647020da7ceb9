import { readFile } from 'node:fs/promises';
import { estimateCommonComponents, removeCommonComponents } from './common-component.js';
import type { Embedder } from './embedder.js';
import { isZeroVector } from './vector-math.js';

/** Turns an embedder's raw vectors into the vectors the semantic stage compares. */
export interface SentenceEncoder {
  readonly modelId: string;
  readonly dimensions: number;
  /** Raw embedder vector -> comparable vector (common component removed when enabled); zero stays zero. */
  adjust(raw: Float32Array): Float32Array;
}

const REFERENCE = new URL('../data/reference-comments.json', import.meta.url);

/** The bundled reference sample: 594 real forum posts, used only to estimate the common component. */
export async function referenceComments(): Promise<string[]> {
  return JSON.parse(await readFile(REFERENCE, 'utf8')) as string[];
}

/**
 * Builds the encoder. With `removeCommonComponent`, the direction shared by all comments is
 * estimated once from the bundled reference sample, so every process derives the same one and
 * their hyperplane buckets agree. Averaged word vectors need this to tell a paraphrase from any
 * on-topic comment (docs/semantic-calibration.md); a transformer model such as MiniLM may not.
 */
export async function createSentenceEncoder(embedder: Embedder, options: { removeCommonComponent: boolean }): Promise<SentenceEncoder> {
  if (!options.removeCommonComponent) {
    return { modelId: embedder.modelId, dimensions: embedder.dimensions, adjust: (raw) => raw };
  }
  const components = estimateCommonComponents(await embedder.embed(await referenceComments()), 1);
  return {
    modelId: embedder.modelId,
    dimensions: embedder.dimensions,
    adjust: (raw) => (isZeroVector(raw) ? raw : removeCommonComponents(raw, components)),
  };
}
