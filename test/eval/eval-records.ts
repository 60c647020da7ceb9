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

/** Generator output -> analyzer records (scope "analysis", epoch-ms times), in posting order like readDump. */
export function recordsFromCorpus(corpus: readonly LabeledComment[]): LabeledRecord[] {
  const records = corpus.map((c) => {
    const t = c.posted_at === null ? NaN : Date.parse(c.posted_at);
    return {
      id: c.id,
      externalId: c.id,
      scope: 'analysis',
      threadId: c.thread_id,
      parentId: c.parent_id,
      authorId: c.author_id,
      postedAt: Number.isNaN(t) ? null : t,
      text: c.text,
      label: c.label,
    };
  });
  // readDump's order: posting time where known (unknown counts as 0), file order otherwise.
  return records.map((r, i) => ({ r, i })).sort((a, b) => (a.r.postedAt ?? 0) - (b.r.postedAt ?? 0) || a.i - b.i).map(({ r }) => r);
}

/** The gzipped JSONL fixture of real organic posts, read exactly as `chorus analyze` reads a dump; every post counts as organic. */
export function readOrganicFixture(path: string): LabeledRecord[] {
  return readDump(gunzipSync(readFileSync(path)).toString('utf8'), path).map((r) => ({ ...r, label: 'organic' }));
}
