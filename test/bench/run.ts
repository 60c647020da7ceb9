// Benchmarks: `npm run bench` runs them all, `npm run bench -- --only NAME` one (repeatable).
// Progress goes to stderr; stdout gets one JSON object, then a table. The JSON is also written to
// test/bench/results/latest.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { benchAnalyzer, type AnalyzerResult } from './analyzer.js';
import { benchBruteForce, speedupWithRedisLookup, type BruteForceResult } from './brute-force.js';
import { benchCandidateLookup, type CandidateLookupResult } from './candidate-lookup.js';
import { progress, round } from './bench-kit.js';
import { benchDetector, type DetectorResult } from './detector.js';
import { benchIngest, type IngestResult } from './ingest.js';
import { benchLexical, type LexicalResult } from './lexical.js';
import { benchSemantic, type SemanticResult } from './semantic.js';
import { benchService, type ServiceResult } from './service.js';
import { serviceRows } from './service-rows.js';
import { benchStream, streamRows, type StreamResult } from './stream.js';

interface Results {
  lexical?: LexicalResult | { error: string };
  candidateLookup?: CandidateLookupResult | { error: string };
  bruteForce?: BruteForceResult | { error: string };
  ingest?: IngestResult | { error: string };
  semantic?: SemanticResult | { error: string };
  analyzer?: AnalyzerResult | { error: string };
  detector?: DetectorResult | { error: string };
  service?: ServiceResult | { error: string };
  stream?: StreamResult | { error: string };
}

const BENCHES = [
  { name: 'lexical', key: 'lexical', run: benchLexical },
  { name: 'candidate-lookup', key: 'candidateLookup', run: benchCandidateLookup },
  { name: 'brute-force', key: 'bruteForce', run: benchBruteForce },
  { name: 'ingest', key: 'ingest', run: benchIngest },
  { name: 'semantic', key: 'semantic', run: benchSemantic },
  { name: 'analyzer', key: 'analyzer', run: benchAnalyzer },
  { name: 'detector', key: 'detector', run: benchDetector },
  { name: 'service', key: 'service', run: benchService },
  { name: 'stream', key: 'stream', run: benchStream },
] as const;

type Row = readonly [string, string, string];

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const pct = (share: number) => `${fmt(share * 100, 1)}%`;
const ok = (met: boolean) => (met ? 'met' : 'MISSED');

function lexicalRows(r: LexicalResult): Row[] {
  const b = r.featuresBreakdownUs;
  return [
    ['throughput, one core (wall)', `${fmt(r.commentsPerSecond)} comments/s`, `target >= ${fmt(r.targetPerSecond)}: ${ok(r.targetMet)}`],
    ['throughput, one core (CPU time)', `${fmt(r.commentsPerCpuSecond)} comments/s`, `${fmt(r.comments)} comments, ${fmt(r.meanTextChars)} chars mean`],
    ['features (normalize, MinHash, band keys)', `${fmt(r.perCommentUs.features, 1)} us/comment`, pct(r.share.features)],
    ['  normalize | fingerprint | compact', `${fmt(b.normalize, 1)} | ${fmt(b.fingerprint, 1)} | ${fmt(b.compact, 1)} us`, 'per call, sampled'],
    ['  shingles | minhash | bandKeys', `${fmt(b.shingles, 1)} | ${fmt(b.minhash, 1)} | ${fmt(b.bandKeys, 1)} us`, 'per call, sampled'],
    ['band lookup (in-memory, add-then-query)', `${fmt(r.perCommentUs.lookup, 1)} us/comment`, pct(r.share.lookup)],
    ['verification (Dice >= 0.8, fast verifier)', `${fmt(r.perCommentUs.verification, 1)} us/comment`, `${pct(r.share.verification)}; ${r.verification.sampling}`],
    ['total', `${fmt(r.perCommentUs.total, 1)} us/comment`, ''],
    ['without verification', `${fmt(r.commentsPerSecondWithoutVerification)} comments/s`, 'features + lookup only'],
    ['candidates/comment mean | p50 | p95 | max', `${fmt(r.candidatesPerComment.mean, 1)} | ${r.candidatesPerComment.p50} | ${r.candidatesPerComment.p95} | ${r.candidatesPerComment.max}`, `${fmt(r.bucketEntriesPerComment, 1)} bucket entries read/comment`],
    ['verification per pair', `${fmt(r.verification.usPerPair, 1)} us`, `${fmt(r.verification.pairs)} pairs timed`],
    ['edges/comment | candidate precision', `${fmt(r.verification.edgesPerComment, 2)} | ${pct(r.verification.candidatePrecision)}`, 'share of candidates >= 0.8'],
  ];
}

