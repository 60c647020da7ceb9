// The shape of one evaluation run (printed as JSON and written to test/eval/results/latest.json),
// and the targets the figures are held against.
import type { ClusterSample, ComponentCensus, FalsePositiveProfile, MissSummary, OrganicRepetition } from './eval-diagnostics.js';
import type { Quality } from './eval-metrics.js';
import type { SeedSpread } from './eval-seeds.js';
import type { ShapeResults } from './eval-shapes.js';

export const TARGETS = {
  /** Comment-level precision over the generated corpora. */
  precision: 0.97,
  /** Comment-level recall of every campaign type. */
  recallPerType: 0.9,
  /** Share of generated organic comments flagged. */
  organicFalsePositiveRate: 0.005,
  /** Share of the real organic forum posts flagged. */
  realOrganicFlagged: 0.005,
} as const;

export interface CorpusRow {
  readonly name: string;
  readonly seed: number;
  readonly threads: number;
  readonly comments: number;
  readonly generateSeconds: number;
  readonly analyzeSeconds: number;
  readonly commentsPerSecond: number;
  /** Time spent on diagnostics (component census, misses, false-positive clusters). */
  readonly diagnoseSeconds: number;
  readonly components: ComponentCensus;
  readonly organicRepetition: OrganicRepetition;
  readonly quality: Quality;
}

/** A corpus never tuned on: its figures only. */
export interface HeldOutRow {
  readonly name: string;
  readonly seed: number;
  readonly threads: number;
  readonly comments: number;
  readonly quality: Quality;
}

export interface TargetsMet {
  readonly precision: boolean;
  readonly recallPerType: Readonly<Record<string, boolean>>;
  readonly organicFalsePositiveRate: boolean;
  readonly realOrganicFlagged: boolean;
  readonly all: boolean;
}

export interface EvalResults {
  readonly finishedAt: string;
  readonly model: string;
  readonly encoderLoadSeconds: number;
  readonly params: { readonly lexicalThreshold: number; readonly suspectThreshold: number; readonly coordinatedThreshold: number };
  readonly targets: typeof TARGETS;
  readonly targetsMet: TargetsMet;
  readonly generated: {
    readonly corpora: readonly CorpusRow[];
    /** Sums over every generated corpus, then ratios. */
    readonly aggregate: Quality;
    /** Every false-positive cluster grouped by the signals that scored it. */
    readonly falsePositiveProfile: readonly FalsePositiveProfile[];
    readonly largestFalsePositiveClusters: readonly ClusterSample[];
    readonly missesByType: Readonly<Record<string, MissSummary>>;
  };
  /** Generated corpora of seeds never tuned on, and their sums; not held against the targets. */
  readonly heldOut: { readonly corpora: readonly HeldOutRow[]; readonly aggregate: Quality };
  /** One corpus per unseen seed (13..40, 40 threads): minimum and median per campaign type. */
  readonly unseenSeeds: SeedSpread;
  /** Shapes unlike the generator, each against its own targets (eval-shapes.ts). */
  readonly shapes: ShapeResults;
  readonly realOrganic: {
    readonly file: string;
    readonly comments: number;
    readonly flagged: number;
    readonly flaggedShare: number;
    readonly flaggedClusters: number;
    readonly components: ComponentCensus;
    readonly organicRepetition: OrganicRepetition;
    readonly analyzeSeconds: number;
    readonly commentsPerSecond: number;
    readonly topFlaggedClusters: readonly ClusterSample[];
  };
  /** The analyzer over every run (embedding included, encoder load excluded). */
  readonly throughput: { readonly comments: number; readonly seconds: number; readonly commentsPerSecond: number };
  readonly totalSeconds: number;
}
