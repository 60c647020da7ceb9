import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '@jest/types';

// Mirrors MODEL_FILES in packages/embeddings/src/build-glove-sif.ts. jest loads this file as
// CommonJS outside its module mapper, where the package's `.js`-suffixed ESM imports do not
// resolve, so the build runs in a child process through the same script as `npm run model:build`.
const MODEL_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx', 'onnx/model.onnx'];

/**
 * jest globalSetup: builds the default embedding model into `<rootDir>/models` unless it is
 * there, so the embedding tests of a fresh clone run on the real model.
 */
export async function ensureTestModel(_globalConfig: Config.GlobalConfig, projectConfig: Config.ProjectConfig): Promise<void> {
  const rootDir = projectConfig.rootDir;
  const modelDir = join(rootDir, 'models');
  const modelPath = join(modelDir, 'chorus', 'glove-sif-100d');
  if (MODEL_FILES.every((file) => existsSync(join(modelPath, file)))) return;

  const script = join(rootDir, 'packages', 'embeddings', 'scripts', 'build-model.ts');
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, '--out', modelDir], {
    cwd: rootDir,
    stdio: 'inherit',
  });
  if (result.error !== undefined) throw result.error;
  if (result.status !== 0) throw new Error(`building the embedding model failed (exit ${result.status}): ${script}`);
}

// jest calls a globalSetup module's default export; there is no named alternative.
export default ensureTestModel;
