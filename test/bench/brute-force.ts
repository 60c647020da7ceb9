// The LSH path against brute force: a new comment compared with every stored one by
// lexicalSimilarity (string-similarity) alone, at 10,000 and 100,000 stored comments, next to the
// LSH path (features + in-memory band lookup + verification of the candidates) at the same sizes;
// and the recall of the LSH path on the brute-force pairs (similarity >= 0.8).
//
// Brute force with lexicalSimilarity is timed on 50 new comments x 10,000 stored, and on 2 of them
// x 100,000 stored (the 100,000 figure for all 50 is also extrapolated linearly from 10,000). The
// ground truth for recall at 100,000 uses an exact re-implementation of the same Dice coefficient
// (integer bigrams, sorted, merged), checked equal to lexicalSimilarity on every 10,000-size pair.
import { performance } from 'node:perf_hooks';
import { lexicalFeatures, lexicalSimilarity, normalizeText, sharedBigrams, sortedBigrams, type LexicalFeatures } from '@chorus/core';
import type { LabeledComment } from '../eval/generate-corpus.js';
import { benchCorpus, featuresOf, MemoryBandIndex, progress, round, timed } from './bench-kit.js';

const THRESHOLD = 0.8;
const SMALL = 10_000;
const SAMPLE_PER_KIND = 25;
const MEASURED_AT_LARGE = 2;
const LSH_TIMING_COMMENTS = 1_000;
const REPEATS = 3;

interface Profile {
  readonly normalized: string;
  readonly stripped: string;
  readonly bigrams: Uint32Array;
}

// Dice on character bigrams with whitespace removed, as string-similarity's compareTwoStrings
// computes it (same multiset intersection, same denominator), but on sorted integer bigrams.
function profile(normalized: string): Profile {
  const stripped = normalized.replace(/\s+/g, '');
  return { normalized, stripped, bigrams: sortedBigrams(stripped) };
}

function fastDice(a: Profile, b: Profile): number {
  if (a.normalized === b.normalized || a.stripped === b.stripped) return 1;
  if (a.stripped.length < 2 || b.stripped.length < 2) return 0;
  const common = sharedBigrams(a.bigrams, b.bigrams, 0);
  return (2.0 * common) / (a.stripped.length + b.stripped.length - 2);
}

/** Dice can only reach the threshold if the bigram counts are close: 2 min / (la + lb) >= threshold. */
function lengthAllows(a: Profile, b: Profile): boolean {
  const la = a.bigrams.length;
  const lb = b.bigrams.length;
  return (2 * Math.min(la, lb)) / Math.max(1, la + lb) >= THRESHOLD || a.stripped === b.stripped;
}

interface LshCost {
  readonly featuresUs: number;
  readonly lookupUs: number;
  readonly verificationUs: number;
  readonly totalUs: number;
  readonly candidatesPerComment: number;
  readonly edgesPerComment: number;
}

interface RecallStats {
  readonly bruteForcePairs: number;
  readonly lshPairs: number;
  readonly recall: number;
  /** Pairs whose normalized texts are identical (also found by the exact-match path in PostgreSQL). */
  readonly identicalPairs: number;
  readonly recallExcludingIdentical: number;
  readonly commentsWithMatches: number;
  /** Of those, comments for which the LSH path found at least one match. */
  readonly commentsWithAMatchFound: number;
  readonly campaignRecall: number;
  readonly organicRecall: number;
}

export interface BruteForceResult {
  readonly sample: string;
  readonly threshold: number;
  readonly at10k: {
    readonly bruteForceUsPerComment: number;
    readonly bruteForceUsPerPair: number;
    readonly lsh: LshCost;
    readonly speedup: number;
    readonly recall: RecallStats;
  };
  readonly at100k: {
    readonly bruteForceUsPerComment: number;
    readonly bruteForceMeasuredOn: number;
    readonly bruteForceExtrapolatedUsPerComment: number;
    /** Time at 100k over time at 10k for the same measured comments (linear would be 10). */
    readonly bruteForceGrowthSameComments: number;
    readonly lsh: LshCost;
    readonly speedup: number;
    readonly recall: RecallStats;
  };
  /** The exact Dice re-implementation used for the 100k ground truth, as a measure of what verification could cost. */
  readonly fastDice: { readonly checkedPairs: number; readonly mismatches: number; readonly usPerPair: number; readonly lengthFilterSkips: number };
  /** Filled in by run.ts when candidate-lookup ran too: the LSH path with the Redis lookup instead of the in-memory one. */
  speedupWithRedisLookup?: { readonly at10k: number; readonly at100k: number };
}

function pickSample(fresh: readonly LabeledComment[]): number[] {
  const campaign = fresh.flatMap((c, i) => (c.label.startsWith('campaign:') ? [i] : []));
  const organic = fresh.flatMap((c, i) => (c.label === 'organic' ? [i] : []));
  const spread = (ids: number[]) => Array.from({ length: Math.min(SAMPLE_PER_KIND, ids.length) }, (_, k) => ids[Math.floor(((k + 0.5) * ids.length) / SAMPLE_PER_KIND)]);
  return [...spread(organic), ...spread(campaign)];
}

