// Embeddings per second through the semantic stage (createSemanticPorts.vectorOf: normalize, cache
// MGET in Redis, MicroBatcher, model, cache SET, common-component removal) against the model called
// directly on the same texts, and what the embedding cache saves on a stream of campaign copies.
//
// Requests go through a runner with 64 in flight, as the embed worker holds max(EMBED_CONCURRENCY,
// EMBED_BATCH_SIZE) = 64 jobs; one round also starts all 5,000 at once. Each round uses its own
// 5,000 texts and a fresh cache prefix, so normalizeCached and the embedding cache start cold;
// the median of the rounds is reported.
import { normalizeCached, normalizeText, textFingerprint } from '@chorus/core';
import type { Embedder, SentenceEncoder } from '@chorus/embeddings';
import { Random } from '../eval/corpus/prng.js';
import { round, timed } from './bench-kit.js';
import { BATCH_SIZE, inFlight, JOBS_IN_HAND, median, metered, record, semanticStage, type SemanticSetup } from './semantic-kit.js';

export const STAGE_TEXTS = 5_000;
const ROUNDS = 3;
const CACHE_COMMENTS = 5_000;
const COPY_SHARE = 0.6;
export const CACHE_ORGANIC = Math.round(CACHE_COMMENTS * (1 - COPY_SHARE));
export const TEMPLATES = 50;

export interface StageRun {
  readonly ms: number;
  readonly perSecond: number;
  readonly cpuMs: number;
  /** Model calls made by the MicroBatcher, and their mean size. */
  readonly batches: number;
  readonly meanBatch: number;
  /** Share of the wall time during which a model call was running. */
  readonly modelBusyShare: number;
  readonly maxConcurrentModelCalls: number;
}

export interface StageThroughput {
  readonly texts: number;
  readonly meanChars: number;
  readonly rounds: number;
  readonly jobsInHand: number;
  /** embedder.embed on the normalized texts, batches of 32, one after another. */
  readonly raw: { readonly ms: number; readonly perSecond: number; readonly cpuMs: number };
  readonly stage: StageRun;
  /** Stage time / raw time (medians). */
  readonly overhead: number;
  /** The same requests with a model that answers at once (texts already normalized): Redis, batching, adjust. */
  readonly stageWithoutModel: StageRun;
  /** One round with all 5,000 requests started at once. */
  readonly allAtOnce: StageRun & { readonly overhead: number };
  /** Per text, timed alone. */
  readonly partsUs: { readonly normalize: number; readonly fingerprint: number; readonly adjust: number };
  /** Vectors the stage returned that differ from adjust(raw) of the direct call (should be 0). */
  readonly mismatches: number;
}

export interface CacheVariant {
  readonly ms: number;
  readonly perSecond: number;
  readonly modelCalls: number;
  readonly cacheHits: number;
  readonly cacheMisses: number;
}

export interface CacheEffect {
  readonly comments: number;
  readonly copies: number;
  readonly templates: number;
  /** Distinct normalized texts in the stream: the fewest model calls possible. */
  readonly distinctTexts: number;
  /** Share of copies whose normalized text equals their template's (the obfuscations are undone). */
  readonly copiesNormalizedToTemplate: number;
  readonly cached: CacheVariant;
  /** Same stream, cache defeated by a model id that changes on every read (same Redis traffic, always a miss). */
  readonly uncached: CacheVariant;
  readonly speedup: number;
  readonly rounds: number;
}

async function stageRun(setup: SemanticSetup, texts: readonly string[], concurrency: number, model: Embedder = setup.embedder) {
  const { embedder, meter } = metered(model);
  const { ports } = semanticStage(setup, embedder);
  const vectors: (Float32Array | null)[] = new Array(texts.length);
  const { elapsed } = await timed(() =>
    inFlight(
      texts.map((t, i) => record(t, i)),
      concurrency,
      async (r) => (vectors[Number(r.id)] = await ports.vectorOf(r)),
    ),
  );
  const run: StageRun = {
    ms: round(elapsed.ms, 1),
    perSecond: Math.round(texts.length / (elapsed.ms / 1000)),
    cpuMs: round(elapsed.cpuMs, 1),
    batches: meter.batches,
    meanBatch: round(meter.texts / Math.max(1, meter.batches), 1),
    modelBusyShare: round(meter.busyMs / elapsed.ms, 3),
    maxConcurrentModelCalls: meter.maxConcurrent,
  };
  return { run, vectors };
}

