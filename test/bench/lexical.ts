// Lexical-stage throughput, one core, in process: features (normalize, fingerprint, MinHash, LSH band
// keys), an in-memory band index (add-then-query, buckets capped at 32) and verification of the
// candidates with the Dice verifier (createLexicalVerifier) at 0.8, over 100,000 generated comments in posting order.
//
// Each part runs as its own pass over the stream, so the parts are timed without per-call timers.
// Verification runs on every 10th comment of the stream (with its full candidate list) and is
// scaled to the whole stream: at ~1 ms per comment a full pass would not fit the time budget.
import { performance } from 'node:perf_hooks';
import {
  bandKeys,
  charShingles,
  compactText,
  lexicalFeatures,
  createLexicalVerifier,
  lexicalSimilarity,
  minhashSignature,
  normalizeText,
  textFingerprint,
  type LexicalFeatures,
} from '@chorus/core';
import { benchCorpus, MemoryBandIndex, progress, rememberFeatures, round, summarize, timed, type Summary } from './bench-kit.js';

const THRESHOLD = 0.8;
const BUCKET_CAP = 32;
const VERIFY_EVERY = 10;
const BREAKDOWN_EVERY = 5;
const TARGET_PER_SECOND = 20_000;

export interface LexicalResult {
  readonly comments: number;
  readonly meanTextChars: number;
  readonly commentsPerSecond: number;
  readonly commentsPerCpuSecond: number;
  readonly targetPerSecond: number;
  readonly targetMet: boolean;
  /** Microseconds per comment (wall) of each part, and its share of the total. */
  readonly perCommentUs: { readonly features: number; readonly lookup: number; readonly verification: number; readonly total: number };
  readonly share: { readonly features: number; readonly lookup: number; readonly verification: number };
  /** Throughput if verification cost nothing: the ceiling of features + lookup. */
  readonly commentsPerSecondWithoutVerification: number;
  readonly featuresBreakdownUs: Readonly<Record<'normalize' | 'fingerprint' | 'compact' | 'shingles' | 'minhash' | 'bandKeys', number>>;
  readonly candidatesPerComment: Summary;
  /** Bucket entries read per comment before de-duplication (at most 32 bands x 32). */
  readonly bucketEntriesPerComment: number;
  readonly bandBuckets: number;
  readonly verification: {
    readonly sampledComments: number;
    readonly sampling: string;
    readonly pairs: number;
    readonly usPerPair: number;
    readonly edgesPerComment: number;
    /** Share of candidates that pass the threshold. */
    readonly candidatePrecision: number;
  };
}

