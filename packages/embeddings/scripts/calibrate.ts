// Measures cosine distributions of an embedding model (default: the built-in GloVe-SIF one) on
// paraphrase pairs and on real organic pairs, per text length:
//   tsx packages/embeddings/scripts/calibrate.ts [--json FILE] [--model ID --model-dir DIR]
// Prints markdown tables, then the full result as JSON (or writes it to FILE). The findings for
// the default model are written up in docs/semantic-calibration.md.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureDefaultModel } from '../src/build-glove-sif.js';
import { DEFAULT_EMBEDDING_MODEL, defaultModelDir } from '../src/default-model.js';
import { createTransformersEmbedder } from '../src/transformers-embedder.js';
import { isZeroVector } from '../src/vector-math.js';
import { loadCalibrationCorpus } from './calibration/calibration-corpus.js';
import type { Pair, PairKind } from './calibration/calibration-corpus.js';
import { distributionTable, separationTable, suggestedTable } from './calibration/report-tables.js';
import type { VariantResult } from './calibration/report-tables.js';
import { CANDIDATE_THRESHOLDS, LENGTH_BUCKETS, describe, separationAuc, shareAtOrAbove, sortScores } from './calibration/score-stats.js';
import { buildVariants, commonComponentStability } from './calibration/variants.js';
import type { Variant } from './calibration/variants.js';
import { dot } from './calibration/vector-ops.js';

const { values: args } = parseArgs({
  options: { json: { type: 'string' }, model: { type: 'string' }, 'model-dir': { type: 'string' } },
});
const fixture = (name: string) => fileURLToPath(new URL(`../../../test/fixtures/${name}`, import.meta.url));
const BUCKETS = ['all', ...LENGTH_BUCKETS];
const KINDS: readonly PairKind[] = ['paraphrase', 'organic', 'unrelated'];
const PARAPHRASE_SOURCES = ['seed top-level', 'seed replies', 'hand-written'];
// Removing the common component moves every score down, so its candidates sit lower.
const TRANSFORMED_THRESHOLDS = [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9];

const started = performance.now();
const model = args.model ?? DEFAULT_EMBEDDING_MODEL;
const modelDir = args['model-dir'] === undefined ? defaultModelDir() : resolve(args['model-dir']);
if (model === DEFAULT_EMBEDDING_MODEL) await ensureDefaultModel(modelDir);
const embedder = await createTransformersEmbedder({ model, modelDir, allowRemote: false });
const corpus = loadCalibrationCorpus(fixture('seed-thread.jsonl'), fixture('organic-forum-dev.jsonl.gz'), 100_000);
const embedStarted = performance.now();
const raw = await embedder.embed(corpus.texts);
const embedSeconds = (performance.now() - embedStarted) / 1000;

// A text with no known word has no direction; the semantic stage skips it, and so do we.
const pairs = [...corpus.paraphrasePairs, ...corpus.organicPairs, ...corpus.unrelatedPairs];
const kept = pairs.filter((pair: Pair) => !isZeroVector(raw[pair.a]) && !isZeroVector(raw[pair.b]));
const { variants, hosts } = buildVariants(corpus, raw);

