// Writes the shape generators' data to files for `chorus analyze`, the bench and other tools.
//
//   tsx test/eval/write-shapes.ts --shape stream --out FILE.csv [--seed N] [--size N]
//       the toolkit's CSV (one timeline) and FILE.labels.csv beside it (message_id,user_id,label)
//   tsx test/eval/write-shapes.ts --shape video --out FILE.jsonl [--seed N] [--size VIDEOS]
//   tsx test/eval/write-shapes.ts --shape coarse --out FILE.jsonl [--seed N] [--size THREADS]
//       a generator corpus with 30% of its threads given date-only or whole-hour times
//
// Prints what was written as one JSON line.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { typeOfLabel } from './eval-metrics.js';
import { generateCorpus } from './generate-corpus.js';
import { coarsenTimes } from './shapes/coarse-times.js';
import { toJsonl } from './shapes/shape-comment.js';
import { streamLabelsCsv, streamToCsv } from './shapes/stream-csv.js';
import { generateStream } from './shapes/stream.js';
import { generateVideoComments } from './shapes/video.js';

function fail(message: string): never {
  process.stderr.write(`write-shapes: ${message}\n`);
  process.exit(2);
}

function count(labels: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const l of labels) out[typeOfLabel(l)] = (out[typeOfLabel(l)] ?? 0) + 1;
  return out;
}

function main(): void {
  const { values } = parseArgs({ options: { shape: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' }, size: { type: 'string' } } });
  const out = values.out ?? fail('--out FILE is required');
  const seed = Number(values.seed ?? 13);
  const size = values.size === undefined ? undefined : Number(values.size);
  if (!Number.isInteger(seed) || seed < 0) fail(`--seed must be a non-negative integer, got "${values.seed}"`);
  if (size !== undefined && (!Number.isInteger(size) || size < 1)) fail(`--size must be a positive integer, got "${values.size}"`);
  if (values.shape === 'stream') {
    const stream = generateStream({ seed, messages: size });
    const labels = out.replace(/\.csv$/, '') + '.labels.csv';
    writeFileSync(out, streamToCsv(stream));
    writeFileSync(labels, streamLabelsCsv(stream));
    process.stdout.write(`${JSON.stringify({ out, labels, seed, messages: stream.length, accounts: new Set(stream.map((m) => m.user_id)).size, byType: count(stream.map((m) => m.label)) })}\n`);
  } else if (values.shape === 'video') {
    const comments = generateVideoComments({ seed, videos: size });
    writeFileSync(out, toJsonl(comments));
    process.stdout.write(`${JSON.stringify({ out, seed, comments: comments.length, byType: count(comments.map((c) => c.label)) })}\n`);
  } else if (values.shape === 'coarse') {
    const coarse = coarsenTimes(generateCorpus({ seed, threads: size ?? 40 }), seed);
    writeFileSync(out, toJsonl(coarse.comments));
    process.stdout.write(`${JSON.stringify({ out, seed, comments: coarse.comments.length, dateOnlyThreads: coarse.threads.date, wholeHourThreads: coarse.threads.hour })}\n`);
  } else fail('--shape must be stream, video or coarse');
}

main();