/** Runs the lexical-stage benchmark. */
export async function benchLexical(): Promise<LexicalResult> {
  const { stored, fresh } = benchCorpus();
  const texts = stored.map((c) => c.text);
  const n = texts.length;

  // Warm-up on held-out comments so the timed pass measures optimized code.
  for (const c of fresh) lexicalSimilarity(normalizeText(c.text), lexicalFeatures(c.text).normalized);

  progress(`lexical: features of ${n} comments`);
  const features = await timed(() => texts.map((t) => lexicalFeatures(t)));
  rememberFeatures('stored', features.value);
  const feats: readonly LexicalFeatures[] = features.value;

  progress('lexical: in-memory band index, add-then-query');
  const index = new MemoryBandIndex(BUCKET_CAP);
  const counts = new Uint16Array(n);
  const sampled = new Map<number, number[]>();
  const lookup = await timed(() => {
    for (let i = 0; i < n; i++) {
      const found = index.addAndQuery(i, feats[i].bandKeys);
      counts[i] = found.length;
      if (i % VERIFY_EVERY === 0) sampled.set(i, found);
    }
  });
  const bucketEntries = index.scanned / n;
  const bandBuckets = index.bucketCount;

  progress(`lexical: verification of ${sampled.size} sampled comments`);
  let pairs = 0;
  let edges = 0;
  const verify = await timed(() => {
    for (const [i, found] of sampled) {
      const verifyPair = createLexicalVerifier(texts[i], THRESHOLD);
      for (const j of found) {
        if (verifyPair(texts[j]) >= THRESHOLD) edges++;
      }
      pairs += found.length;
    }
  });

  progress('lexical: features breakdown');
  const breakdown = featuresBreakdown(texts.filter((_, i) => i % BREAKDOWN_EVERY === 0));

  const featuresUs = (features.elapsed.ms * 1000) / n;
  const lookupUs = (lookup.elapsed.ms * 1000) / n;
  const verifyUs = (verify.elapsed.ms * 1000) / sampled.size;
  const totalUs = featuresUs + lookupUs + verifyUs;
  const cpuUs = ((features.elapsed.cpuMs + lookup.elapsed.cpuMs) * 1000) / n + (verify.elapsed.cpuMs * 1000) / sampled.size;
  const sampledCandidates = [...sampled.values()].reduce((s, f) => s + f.length, 0);
  return {
    comments: n,
    meanTextChars: round(texts.reduce((s, t) => s + t.length, 0) / n, 1),
    commentsPerSecond: Math.round(1e6 / totalUs),
    commentsPerCpuSecond: Math.round(1e6 / cpuUs),
    targetPerSecond: TARGET_PER_SECOND,
    targetMet: 1e6 / totalUs >= TARGET_PER_SECOND,
    perCommentUs: { features: round(featuresUs), lookup: round(lookupUs), verification: round(verifyUs), total: round(totalUs) },
    share: { features: round(featuresUs / totalUs, 3), lookup: round(lookupUs / totalUs, 3), verification: round(verifyUs / totalUs, 3) },
    commentsPerSecondWithoutVerification: Math.round(1e6 / (featuresUs + lookupUs)),
    featuresBreakdownUs: breakdown,
    candidatesPerComment: summarize(Array.from(counts)),
    bucketEntriesPerComment: round(bucketEntries, 1),
    bandBuckets,
    verification: {
      sampledComments: sampled.size,
      sampling: `every ${VERIFY_EVERY}th comment of the stream, with all its candidates`,
      pairs,
      usPerPair: round((verify.elapsed.ms * 1000) / Math.max(1, pairs)),
      edgesPerComment: round(edges / sampled.size),
      candidatePrecision: round(edges / Math.max(1, sampledCandidates), 3),
    },
  };
}

/** Microseconds per comment of each step of lexicalFeatures, timed call by call on a sample. */
function featuresBreakdown(texts: readonly string[]): LexicalResult['featuresBreakdownUs'] {
  const total = { normalize: 0, fingerprint: 0, compact: 0, shingles: 0, minhash: 0, bandKeys: 0 };
  let keys = 0;
  for (const text of texts) {
    const t0 = performance.now();
    const normalized = normalizeText(text);
    const t1 = performance.now();
    textFingerprint(normalized);
    const t2 = performance.now();
    const compact = compactText(normalized);
    const t3 = performance.now();
    const shingles = charShingles(compact, 5);
    const t4 = performance.now();
    const signature = shingles.length ? minhashSignature(shingles) : null;
    const t5 = performance.now();
    if (signature) keys += bandKeys(signature).length;
    const t6 = performance.now();
    total.normalize += t1 - t0;
    total.fingerprint += t2 - t1;
    total.compact += t3 - t2;
    total.shingles += t4 - t3;
    total.minhash += t5 - t4;
    total.bandKeys += t6 - t5;
  }
  if (keys === 0) throw new Error('no band keys computed');
  const per = (ms: number) => round((ms * 1000) / texts.length);
  return {
    normalize: per(total.normalize),
    fingerprint: per(total.fingerprint),
    compact: per(total.compact),
    shingles: per(total.shingles),
    minhash: per(total.minhash),
    bandKeys: per(total.bandKeys),
  };
}