function lookupRows(r: CandidateLookupResult): Row[] {
  const size = (label: string, s: CandidateLookupResult['at10k']): Row[] => [
    [`lookup at ${label}: mean | p50 | p95 | p99`, `${fmt(s.latencyUs.mean)} | ${fmt(s.latencyUs.p50)} | ${fmt(s.latencyUs.p95)} | ${fmt(s.latencyUs.p99)} us`, `${fmt(s.lookups)} sequential lookups`],
    [`  candidates/lookup | Redis script time`, `${fmt(s.candidatesPerLookup, 1)} | ${s.redisScriptUs === null ? 'n/a (other clients)' : `${fmt(s.redisScriptUs)} us`}`, `model agreement ${pct(s.modelAgreement)}`],
  ];
  return [
    ...size('10k', r.at10k),
    ...size('100k', r.at100k),
    ['ratio 100k/10k mean | p50 | p95', `${r.ratioMean} | ${r.ratioP50} | ${r.ratioP95}`, `<= ${r.maxRatio}: ${ok(r.ratioOk)}`],
    ['PING round trip p50 | p95', `${fmt(r.pingUs.p50)} | ${fmt(r.pingUs.p95)} us`, 'floor of any lookup'],
    ['bulk fill', `${fmt(r.fill.commentsPerSecond)} comments/s`, `${fmt(r.fill.comments)} in ${r.fill.seconds} s`],
    ['Redis keys | memory per stored comment', `${fmt(r.redisKeys)} | ${fmt(r.redisBytesPerComment)} B`, 'approximate (shared Redis)'],
  ];
}

function bruteRows(r: BruteForceResult): Row[] {
  const lsh = (l: BruteForceResult['at10k']['lsh']) => `${fmt(l.totalUs)} us (${fmt(l.featuresUs)} + ${fmt(l.lookupUs)} + ${fmt(l.verificationUs)})`;
  const recall = (x: BruteForceResult['at10k']['recall']) => [
    `${pct(x.recall)} of ${fmt(x.bruteForcePairs)} pairs`,
    `excl. ${x.identicalPairs} identical: ${pct(x.recallExcludingIdentical)}; campaign ${pct(x.campaignRecall)}, organic ${pct(x.organicRecall)}; ${x.commentsWithAMatchFound}/${x.commentsWithMatches} comments with a match got >= 1`,
  ];
  const rows: Row[] = [
    ['sample', r.sample, `threshold ${r.threshold}`],
    ['10k: brute force per new comment', `${fmt(r.at10k.bruteForceUsPerComment / 1000, 1)} ms`, `${fmt(r.at10k.bruteForceUsPerPair, 1)} us/pair, measured on all 50`],
    ['10k: LSH path per new comment', lsh(r.at10k.lsh), `features + lookup + verification; ${fmt(r.at10k.lsh.candidatesPerComment, 1)} candidates`],
    ['10k: speed-up', `${fmt(r.at10k.speedup, 1)}x`, ''],
    ['10k: LSH recall', ...(recall(r.at10k.recall) as [string, string])],
    ['100k: brute force per new comment', `${fmt(r.at100k.bruteForceUsPerComment / 1000, 1)} ms`, `measured on ${r.at100k.bruteForceMeasuredOn}; ${fmt(r.at100k.bruteForceExtrapolatedUsPerComment / 1000, 1)} ms extrapolated from 10k; growth x${r.at100k.bruteForceGrowthSameComments} on the same comments`],
    ['100k: LSH path per new comment', lsh(r.at100k.lsh), `${fmt(r.at100k.lsh.candidatesPerComment, 1)} candidates`],
    ['100k: speed-up', `${fmt(r.at100k.speedup, 1)}x`, ''],
    ['100k: LSH recall', ...(recall(r.at100k.recall) as [string, string])],
  ];
  if (r.speedupWithRedisLookup) rows.push(['speed-up with the Redis lookup (mean)', `${fmt(r.speedupWithRedisLookup.at10k, 1)}x at 10k | ${fmt(r.speedupWithRedisLookup.at100k, 1)}x at 100k`, 'in-memory lookup replaced by candidate-lookup means']);
  rows.push(['exact Dice re-implementation', `${fmt(r.fastDice.usPerPair, 2)} us/pair`, `${r.fastDice.mismatches} mismatches in ${fmt(r.fastDice.checkedPairs)} pairs; length bound skips ${pct(r.fastDice.lengthFilterSkips)}`]);
  return rows;
}

