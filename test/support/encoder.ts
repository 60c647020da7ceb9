// The default embedding model and encoder, loaded once per test file (jest's globalSetup builds it).
import { DEFAULT_EMBEDDING_MODEL, defaultModelDir, loadEncoder, type LoadedEncoder } from '@chorus/embeddings';

let loaded: Promise<LoadedEncoder> | undefined;

export function testEncoder(): Promise<LoadedEncoder> {
  loaded ??= loadEncoder({ model: DEFAULT_EMBEDDING_MODEL, modelDir: defaultModelDir(), allowRemote: false, removeCommonComponent: true });
  return loaded;
}