async function rawRun(embedder: Embedder, normalized: readonly string[]) {
  const out: Float32Array[] = [];
  const { elapsed } = await timed(async () => {
    for (let i = 0; i < normalized.length; i += BATCH_SIZE) out.push(...(await embedder.embed(normalized.slice(i, i + BATCH_SIZE))));
  });
  return { ms: elapsed.ms, cpuMs: elapsed.cpuMs, vectors: out };
}

// A model with the answers known in advance: what the stage costs around inference.
function instantModel(embedder: Embedder, answers: ReadonlyMap<string, Float32Array>): Embedder {
  return { modelId: embedder.modelId, dimensions: embedder.dimensions, inferenceCalls: 0, embed: async (texts) => texts.map((t) => answers.get(t)!) };
}

// ROUNDS is odd, so the median is one of the runs.
const medianRun = (runs: readonly StageRun[]): StageRun => runs.find((r) => r.ms === median(runs.map((x) => x.ms)))!;

/** Part 1: `sets` are ROUNDS + 1 disjoint lists of STAGE_TEXTS distinct texts (the last for the all-at-once run). */
export async function benchStageThroughput(setup: SemanticSetup, sets: readonly (readonly string[])[]): Promise<StageThroughput> {
  let mismatches = 0;
  const measureRound = async (texts: readonly string[], concurrency: number, withoutModel: boolean) => {
    const normalized = texts.map((t) => normalizeText(t));
    const raw = await rawRun(setup.embedder, normalized);
    const { run, vectors } = await stageRun(setup, texts, concurrency);
    vectors.forEach((v, i) => {
      const want = setup.encoder.adjust(raw.vectors[i]);
      if (v === null ? want.some((x) => x !== 0) : v.some((x, j) => Math.abs(x - want[j]) > 1e-5)) mismatches++;
    });
    // normalizeCached is warm now: this run is the stage around the model, minus normalization.
    const answers = new Map(normalized.map((n, i) => [n, raw.vectors[i]]));
    const bare = withoutModel ? (await stageRun(setup, texts, concurrency, instantModel(setup.embedder, answers))).run : run;
    return { raw, run, bare };
  };
  const rounds = [];
  for (let r = 0; r < ROUNDS; r++) rounds.push(await measureRound(sets[r], JOBS_IN_HAND, true));
  const all = await measureRound(sets[ROUNDS], sets[ROUNDS].length, false);

  const texts = sets[0];
  const rawMs = median(rounds.map((r) => r.raw.ms));
  const stage = medianRun(rounds.map((r) => r.run));
  const perText = (ms: number, n = texts.length) => round((ms * 1000) / n, 2);
  const normalize = await timed(() => texts.map((t) => normalizeText(t)));
  const fingerprint = await timed(() => normalize.value.map((n) => textFingerprint(n)));
  const rawVectors = await setup.embedder.embed(normalize.value.slice(0, 1000));
  const adjust = await timed(() => rawVectors.map((v) => setup.encoder.adjust(v)));
  return {
    texts: texts.length,
    meanChars: Math.round(texts.reduce((s, t) => s + t.length, 0) / texts.length),
    rounds: ROUNDS,
    jobsInHand: JOBS_IN_HAND,
    raw: { ms: round(rawMs, 1), perSecond: Math.round(texts.length / (rawMs / 1000)), cpuMs: round(median(rounds.map((r) => r.raw.cpuMs)), 1) },
    stage,
    overhead: round(stage.ms / rawMs, 2),
    stageWithoutModel: medianRun(rounds.map((r) => r.bare)),
    allAtOnce: { ...all.run, overhead: round(all.run.ms / all.raw.ms, 2) },
    partsUs: { normalize: perText(normalize.elapsed.ms), fingerprint: perText(fingerprint.elapsed.ms), adjust: perText(adjust.elapsed.ms, rawVectors.length) },
    mismatches,
  };
}