function ingestRows(r: IngestResult): Row[] {
  const p = r.profileMsPerBatch;
  return [
    [`throughput, ${r.clients} clients x batches of ${r.batchSize}`, `${fmt(r.commentsPerSecond)} comments/s`, `target >= ${fmt(r.targetPerSecond)}: ${ok(r.targetMet)}`],
    ['acknowledged', `${fmt(r.commentsAcknowledged)} comments`, `${r.batches} batches in ${r.seconds} s`],
    ['batch latency p50 | p95 | max', `${fmt(r.batchLatencyMs.p50)} | ${fmt(r.batchLatencyMs.p95)} | ${fmt(r.batchLatencyMs.max)} ms`, ''],
    ['answers', Object.entries(r.statuses).map(([k, v]) => `${k}: ${v}`).join(', '), `${r.non202} non-202 in the timed run`],
    ['server errors', Object.entries(r.serverErrors).map(([k, v]) => `${k} (${v})`).join('; ') || 'none', ''],
    ['check: rows | jobs', `${fmt(r.check.rows)} | ${fmt(r.check.jobs)}`, `acknowledged incl. warm-up: ${fmt(r.check.acknowledgedWithWarmup)}`],
    ['Node CPU per batch (server + clients)', `${fmt(r.nodeCpuMsPerBatch, 1)} ms`, `caps one process at ~${fmt((r.batchSize * 1000) / r.nodeCpuMsPerBatch)} comments/s`],
    ['one client, end to end per batch', `${fmt(p.httpEndToEnd, 1)} ms`, `${fmt((r.batchSize * 1000) / p.httpEndToEnd)} comments/s`],
    ['  JSON.parse | validation (zod)', `${fmt(p.jsonParse, 1)} | ${fmt(p.validation, 1)} ms`, ''],
    ['  content hashes (x2) | lexicalFeatures', `${fmt(p.contentHashes, 1)} | ${fmt(p.lexicalFeatures, 1)} ms`, `normalize + fingerprint alone: ${fmt(p.normalizeAndFingerprint, 1)} ms`],
    ['  insertComments | enqueueDetection', `${fmt(p.insertComments, 1)} | ${fmt(p.enqueueDetection, 1)} ms`, 'called directly'],
    ['  rest (express, response, client)', `${fmt(p.httpEndToEnd - p.jsonParse - p.validation - p.contentHashes - p.lexicalFeatures - p.insertComments - p.enqueueDetection, 1)} ms`, 'by difference'],
    ['parts alone, 4 batches in flight', `insert ${fmt(r.partsConcurrentPerSecond.insertComments)} | enqueue ${fmt(r.partsConcurrentPerSecond.enqueueDetection)} comments/s`, ''],
  ];
}

