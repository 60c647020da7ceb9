// The evaluation's inputs in the analyzer's record shape: generated corpora converted the way
// `chorus analyze` reads a dump, and the real organic forum fixture read by the analyzer's own reader.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { CommentRecord } from '@chorus/core';
import { readDump } from '../../packages/cli/src/read-dump.js';
import type { LabeledComment } from './generate-corpus.js';

/** A comment record with its ground-truth label ("organic" or "campaign:<type>:<id>"). */
export interface LabeledRecord extends CommentRecord {
  readonly label: string;
}

/** Generator output -> analyzer records, read by readDump exactly as `chorus analyze` reads a JSONL dump (every generated comment is labeled). */
export function recordsFromCorpus(corpus: readonly LabeledComment[]): LabeledRecord[] {
  const jsonl = corpus.map((c) => JSON.stringify(c)).join('\n');
  return readDump(jsonl, 'corpus').records.map((r) => ({ ...r, label: r.label! }));
}

/** The gzipped JSONL fixture of real organic posts, read exactly as `chorus analyze` reads a dump; every post counts as organic. */
export function readOrganicFixture(path: string): LabeledRecord[] {
  return readDump(gunzipSync(readFileSync(path)).toString('utf8'), path).records.map((r) => ({ ...r, label: 'organic' }));
}