/**
 * Per-comment cost of the LSH path for new comments against what the index holds (query only, so
 * each new comment sees the stored ones). Each part is the fastest of REPEATS passes, which keeps
 * a garbage-collection pause of the large heap out of a 2,000-comment timing.
 */
async function lshCost(index: MemoryBandIndex, texts: readonly string[], storedNorm: readonly string[]): Promise<LshCost> {
  let featuresMs = Infinity;
  let lookupMs = Infinity;
  let verifyMs = Infinity;
  let features: LexicalFeatures[] = [];
  let found: number[][] = [];
  let edges = 0;
  for (let rep = 1; rep <= REPEATS; rep++) {
    // lexicalFeatures caches normalized texts by raw text: invisible characters (removed by
    // normalization) make each pass's texts new to the cache, as a new comment's text would be.
    const suffix = '\u200b'.repeat(rep);
    const f = await timed(() => texts.map((t) => lexicalFeatures(t + suffix)));
    const l = await timed(() => f.value.map((x) => index.query(x.bandKeys)));
    const v = await timed(() => {
      let n = 0;
      l.value.forEach((ids, k) => {
        const a = f.value[k].normalized;
        for (const j of ids) if (lexicalSimilarity(a, storedNorm[j]) >= THRESHOLD) n++;
      });
      return n;
    });
    featuresMs = Math.min(featuresMs, f.elapsed.ms);
    lookupMs = Math.min(lookupMs, l.elapsed.ms);
    verifyMs = Math.min(verifyMs, v.elapsed.ms);
    features = f.value;
    found = l.value;
    edges = v.value;
  }
  if (features.length !== texts.length) throw new Error('features missing');
  const per = (ms: number) => (ms * 1000) / texts.length;
  return {
    featuresUs: round(per(featuresMs)),
    lookupUs: round(per(lookupMs)),
    verificationUs: round(per(verifyMs)),
    totalUs: round(per(featuresMs) + per(lookupMs) + per(verifyMs)),
    candidatesPerComment: round(found.reduce((s, ids) => s + ids.length, 0) / texts.length),
    edgesPerComment: round(edges / texts.length),
  };
}

function recallStats(sample: readonly number[], fresh: readonly LabeledComment[], truth: readonly number[][], found: readonly Set<number>[], freshNorm: readonly string[], storedNorm: readonly string[]): RecallStats {
  let bruteForcePairs = 0;
  let lshPairs = 0;
  let identical = 0;
  let identicalFound = 0;
  let withMatches = 0;
  let withFound = 0;
  const byKind = { campaign: [0, 0], organic: [0, 0] };
  sample.forEach((s, k) => {
    const kind = fresh[s].label === 'organic' ? byKind.organic : byKind.campaign;
    let hits = 0;
    for (const j of truth[k]) {
      const hit = found[k].has(j);
      if (hit) hits++;
      if (freshNorm[s] === storedNorm[j]) {
        identical++;
        if (hit) identicalFound++;
      }
    }
    bruteForcePairs += truth[k].length;
    lshPairs += hits;
    kind[0] += truth[k].length;
    kind[1] += hits;
    if (truth[k].length > 0) withMatches++;
    if (hits > 0) withFound++;
  });
  const ratio = (a: number, b: number) => (b === 0 ? 1 : round(a / b, 3));
  return {
    bruteForcePairs,
    lshPairs,
    recall: ratio(lshPairs, bruteForcePairs),
    identicalPairs: identical,
    recallExcludingIdentical: ratio(lshPairs - identicalFound, bruteForcePairs - identical),
    commentsWithMatches: withMatches,
    commentsWithAMatchFound: withFound,
    campaignRecall: ratio(byKind.campaign[1], byKind.campaign[0]),
    organicRecall: ratio(byKind.organic[1], byKind.organic[0]),
  };
}

