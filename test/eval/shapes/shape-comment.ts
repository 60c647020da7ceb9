// The analyzer's input record for the shape generators: the corpus generator's shape, with any
// campaign type in the label ("organic" or "campaign:<type>:<id>", e.g. campaign:promo:p1).
import { readDump } from '../../../packages/cli/src/read-dump.js';
import type { LabeledRecord } from '../eval-records.js';
import type { LabeledComment } from '../generate-corpus.js';

export type ShapeComment = Omit<LabeledComment, 'label'> & { readonly label: string };

export const toJsonl = (comments: readonly ShapeComment[]): string => comments.map((c) => JSON.stringify(c)).join('\n') + '\n';

/** Shape comments -> analyzer records, read by readDump exactly as `chorus analyze` reads a JSONL dump. */
export function recordsFromShape(comments: readonly ShapeComment[]): LabeledRecord[] {
  return readDump(toJsonl(comments), 'shape').records.map((r) => ({ ...r, label: r.label ?? 'organic' }));
}
