// How precise a comment's posting time is. Exports often carry dates only ("2013-03-21"), times
// rounded to the hour, or one export time stamped on a whole thread. Read as exact, such times
// make a whole thread look like a burst ("38 comments posted within 1 minute"). Timing evidence
// needs times precise to well under its windows, so a coarser time is treated as unknown: the
// comment is judged as if its time were missing, and its reasons say why.

import type { CoarseTime, CommentRecord } from './comment-record.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** A thread needs this many timed comments before its times can be judged rounded or shared (one or two may fall on the hour by chance). */
const MIN_JUDGED = 3;

/** True for a timestamp string that names a day but no time of day ("2013-03-21", "21/03/2013"). */
export function isDateOnly(raw: string): boolean {
  const s = raw.trim();
  return /^\d{4}-\d{1,2}-\d{1,2}$/.test(s) || /^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$/.test(s) || /^\d{4}\/\d{1,2}\/\d{1,2}$/.test(s);
}

/** The coarseness all of a thread's timed comments share, judged from their values; null when the times look exact. */
function threadCoarseness(times: readonly number[]): CoarseTime | null {
  if (times.length < MIN_JUDGED) return null;
  if (times.every((t) => t % DAY_MS === 0)) return 'date';
  if (times.every((t) => t % HOUR_MS === 0)) return 'hour';
  if (times.every((t) => t === times[0])) return 'shared';
  return null;
}

/**
 * The records with coarse times made unknown (`postedAt` null, `coarseTime` saying why): a time
 * declared date-only, and every time of a thread whose timed comments are all at midnight UTC, all
 * on the hour, or all identical. Other records are returned as they are, in the same order.
 */
export function withKnownTimes<R extends CommentRecord>(records: readonly R[]): R[] {
  const byThread = new Map<string, number[]>();
  for (const r of records) {
    if (r.postedAt === null || r.coarseTime) continue;
    const times = byThread.get(`${r.scope}\u0000${r.threadId}`);
    if (times) times.push(r.postedAt);
    else byThread.set(`${r.scope}\u0000${r.threadId}`, [r.postedAt]);
  }
  const coarse = new Map<string, CoarseTime>();
  for (const [thread, times] of byThread) {
    const c = threadCoarseness(times);
    if (c) coarse.set(thread, c);
  }
  return records.map((r) => {
    const why = r.coarseTime ?? (r.postedAt === null ? undefined : coarse.get(`${r.scope}\u0000${r.threadId}`));
    return why ? { ...r, postedAt: null, coarseTime: why } : r;
  });
}

/** How a moderator reads a coarse time. */
export const COARSE_TIME_TEXT: Readonly<Record<CoarseTime, string>> = {
  date: 'given as dates only',
  hour: 'rounded to the hour',
  shared: 'one time for a whole thread',
};
