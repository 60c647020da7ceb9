import { DEFAULT_EMBEDDING_MODEL } from './default-model.js';

/** The configured model folder is absent and downloading is not allowed. */
export class ModelMissingError extends Error {
  readonly code = 'MODEL_MISSING';
  readonly model: string;
  readonly modelDir: string;
  readonly missingFiles: readonly string[];

  constructor(model: string, modelDir: string, missingFiles: readonly string[]) {
    const fix =
      model === DEFAULT_EMBEDDING_MODEL
        ? 'Build it with `npm run model:build` (writes <repo>/models/chorus/glove-sif-100d), ' +
          'or set EMBEDDING_MODEL_DIR to the folder that already holds it.'
        : `Copy the model folder to ${modelDir}/${model}, or point EMBEDDING_MODEL_DIR / EMBEDDING_MODEL ` +
          'at an existing copy; the default model is built with `npm run model:build`.';
    super(
      `Embedding model "${model}" not found under EMBEDDING_MODEL_DIR=${modelDir} ` +
        `(missing: ${missingFiles.join(', ')}) and remote download is off. ${fix}`,
    );
    this.name = 'ModelMissingError';
    this.model = model;
    this.modelDir = modelDir;
    this.missingFiles = missingFiles;
  }
}