/** Runs the brute-force comparison. */
export async function benchBruteForce(): Promise<BruteForceResult> {
  const { stored, fresh } = benchCorpus();
  const storedFeats: readonly LexicalFeatures[] = featuresOf('stored', stored);
  const freshFeats = featuresOf('fresh', fresh);
  const storedNorm = storedFeats.map((f) => f.normalized);
  const freshNorm = freshFeats.map((f) => f.normalized);
  const sample = pickSample(fresh);

  progress(`brute-force: ${sample.length} new comments x ${SMALL} stored with lexicalSimilarity`);
  const truth10k: number[][] = [];
  const scores10k: Float64Array[] = [];
  const perComment10k: number[] = [];
  const brute10k = await timed(() => {
    for (const s of sample) {
      const started = performance.now();
      const a = normalizeText(fresh[s].text);
      const scores = new Float64Array(SMALL);
      const hits: number[] = [];
      for (let j = 0; j < SMALL; j++) {
        const sim = lexicalSimilarity(a, storedNorm[j]);
        scores[j] = sim;
        if (sim >= THRESHOLD) hits.push(j);
      }
      truth10k.push(hits);
      scores10k.push(scores);
      perComment10k.push(performance.now() - started);
    }
  });
  const bruteUs10k = (brute10k.elapsed.ms * 1000) / sample.length;

  const largeKeys = [0, SAMPLE_PER_KIND, 1, SAMPLE_PER_KIND + 1].slice(0, MEASURED_AT_LARGE);
  const measuredLarge = largeKeys.map((k) => sample[k]);
  const sameCommentsAt10kMs = largeKeys.reduce((sum, k) => sum + perComment10k[k], 0);
  progress(`brute-force: ${measuredLarge.length} new comments x ${stored.length} stored with lexicalSimilarity`);
  const brute100k = await timed(() => {
    let hits = 0;
    for (const s of measuredLarge) {
      const a = normalizeText(fresh[s].text);
      for (let j = 0; j < stored.length; j++) if (lexicalSimilarity(a, storedNorm[j]) >= THRESHOLD) hits++;
    }
    return hits;
  });
  const bruteUs100k = (brute100k.elapsed.ms * 1000) / measuredLarge.length;

  progress('brute-force: exact ground truth at 100k (fast Dice, checked against lexicalSimilarity)');
  const storedProfiles = storedNorm.map(profile);
  const sampleProfiles = sample.map((s) => profile(freshNorm[s]));
  let mismatches = 0;
  const check = await timed(() => {
    sample.forEach((_, k) => {
      for (let j = 0; j < SMALL; j++) if (fastDice(sampleProfiles[k], storedProfiles[j]) !== scores10k[k][j]) mismatches++;
    });
  });
  let skips = 0;
  const truth100k: number[][] = sample.map((_, k) => {
    const hits: number[] = [];
    for (let j = 0; j < stored.length; j++) {
      if (!lengthAllows(sampleProfiles[k], storedProfiles[j])) {
        skips++;
        continue;
      }
      if (fastDice(sampleProfiles[k], storedProfiles[j]) >= THRESHOLD) hits.push(j);
    }
    return hits;
  });

  progress('brute-force: LSH path at 10k and 100k');
  const timingTexts = fresh.filter((_, i) => i % 4 === 0).slice(0, LSH_TIMING_COMMENTS).map((c) => c.text);
  const sampleFound = (index: MemoryBandIndex) =>
    sample.map((s) => new Set(index.query(freshFeats[s].bandKeys).filter((j) => lexicalSimilarity(freshNorm[s], storedNorm[j]) >= THRESHOLD)));
  const index = new MemoryBandIndex(32);
  for (let j = 0; j < SMALL; j++) index.add(j, storedFeats[j].bandKeys);
  const lsh10k = await lshCost(index, timingTexts, storedNorm);
  const found10k = sampleFound(index);
  for (let j = SMALL; j < stored.length; j++) index.add(j, storedFeats[j].bandKeys);
  const lsh100k = await lshCost(index, timingTexts, storedNorm);
  const found100k = sampleFound(index);

  return {
    sample: `${sample.length} held-out new comments (${SAMPLE_PER_KIND} organic, ${SAMPLE_PER_KIND} campaign), spread over the stream`,
    threshold: THRESHOLD,
    at10k: {
      bruteForceUsPerComment: round(bruteUs10k),
      bruteForceUsPerPair: round(bruteUs10k / SMALL, 3),
      lsh: lsh10k,
      speedup: round(bruteUs10k / lsh10k.totalUs, 1),
      recall: recallStats(sample, fresh, truth10k, found10k, freshNorm, storedNorm),
    },
    at100k: {
      bruteForceUsPerComment: round(bruteUs100k),
      bruteForceMeasuredOn: measuredLarge.length,
      bruteForceExtrapolatedUsPerComment: round(bruteUs10k * (stored.length / SMALL)),
      bruteForceGrowthSameComments: round(brute100k.elapsed.ms / sameCommentsAt10kMs, 2),
      lsh: lsh100k,
      speedup: round(bruteUs100k / lsh100k.totalUs, 1),
      recall: recallStats(sample, fresh, truth100k, found100k, freshNorm, storedNorm),
    },
    fastDice: {
      checkedPairs: sample.length * SMALL,
      mismatches,
      usPerPair: round((check.elapsed.ms * 1000) / (sample.length * SMALL), 3),
      lengthFilterSkips: round(skips / (sample.length * stored.length), 3),
    },
  };
}

/** The speed-up when the in-memory lookup is replaced by the measured Redis lookup (mean) at each size. */
export function speedupWithRedisLookup(result: BruteForceResult, redisMeanUs: { at10k: number; at100k: number }): { at10k: number; at100k: number } {
  const withRedis = (lsh: LshCost, redisUs: number) => lsh.featuresUs + lsh.verificationUs + redisUs;
  return {
    at10k: round(result.at10k.bruteForceUsPerComment / withRedis(result.at10k.lsh, redisMeanUs.at10k), 1),
    at100k: round(result.at100k.bruteForceUsPerComment / withRedis(result.at100k.lsh, redisMeanUs.at100k), 1),
  };
}