function semanticRows(r: SemanticResult): Row[] {
  const t = r.throughput;
  const c = r.cache;
  const l = r.lookup;
  const m = r.workerMemory;
  const run = (x: SemanticResult['throughput']['stage']) => `${fmt(x.batches)} model calls of ${fmt(x.meanBatch, 1)} mean; model busy ${pct(x.modelBusyShare)} of the time; CPU ${fmt(x.cpuMs)} ms`;
  const variant = (x: SemanticResult['cache']['cached']) => `${fmt(x.ms)} ms (${fmt(x.perSecond)} comments/s)`;
  const size = (label: string, s: SemanticResult['lookup']['at10k']): Row[] => [
    [`lookup at ${label}: mean | p50 | p95 | p99`, `${fmt(s.latencyUs.mean)} | ${fmt(s.latencyUs.p50)} | ${fmt(s.latencyUs.p95)} | ${fmt(s.latencyUs.p99)} us`, `${fmt(s.lookups)} sequential lookups; ${fmt(s.indexed)} of ${fmt(s.stored)} stored vectors in buckets`],
    ['  keys | candidates (SET + script) | MGET | cosine', `${fmt(s.partsUs.keys)} | ${fmt(s.partsUs.candidates)} | ${fmt(s.partsUs.loadVectors)} | ${fmt(s.partsUs.verify)} us`, `mean per lookup`],
    ['  candidates | edges per lookup', `${fmt(s.candidatesPerLookup, 1)} | ${fmt(s.edgesPerLookup, 2)}`, `model agreement ${pct(s.modelAgreement)}; vectors found ${pct(s.vectorsFound)}`],
  ];
  return [
    ['model', `${r.model} (${r.dimensions} d)`, `batch 32, wait 10 ms, ${t.jobsInHand} requests in flight`],
    ['raw: embedder.embed, batches of 32', `${fmt(t.raw.perSecond)} embeddings/s`, `${fmt(t.texts)} distinct texts, ${fmt(t.meanChars)} chars mean; ${fmt(t.raw.ms)} ms, CPU ${fmt(t.raw.cpuMs)} ms; median of ${t.rounds}`],
    ['stage: vectorOf (Redis cache, MicroBatcher)', `${fmt(t.stage.perSecond)} embeddings/s`, run(t.stage)],
    ['overhead (stage / raw time)', `${fmt(t.overhead, 2)}x`, `${t.mismatches} vectors differ from adjust(raw)`],
    ['  stage around an instant model', `${fmt(t.stageWithoutModel.perSecond)} requests/s`, `${fmt(t.stageWithoutModel.ms)} ms for ${fmt(t.texts)}: Redis MGET + SET, batcher, adjust (normalization cached)`],
    ['  normalize | fingerprint | adjust', `${fmt(t.partsUs.normalize, 1)} | ${fmt(t.partsUs.fingerprint, 1)} | ${fmt(t.partsUs.adjust, 1)} us`, 'per text, alone'],
    ['stage, all 5,000 requests at once', `${fmt(t.allAtOnce.perSecond)} embeddings/s`, `overhead ${fmt(t.allAtOnce.overhead, 2)}x; ${fmt(t.allAtOnce.batches)} model calls, up to ${t.allAtOnce.maxConcurrentModelCalls} at once`],
    ['cache: stream', `${fmt(c.comments)} comments`, `${fmt(c.copies)} copies of ${c.templates} templates (obfuscated; ${pct(c.copiesNormalizedToTemplate)} normalize back), ${fmt(c.distinctTexts)} distinct texts`],
    ['  with the cache', variant(c.cached), `${fmt(c.cached.modelCalls)} model calls; ${fmt(c.cached.cacheHits)} hits, ${fmt(c.cached.cacheMisses)} misses`],
    ['  cache defeated', variant(c.uncached), `${fmt(c.uncached.modelCalls)} model calls; model id changes on every read`],
    ['  speed-up from the cache', `${fmt(c.speedup, 2)}x`, `median of ${c.rounds}`],
    ...size('10k', l.at10k),
    ...size('100k', l.at100k),
    ['lookup ratio 100k/10k mean | p50 | p95', `${l.ratioMean} | ${l.ratioP50} | ${l.ratioP95}`, `<= ${l.maxRatio}: ${ok(l.ratioOk)}; candidates x${fmt(l.at100k.candidatesPerLookup / l.at10k.candidatesPerLookup, 2)} (at most ${l.tables} tables x cap ${l.bucketCap} = ${fmt(l.tables * l.bucketCap)})`],
    ['  vectors', `${fmt(l.bases)} bases, cos ${l.meanCosineToBase} to base`, 'embedded corpus texts + Gaussian noise, re-normalized'],
    ['  fill | hyperplane keys', `${l.fill.seconds} s | ${l.fill.keysSeconds} s`, `${fmt(l.fill.vectors)} vectors (pipelined SET, RPUSH); PING p50 ${fmt(l.pingUs.p50)} us`],
    ['worker: load model (import + loadEncoder)', `${fmt(m.importMs + m.loadEncoderMs)} ms`, `import ${fmt(m.importMs)} ms, loadEncoder ${fmt(m.loadEncoderMs)} ms; first batch of 32 ${fmt(m.firstBatchMs, 1)} ms; process ${fmt(m.processMs)} ms`],
    ['  RSS before | after load | after 1st batch', `${fmt(m.beforeLoad.rssMb)} | ${fmt(m.afterLoad.rssMb)} | ${fmt(m.afterFirstBatch.rssMb)} MB`, `+${fmt(m.rssGrowthMb)} MB; peak ${fmt(m.maxRssMb)} MB`],
    ['  heapUsed before | after load', `${fmt(m.beforeLoad.heapUsedMb, 1)} | ${fmt(m.afterLoad.heapUsedMb, 1)} MB`, `+${fmt(m.heapGrowthMb, 1)} MB; external ${fmt(m.afterLoad.externalMb, 1)} MB (after GC)`],
    ['bench wall time', `${fmt(Object.values(r.secondsByPart).reduce((a, b) => a + b, 0), 1)} s`, `${Object.entries(r.secondsByPart).map(([k, v]) => `${k} ${v}`).join(', ')} s; plus corpus generation`],
  ];
}

