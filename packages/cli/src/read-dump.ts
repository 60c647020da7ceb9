import { decodeCharacterReferences, isDateOnly, type CommentRecord } from '@chorus/core';
import { parseCsv } from './csv.js';
import { UsageError } from './args.js';

export interface DumpRecord extends CommentRecord {
  readonly label: string | null;
  /** The message this row reposts (toolkit layout `repost_id`): a repost carries someone else's words by design. */
  readonly repostOf?: string;
}

/** A dump's records, and how many rows repeated an earlier row exactly and were skipped. */
export interface Dump {
  readonly records: DumpRecord[];
  readonly repeatedRows: number;
}

interface RawRow {
  readonly [column: string]: string | null | undefined;
}

const nullable = (v: string | null | undefined): string | null => (v === undefined || v === null || v.trim() === '' ? null : v);

function toTime(v: string | null | undefined, where: string): number | null {
  const s = nullable(v);
  if (s === null) return null;
  // The coordination-network-toolkit layout uses Unix seconds.
  const t = /^\d+(\.\d+)?$/.test(s) ? Number(s) * 1000 : Date.parse(s);
  if (Number.isNaN(t)) throw new UsageError(`${where}: posted_at "${s}" is not a time`);
  return t;
}

/** Maps one row of either documented layout to a record (character references in the text decoded; a date-only time marked coarse). */
function toRecord(row: RawRow, where: string): DumpRecord {
  // coordination-network-toolkit: message_id, user_id, username, repost_id, reply_id, message, timestamp, urls
  const toolkit = 'message_id' in row;
  const id = nullable(toolkit ? row.message_id : row.id);
  const text = toolkit ? row.message : row.text;
  if (id === null) throw new UsageError(`${where}: missing ${toolkit ? 'message_id' : 'id'}`);
  if (typeof text !== 'string') throw new UsageError(`${where}: missing ${toolkit ? 'message' : 'text'}`);
  const rawTime = toolkit ? row.timestamp : row.posted_at;
  const postedAt = toTime(rawTime, where);
  return {
    id,
    externalId: id,
    scope: 'analysis',
    threadId: (toolkit ? 'timeline' : nullable(row.thread_id)) ?? 'default',
    ...(toolkit || nullable(row.thread_id) === null ? { stream: true as const } : {}),
    parentId: toolkit ? nullable(row.reply_id) : nullable(row.parent_id),
    authorId: toolkit ? nullable(row.user_id) : nullable(row.author_id),
    postedAt,
    ...(postedAt !== null && typeof rawTime === 'string' && isDateOnly(rawTime) ? { coarseTime: 'date' as const } : {}),
    text: decodeCharacterReferences(text),
    label: nullable(row.label),
    ...(toolkit && nullable(row.repost_id) !== null ? { repostOf: nullable(row.repost_id)! } : {}),
  };
}

const sameRecord = (a: DumpRecord, b: DumpRecord): boolean =>
  a.text === b.text && a.threadId === b.threadId && a.parentId === b.parentId && a.authorId === b.authorId && a.postedAt === b.postedAt && a.label === b.label;

/**
 * Reads a JSONL or CSV dump (by content: a first character `{` means JSONL). A row repeating an
 * earlier one exactly (exports often hold a row twice) is counted and skipped; the same id with
 * different content is an error naming both lines.
 */
export function readDump(content: string, name: string): Dump {
  const rows: { record: DumpRecord; where: string }[] = [];
  if (content.trimStart().startsWith('{')) {
    content.split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      let row: unknown;
      try {
        row = JSON.parse(line);
      } catch {
        throw new UsageError(`${name}:${i + 1}: not valid JSON`);
      }
      rows.push({ record: toRecord(row as RawRow, `${name}:${i + 1}`), where: `${name}:${i + 1}` });
    });
  } else {
    const [header, ...cells] = parseCsv(content);
    if (!header) throw new UsageError(`${name}: empty file`);
    const columns = header.map((h) => h.trim().toLowerCase());
    cells.forEach((row, i) => rows.push({ record: toRecord(Object.fromEntries(columns.map((c, j) => [c, row[j]])), `${name}:${i + 2}`), where: `${name}:${i + 2}` }));
  }
  const seen = new Map<string, { record: DumpRecord; where: string }>();
  const records: DumpRecord[] = [];
  let repeatedRows = 0;
  for (const row of rows) {
    const first = seen.get(row.record.id);
    if (first === undefined) {
      seen.set(row.record.id, row);
      records.push(row.record);
    } else if (sameRecord(first.record, row.record)) repeatedRows++;
    else throw new UsageError(`${row.where}: id "${row.record.id}" was already used by ${first.where} with different content`);
  }
  // Posting order where known; file order otherwise.
  const sorted = records.map((r, i) => ({ r, i })).sort((a, b) => (a.r.postedAt ?? 0) - (b.r.postedAt ?? 0) || a.i - b.i).map(({ r }) => r);
  return { records: sorted, repeatedRows };
}
