// The stream as files: the toolkit's CSV (exactly its eight columns, so the toolkit reads it too)
// and the ground truth beside it (message_id,user_id,label), since the toolkit takes no extra column.
import { readDump } from '../../../packages/cli/src/read-dump.js';
import type { LabeledRecord } from '../eval-records.js';
import type { StreamMessage } from './stream.js';

export const STREAM_COLUMNS = ['message_id', 'user_id', 'username', 'repost_id', 'reply_id', 'message', 'timestamp', 'urls'] as const;

// RFC 4180: quote a field holding a comma, quote or line break; double the quotes inside.
const field = (v: string | number | null) => {
  const s = v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The toolkit's generic CSV layout; urls space-separated, timestamp in Unix seconds. */
export function streamToCsv(messages: readonly StreamMessage[]): string {
  const lines = [STREAM_COLUMNS.join(',')];
  for (const m of messages) lines.push([m.message_id, m.user_id, m.username, m.repost_id, m.reply_id, m.message, m.timestamp, m.urls.join(' ')].map(field).join(','));
  return `${lines.join('\n')}\n`;
}

/** The labels file written beside the CSV. */
export function streamLabelsCsv(messages: readonly StreamMessage[]): string {
  return `message_id,user_id,label\n${messages.map((m) => `${m.message_id},${m.user_id},${m.label}`).join('\n')}\n`;
}

/** Stream -> analyzer records, read from the CSV by readDump exactly as `chorus analyze` reads it. */
export function recordsFromStream(messages: readonly StreamMessage[]): LabeledRecord[] {
  const labels = new Map(messages.map((m) => [m.message_id, m.label]));
  return readDump(streamToCsv(messages), 'stream').records.map((r) => ({ ...r, label: labels.get(r.id) ?? 'organic' }));
}
