// Writes a generated corpus to a file for benchmarks, the offline analyzer and eyeballing.
//
//   tsx test/eval/write-corpus.ts --out FILE [--seed N] [--threads N | --size N] [--format jsonl|csv]
//
// --size N picks the thread count for about N comments (e.g. --size 100000); --format defaults to
// the file extension. Prints the number of comments per label type.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { typeOfLabel } from './eval-metrics.js';
import { corpusOptionsForSize, generateCorpus } from './generate-corpus.js';
import type { CorpusOptions, LabeledComment } from './generate-corpus.js';

const COLUMNS = ['id', 'thread_id', 'parent_id', 'author_id', 'posted_at', 'text', 'label'] as const;

// RFC 4180: quote a field holding a comma, quote or line break; double the quotes inside.
function csvField(value: string | null): string {
  if (value === null) return '';
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function toCsv(corpus: readonly LabeledComment[]): string {
  const lines = [COLUMNS.join(',')];
  for (const c of corpus) lines.push(COLUMNS.map((k) => csvField(c[k])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

function toJsonl(corpus: readonly LabeledComment[]): string {
  return corpus.map((c) => JSON.stringify(c)).join('\n') + '\n';
}

function positiveInt(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) fail(`--${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

function fail(message: string): never {
  process.stderr.write(`write-corpus: ${message}\n`);
  process.exit(2);
}

function main(): void {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      seed: { type: 'string' },
      threads: { type: 'string' },
      size: { type: 'string' },
      format: { type: 'string' },
    },
  });
  if (!values.out) fail('--out FILE is required');
  const seed = positiveInt('seed', values.seed) ?? 1;
  const threads = positiveInt('threads', values.threads);
  const size = positiveInt('size', values.size);
  if (threads !== undefined && size !== undefined) fail('give --threads or --size, not both');
  const format = values.format ?? (values.out.endsWith('.csv') ? 'csv' : 'jsonl');
  if (format !== 'csv' && format !== 'jsonl') fail(`--format must be jsonl or csv, got "${format}"`);

  const options: CorpusOptions = size !== undefined ? corpusOptionsForSize(size, seed) : { seed, threads: threads ?? 40 };
  const started = performance.now();
  const corpus = generateCorpus(options);
  const generatedMs = Math.round(performance.now() - started);
  writeFileSync(values.out, format === 'csv' ? toCsv(corpus) : toJsonl(corpus));

  const byType = new Map<string, number>();
  const campaigns = new Set<string>();
  for (const c of corpus) {
    const type = typeOfLabel(c.label);
    byType.set(type, (byType.get(type) ?? 0) + 1);
    if (c.label !== 'organic') campaigns.add(c.label);
  }
  process.stdout.write(
    `${JSON.stringify({ out: values.out, format, seed, threads: options.threads, comments: corpus.length, campaigns: campaigns.size, generatedMs, byType: Object.fromEntries(byType) })}\n`,
  );
}

main();
