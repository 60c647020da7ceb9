import { z } from 'zod';

/** Earliest and latest instants accepted in `posted_at` and `since` (UTC, after applying the offset). */
export const MIN_TIMESTAMP = '1970-01-01T00:00:00.000Z';
export const MAX_TIMESTAMP = '9999-12-31T23:59:59.999Z';
const MIN_MS = Date.parse(MIN_TIMESTAMP);
const MAX_MS = Date.parse(MAX_TIMESTAMP);

// RFC 3339 date-time; the offset may be `Z`, `+HH:MM`, `+HHMM` or `+HH`.
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|([+-])(\d{2})(?::?(\d{2}))?)$/;

type Parsed = { ok: true; ms: number } | { ok: false; message: string };

/** Parses an RFC 3339 time with offset into epoch milliseconds, checking every field's range. */
export function parseTimestamp(s: string): Parsed {
  const m = RFC3339.exec(s);
  if (!m) return { ok: false, message: 'must be an ISO 8601 time with offset, like 2024-05-01T12:00:00Z' };
  const [year, month, day, hour, minute, second = 0] = m.slice(1, 7).map((v) => Number(v ?? 0));
  const ms = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  utc.setUTCHours(hour, minute, second, ms);
  const calendarOk = utc.getUTCFullYear() === year && utc.getUTCMonth() === month - 1 && utc.getUTCDate() === day;
  if (!calendarOk || hour > 23 || minute > 59 || second > 59) return { ok: false, message: 'is not a real date and time' };
  const offsetHours = Number(m[9] ?? 0);
  const offsetMinutes = Number(m[10] ?? 0);
  if (offsetHours > 23 || offsetMinutes > 59) return { ok: false, message: 'offset must be between -23:59 and +23:59' };
  const sign = m[8] === '-' ? -1 : 1;
  const epoch = utc.getTime() - sign * (offsetHours * 60 + offsetMinutes) * 60_000;
  if (!(epoch >= MIN_MS && epoch <= MAX_MS)) return { ok: false, message: `must fall between ${MIN_TIMESTAMP} and ${MAX_TIMESTAMP} (UTC)` };
  return { ok: true, ms: epoch };
}

/** A time with offset, in range, as its canonical UTC form (`2024-05-01T10:00:00.000Z`). */
export const timestampSchema = z.string().transform((s, ctx) => {
  const parsed = parseTimestamp(s);
  if (!parsed.ok) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: parsed.message });
    return z.NEVER;
  }
  return new Date(parsed.ms).toISOString();
});
