// The default embedding model and encoder, loaded once per process (for jest, once per test file;
// jest's globalSetup builds it).
import { HyperplaneLsh, MemorySemanticPorts } from '@chorus/core';
import { DEFAULT_EMBEDDING_MODEL, defaultModelDir, loadEncoder, type LoadedEncoder } from '@chorus/embeddings';

let loaded: Promise<LoadedEncoder> | undefined;

export function testEncoder(): Promise<LoadedEncoder> {
  loaded ??= loadEncoder({ model: DEFAULT_EMBEDDING_MODEL, modelDir: defaultModelDir(), allowRemote: false, removeCommonComponent: true });
  return loaded;
}

/** A fresh in-memory semantic index over a loaded encoder, as the offline analyzer uses it. */
export function memorySemanticPorts({ embedder, encoder }: LoadedEncoder): MemorySemanticPorts {
  return new MemorySemanticPorts(new HyperplaneLsh(encoder.dimensions), { embed: (texts) => embedder.embed(texts), adjust: encoder.adjust });
}
