// The offline analyzer (`chorus analyze`) on a generated file of about 100,000 comments, as the
// command runs it (lexical stage in a second thread) and, for comparison, in one thread:
// lexical path alone (--no-semantic) and the whole pipeline with the default model. Reading and
// writing files is not timed, as the command's own "analyzed in" figure does not time it.
import { performance } from 'node:perf_hooks';
import { analyzeCorpus, DEFAULT_SCORING, type PipelineParams } from '@chorus/core';
import { corpusOptionsForSize, generateCorpus } from '../eval/generate-corpus.js';
import { recordsFromCorpus } from '../eval/eval-records.js';
import { memorySemanticPorts, testEncoder } from '../support/encoder.js';
import { progress, round } from './bench-kit.js';

const SIZE = 100_000;
const PARAMS: PipelineParams = { lexicalThreshold: 0.8, scoring: DEFAULT_SCORING };
export const LEXICAL_TARGET_PER_SECOND = 5000;
export const FULL_TARGET_SECONDS = 60;

interface Run {
  readonly seconds: number;
  readonly commentsPerSecond: number;
  readonly flagged: number;
  readonly clusters: number;
}

export interface AnalyzerResult {
  readonly comments: number;
  readonly lexical: { readonly twoThreads: Run; readonly oneThread: Run; readonly speedup: number; readonly targetPerSecond: number; readonly targetMet: boolean };
  readonly full: { readonly twoThreads: Run; readonly targetSeconds: number; readonly targetMet: boolean; readonly model: string };
  /** Both ways of running give the same verdicts (lexical path). */
  readonly sameResult: boolean;
  readonly peakRssMb: number;
}

export async function benchAnalyzer(): Promise<AnalyzerResult> {
  progress(`analyzer: generating about ${SIZE} comments`);
  const records = recordsFromCorpus(generateCorpus(corpusOptionsForSize(SIZE)));
  let peakRss = 0;
  const sample = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
  const run = async (label: string, options: Parameters<typeof analyzeCorpus>[2]) => {
    progress(`analyzer: ${label}, ${records.length} comments`);
    const t0 = performance.now();
    const result = await analyzeCorpus(records, PARAMS, options);
    const seconds = (performance.now() - t0) / 1000;
    const flagged = [...result.verdicts.values()].filter((v) => v.verdict !== 'clean').length;
    return { result, run: { seconds: round(seconds, 1), commentsPerSecond: Math.round(records.length / seconds), flagged, clusters: result.clusters.length } };
  };
  try {
    const lexical2 = await run('lexical path, two threads', { lexicalThread: true });
    const lexical1 = await run('lexical path, one thread', {});
    const verdicts = (r: typeof lexical1.result) => JSON.stringify(records.map((c) => r.verdicts.get(c.id)));
    const sameResult = verdicts(lexical1.result) === verdicts(lexical2.result);
    const loaded = await testEncoder();
    const full = await run('with the default model, two threads', { lexicalThread: true, semantic: memorySemanticPorts(loaded) });
    return {
      comments: records.length,
      lexical: {
        twoThreads: lexical2.run,
        oneThread: lexical1.run,
        speedup: round(lexical1.run.seconds / lexical2.run.seconds, 2),
        targetPerSecond: LEXICAL_TARGET_PER_SECOND,
        targetMet: lexical2.run.commentsPerSecond >= LEXICAL_TARGET_PER_SECOND,
      },
      full: { twoThreads: full.run, targetSeconds: FULL_TARGET_SECONDS, targetMet: full.run.seconds <= FULL_TARGET_SECONDS, model: loaded.encoder.modelId },
      sameResult,
      peakRssMb: Math.round(peakRss / 1e6),
    };
  } finally {
    clearInterval(sample);
  }
}
