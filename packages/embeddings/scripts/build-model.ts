// Builds the default offline embedding model: `npm run model:build [-- --out DIR]`.
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultModelDir } from '../src/default-model.js';
import { MODEL_FILES, ensureDefaultModel } from '../src/build-glove-sif.js';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const modelDir = values.out === undefined ? defaultModelDir() : resolve(values.out);

const started = performance.now();
const { built, path } = await ensureDefaultModel(modelDir);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const sizeMb = (await stat(join(path, 'onnx', 'model_quantized.onnx'))).size / 1e6;

console.log(built ? `built ${path} in ${seconds}s` : `already present: ${path} (delete it to rebuild)`);
console.log(`files: ${MODEL_FILES.join(', ')}; graph ${sizeMb.toFixed(1)} MB`);
console.log(`use it with EMBEDDING_MODEL_DIR=${modelDir} EMBEDDING_MODEL=chorus/glove-sif-100d`);