function evaluate(variant: Variant): VariantResult {
  const thresholds = variant.name === 'raw' ? CANDIDATE_THRESHOLDS : TRANSFORMED_THRESHOLDS;
  const scores = new Map<string, number[]>();
  for (const pair of kept) {
    const score = dot(variant.vectors[pair.a], variant.vectors[pair.b]);
    const keys = [`${pair.kind}|all`, `${pair.kind}|${pair.bucket}`];
    if (pair.source !== undefined) keys.push(`${pair.kind}|${pair.source}`);
    for (const key of keys) {
      const list = scores.get(key) ?? [];
      if (list.length === 0) scores.set(key, list);
      list.push(score);
    }
  }
  const sorted = new Map([...scores].map(([key, list]) => [key, sortScores(list)]));
  const cell = (kind: PairKind, bucket: string) => sorted.get(`${kind}|${bucket}`);

  const separation = BUCKETS.map((bucket) => {
    const paraphrase = cell('paraphrase', bucket);
    const organic = cell('organic', bucket);
    if (paraphrase === undefined || organic === undefined) return { bucket, paraphrasePairs: 0 };
    const p = describe(paraphrase);
    return {
      bucket,
      paraphrasePairs: paraphrase.length,
      auc: separationAuc(paraphrase, organic),
      // Organic pairs flagged at the threshold that keeps 90% / 100% of the paraphrase pairs.
      organicAtRecall90: shareAtOrAbove(organic, p.p10),
      organicAtRecall100: shareAtOrAbove(organic, p.min),
    };
  });
  // The lowest threshold (0.005 steps) at which organic same-thread pairs stay under 1% / 0.1%.
  const suggested = BUCKETS.map((bucket) => {
    const organic = cell('organic', bucket);
    const paraphrase = cell('paraphrase', bucket);
    const at = (rate: number) => {
      if (organic === undefined) return null;
      let threshold = 0;
      while (threshold < 1 && shareAtOrAbove(organic, threshold) > rate) threshold += 0.005;
      return { threshold: Number(threshold.toFixed(3)), paraphraseRecall: paraphrase ? shareAtOrAbove(paraphrase, threshold) : null };
    };
    return { bucket, organic1pct: at(0.01), organic01pct: at(0.001) };
  });
  const byKind = (kind: PairKind) =>
    Object.fromEntries(BUCKETS.map((bucket) => [bucket, cell(kind, bucket) ? describe(cell(kind, bucket) ?? new Float64Array(), thresholds) : null]));
  const distributions = { paraphrase: byKind('paraphrase'), organic: byKind('organic'), unrelated: byKind('unrelated') };
  for (const source of PARAPHRASE_SOURCES) {
    const scoresOfSource = cell('paraphrase', source);
    if (scoresOfSource !== undefined) distributions.paraphrase[source] = describe(scoresOfSource, thresholds);
  }
  return { variant: variant.name, description: variant.description, thresholds, distributions, separation, suggested };
}

const results = variants.map(evaluate);
for (const result of results.filter((r) => r.variant === 'raw' || r.variant === 'pc1-removed')) {
  console.log(`\n## ${result.variant}: ${result.description} (bucket = words in the shorter text)\n`);
  console.log(distributionTable(result, KINDS, BUCKETS));
  console.log('');
  console.log(distributionTable(result, ['paraphrase'], PARAPHRASE_SOURCES));
  console.log(`\nLowest threshold keeping organic same-thread pairs under 1% / 0.1% (${result.variant})\n`);
  console.log(suggestedTable(result));
}
console.log('\n## Separation of paraphrase pairs from organic same-thread pairs\n');
console.log(separationTable(results));

const skipped = pairs.length - kept.length;
const report = {
  model,
  texts: corpus.texts.length,
  zeroVectorTexts: raw.filter(isZeroVector).length,
  pairs: { paraphrase: corpus.paraphrasePairs.length, organic: corpus.organicPairs.length, unrelated: corpus.unrelatedPairs.length, skippedZeroVector: skipped },
  embedSeconds: Number(embedSeconds.toFixed(2)),
  textsPerSecond: Math.round(corpus.texts.length / embedSeconds),
  commonComponentStability: commonComponentStability(corpus, raw),
  hostThreads: hosts,
  results,
  totalSeconds: (performance.now() - started) / 1000,
};
const json = JSON.stringify(report, (_, value: unknown) => (typeof value === 'number' ? Number(value.toFixed(4)) : value), 2);
if (args.json === undefined) console.log(`\n${json}`);
else writeFileSync(args.json, `${json}\n`);
console.log(
  `\n${report.texts} texts embedded in ${report.embedSeconds}s (${report.textsPerSecond}/s); ${pairs.length} pairs, ` +
    `${skipped} skipped (zero vector); common component stability ${report.commonComponentStability.toFixed(4)}; ${report.totalSeconds.toFixed(1)}s total`,
);
