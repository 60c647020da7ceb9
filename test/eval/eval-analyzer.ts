// The pipeline of `chorus analyze` (lexical + semantic stages, default scoring) with the encoder
// loaded once and shared by every corpus of an evaluation run.
import { performance } from 'node:perf_hooks';
import { analyzeCorpus, DEFAULT_SCORING, MemoryPorts, type AnalysisResult, type CommentRecord, type PipelineParams } from '@chorus/core';
import { DEFAULT_EMBEDDING_MODEL } from '@chorus/embeddings';
import { memorySemanticPorts, testEncoder } from '../support/encoder.js';

/** The analyzer's defaults (analyze-command.ts without flags). */
export const EVAL_PARAMS: PipelineParams = { lexicalThreshold: 0.8, scoring: DEFAULT_SCORING };

export interface AnalyzedCorpus {
  readonly result: AnalysisResult;
  /** The ports after the run: lets diagnostics ask whether a comment had any similarity edge. */
  readonly ports: MemoryPorts;
  /** Wall time of analyzeCorpus, embedding included. */
  readonly seconds: number;
  readonly commentsPerSecond: number;
}

export interface EvalAnalyzer {
  readonly model: string;
  readonly loadSeconds: number;
  analyze(records: readonly CommentRecord[]): Promise<AnalyzedCorpus>;
}

/** Loads the default offline model once; each analyze() gets fresh ports and a fresh semantic index. */
export async function createEvalAnalyzer(): Promise<EvalAnalyzer> {
  const started = performance.now();
  const loaded = await testEncoder();
  const loadSeconds = (performance.now() - started) / 1000;
  return {
    model: DEFAULT_EMBEDDING_MODEL,
    loadSeconds,
    async analyze(records) {
      const semantic = memorySemanticPorts(loaded);
      const ports = new MemoryPorts();
      const t0 = performance.now();
      const result = await analyzeCorpus(records, EVAL_PARAMS, { semantic, ports, lexicalThread: true });
      const seconds = (performance.now() - t0) / 1000;
      return { result, ports, seconds, commentsPerSecond: records.length / Math.max(seconds, 0.001) };
    },
  };
}