function analyzerRows(r: AnalyzerResult): Row[] {
  const run = (x: AnalyzerResult['full']['twoThreads']) => `${fmt(x.seconds, 1)} s, ${fmt(x.commentsPerSecond)} comments/s`;
  return [
    [`lexical path (--no-semantic), two threads`, run(r.lexical.twoThreads), `target >= ${fmt(r.lexical.targetPerSecond)} comments/s: ${ok(r.lexical.targetMet)}; ${fmt(r.comments)} comments`],
    ['  one thread', run(r.lexical.oneThread), `two threads ${fmt(r.lexical.speedup, 2)}x faster; same verdicts: ${r.sameResult ? 'yes' : 'NO'}`],
    ['with the default model, two threads', run(r.full.twoThreads), `target <= ${r.full.targetSeconds} s: ${ok(r.full.targetMet)}; ${r.full.model}`],
    ['flagged | clusters (lexical, full)', `${fmt(r.lexical.twoThreads.flagged)} | ${fmt(r.lexical.twoThreads.clusters)}, ${fmt(r.full.twoThreads.flagged)} | ${fmt(r.full.twoThreads.clusters)}`, `peak RSS ${fmt(r.peakRssMb)} MB`],
  ];
}

function detectorRows(r: DetectorResult): Row[] {
  const run = (x: DetectorResult['lexical']) => [`${fmt(x.seconds, 1)} s, ${fmt(x.commentsPerSecond)} comments/s`, `precision ${x.precision}, recall ${x.recall}, organic FPR ${pct(x.organicFalsePositiveRate)}`] as const;
  return [
    ['service, lexical evidence alone', ...run(r.lexical)],
    ['service, with the default model', ...run(r.withModel)],
    ['  corpus | worker', `${fmt(r.corpus.comments)} comments, ${r.corpus.threads} threads`, `one detector process, ${r.concurrency} jobs at a time; ${r.withModel.model}`],
  ];
}

