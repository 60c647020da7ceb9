import type { CommentRecord } from '@chorus/core';
import { parseCsv } from './csv.js';
import { UsageError } from './args.js';

export interface DumpRecord extends CommentRecord {
  readonly label: string | null;
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

/** Maps one row of either documented layout to a record. */
function toRecord(row: RawRow, where: string): DumpRecord {
  // coordination-network-toolkit: message_id, user_id, username, repost_id, reply_id, message, timestamp, urls
  const toolkit = 'message_id' in row;
  const id = nullable(toolkit ? row.message_id : row.id);
  const text = toolkit ? row.message : row.text;
  if (id === null) throw new UsageError(`${where}: missing ${toolkit ? 'message_id' : 'id'}`);
  if (typeof text !== 'string') throw new UsageError(`${where}: missing ${toolkit ? 'message' : 'text'}`);
  return {
    id,
    externalId: id,
    scope: 'analysis',
    threadId: (toolkit ? 'timeline' : nullable(row.thread_id)) ?? 'default',
    parentId: toolkit ? nullable(row.reply_id) : nullable(row.parent_id),
    authorId: toolkit ? nullable(row.user_id) : nullable(row.author_id),
    postedAt: toTime(toolkit ? row.timestamp : row.posted_at, where),
    text,
    label: nullable(row.label),
  };
}

/** Reads a JSONL or CSV dump (by content: a first character `{` means JSONL). */
export function readDump(content: string, name: string): DumpRecord[] {
  const records: DumpRecord[] = [];
  if (content.trimStart().startsWith('{')) {
    content.split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      let row: unknown;
      try {
        row = JSON.parse(line);
      } catch {
        throw new UsageError(`${name}:${i + 1}: not valid JSON`);
      }
      records.push(toRecord(row as RawRow, `${name}:${i + 1}`));
    });
  } else {
    const [header, ...rows] = parseCsv(content);
    if (!header) throw new UsageError(`${name}: empty file`);
    const columns = header.map((h) => h.trim().toLowerCase());
    rows.forEach((cells, i) => records.push(toRecord(Object.fromEntries(columns.map((c, j) => [c, cells[j]])), `${name}:${i + 2}`)));
  }
  const seen = new Set<string>();
  for (const r of records) {
    if (seen.has(r.id)) throw new UsageError(`${name}: id "${r.id}" appears twice`);
    seen.add(r.id);
  }
  // Posting order where known; file order otherwise.
  return records.map((r, i) => ({ r, i })).sort((a, b) => (a.r.postedAt ?? 0) - (b.r.postedAt ?? 0) || a.i - b.i).map(({ r }) => r);
}