const ZERO_WIDTH = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF'];
const LOOKALIKE: Readonly<Record<string, string>> = { a: '\u0430', e: '\u0435', o: '\u043E', c: '\u0441', p: '\u0440' };

// Obfuscations that normalizeText undoes: case, zero-width characters, Cyrillic look-alikes, spacing.
function obfuscate(text: string, r: Random): string {
  let chars = Array.from(r.chance(0.3) ? text.toLowerCase() : r.chance(0.2) ? text.toUpperCase() : text);
  if (r.chance(0.5)) chars = chars.map((ch) => (LOOKALIKE[ch] && r.chance(0.15) ? LOOKALIKE[ch] : ch));
  for (let n = r.int(1, 6); n > 0; n--) chars.splice(r.int(1, chars.length - 1), 0, r.pick(ZERO_WIDTH));
  const out = chars.join('');
  return r.chance(0.3) ? out.replace(/ /g, () => (r.chance(0.1) ? '  ' : ' ')) : out;
}

// The embedding cache is keyed by encoder.modelId; a new id at every read makes every lookup miss.
function cacheDefeating(encoder: SentenceEncoder): SentenceEncoder {
  let reads = 0;
  return {
    get modelId() {
      return `${encoder.modelId}#${reads++}`;
    },
    dimensions: encoder.dimensions,
    adjust: (raw) => encoder.adjust(raw),
  };
}

async function cacheRun(setup: SemanticSetup, stream: readonly string[], defeat: boolean): Promise<CacheVariant> {
  const { ports } = semanticStage(setup, setup.embedder, defeat ? cacheDefeating(setup.encoder) : setup.encoder);
  const calls = setup.embedder.inferenceCalls;
  const { elapsed } = await timed(() => inFlight(stream.map((t, i) => record(t, i)), JOBS_IN_HAND, (r) => ports.vectorOf(r)));
  return {
    ms: round(elapsed.ms, 1),
    perSecond: Math.round(stream.length / (elapsed.ms / 1000)),
    modelCalls: setup.embedder.inferenceCalls - calls,
    cacheHits: ports.stats.cacheHits,
    cacheMisses: ports.stats.cacheMisses,
  };
}

/** Part 2: a stream of 40% distinct organic texts and 60% obfuscated copies of 50 templates, through the stage with and without its cache. */
export async function benchCacheEffect(setup: SemanticSetup, organic: readonly string[], templates: readonly string[]): Promise<CacheEffect> {
  const r = new Random(0xcace);
  const copyCount = Math.round(CACHE_COMMENTS * COPY_SHARE);
  const picks = Array.from({ length: copyCount }, () => r.int(0, TEMPLATES - 1));
  const copies = picks.map((t) => obfuscate(templates[t], r));
  const stream = [...organic.slice(0, CACHE_COMMENTS - copyCount), ...copies];
  for (let i = stream.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [stream[i], stream[j]] = [stream[j], stream[i]];
  }
  const undone = copies.filter((c, i) => normalizeText(c) === normalizeText(templates[picks[i]])).length;
  const cached: CacheVariant[] = [];
  const uncached: CacheVariant[] = [];
  // Alternating order: whichever runs first in a round meets normalizeCached cold.
  for (let k = 0; k < ROUNDS; k++) {
    const order = k % 2 === 0 ? [true, false] : [false, true];
    for (const defeat of order) (defeat ? uncached : cached).push(await cacheRun(setup, stream, defeat));
  }
  const pick = (runs: CacheVariant[]) => runs.find((v) => v.ms === median(runs.map((x) => x.ms)))!;
  const c = pick(cached);
  const u = pick(uncached);
  return {
    comments: stream.length,
    copies: copyCount,
    templates: TEMPLATES,
    distinctTexts: new Set(stream.map((t) => normalizeCached(t))).size,
    copiesNormalizedToTemplate: round(undone / copyCount, 4),
    cached: c,
    uncached: u,
    speedup: round(u.ms / c.ms, 2),
    rounds: ROUNDS,
  };
}
