/** The configured model folder is absent and downloading is not allowed. */
export class ModelMissingError extends Error {
  readonly code = 'MODEL_MISSING';
  readonly model: string;
  readonly modelDir: string;
  readonly missingFiles: readonly string[];

  constructor(model: string, modelDir: string, missingFiles: readonly string[]) {
    super(
      `Embedding model "${model}" is not in ${modelDir} (missing ${missingFiles.join(', ')}) and remote ` +
        'download is off. Build the default model (chorus/glove-sif-100d) with `npm run model:build`, ' +
        `or set EMBEDDING_MODEL_DIR to the folder that holds ${model}/ and EMBEDDING_MODEL to the model's name.`,
    );
    this.name = 'ModelMissingError';
    this.model = model;
    this.modelDir = modelDir;
    this.missingFiles = missingFiles;
  }
}