function table(results: Results): string {
  const sections: [string, Row[]][] = [];
  const add = <T extends object>(name: string, r: T | { error: string } | undefined, rows: (r: T) => Row[]) => {
    if (!r) return;
    sections.push([name, 'error' in r ? [['error', String(r.error), '']] : rows(r as T)]);
  };
  add('lexical', results.lexical, lexicalRows);
  add('candidate-lookup', results.candidateLookup, lookupRows);
  add('brute-force', results.bruteForce, bruteRows);
  add('ingest', results.ingest, ingestRows);
  add('semantic', results.semantic, semanticRows);
  add('analyzer', results.analyzer, analyzerRows);
  add('detector', results.detector, detectorRows);
  add('service', results.service, serviceRows);
  add('stream', results.stream, streamRows);
  const all = sections.flatMap(([, rows]) => rows);
  const w0 = Math.max(...all.map((r) => r[0].length));
  const w1 = Math.max(...all.map((r) => r[1].length));
  const lines: string[] = [];
  for (const [name, rows] of sections) {
    lines.push('', `== ${name} ${'='.repeat(Math.max(0, w0 + w1 - name.length))}`);
    for (const [a, b, c] of rows) lines.push(`${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c}`.trimEnd());
  }
  return lines.join('\n');
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { only: { type: 'string', multiple: true } } });
  const only = (values.only ?? []).flatMap((o) => o.split(','));
  const unknown = only.filter((o) => !BENCHES.some((b) => b.name === o));
  if (unknown.length) {
    process.stderr.write(`unknown benchmark ${unknown.join(', ')}; choose from ${BENCHES.map((b) => b.name).join(', ')}\n`);
    return 2;
  }
  const started = Date.now();
  const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', node: process.version, loadAvgAtStart: os.loadavg().map((l) => round(l)) };
  const results: Results = {};
  let failed = false;
  for (const bench of BENCHES) {
    if (only.length && !only.includes(bench.name)) continue;
    const t = Date.now();
    try {
      (results as Record<string, unknown>)[bench.key] = await bench.run();
    } catch (err) {
      failed = true;
      process.stderr.write(`${bench.name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      (results as Record<string, unknown>)[bench.key] = { error: err instanceof Error ? err.message : String(err) };
    }
    progress(`${bench.name} took ${round((Date.now() - t) / 1000, 1)} s`);
  }
  const bf = results.bruteForce;
  const cl = results.candidateLookup;
  if (bf && !('error' in bf) && cl && !('error' in cl)) bf.speedupWithRedisLookup = speedupWithRedisLookup(bf, { at10k: cl.at10k.latencyUs.mean, at100k: cl.at100k.latencyUs.mean });

  const output = { ...results, machine: { ...machine, loadAvgAtEnd: os.loadavg().map((l) => round(l)) }, seconds: round((Date.now() - started) / 1000, 1), finishedAt: new Date().toISOString() };
  const json = JSON.stringify(output, null, 2);
  const dir = join(dirname(fileURLToPath(import.meta.url)), 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'latest.json'), `${json}\n`);
  process.stdout.write(`${json}\n${table(results)}\n\nmachine: ${machine.cpus} x ${machine.cpuModel}, node ${machine.node}, load average at start ${machine.loadAvgAtStart.join(' ')}; ${output.seconds} s in all\n`);
  return failed ? 1 : 0;
}

// Exit explicitly: a pool or socket left open by a failed benchmark must not keep the process alive.
process.exit(await main());
