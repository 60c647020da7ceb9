import type { Response } from 'express';
import type { LogEntry, ReviewOutcome } from '@chorus/db';

const PAST = { confirm: 'confirmed', dismiss: 'dismissed', reopen: 'reopened', drop: 'changed (a member dropped)' } as const;

/** Who made a logged decision, in words: the moderator of a named key, or the key's prefix. */
export function deciderName(entry: Pick<LogEntry, 'moderator' | 'key_prefix'>): string {
  return entry.moderator ?? (entry.key_prefix ? `key ${entry.key_prefix}` : 'an earlier key');
}

/** The 409 for a decision made on a version another decision replaced: the cluster now, and who changed it. */
export function answerStale(res: Response, id: string, outcome: Extract<ReviewOutcome, { kind: 'stale' }>): void {
  const last = outcome.last;
  const what = last ? `${PAST[last.action]} by ${deciderName(last)} at ${last.created_at.toISOString()}` : 'changed';
  res.status(409).json({
    error: { code: 'already_decided', message: `cluster ${id} was already ${what} (now version ${outcome.version}, status ${outcome.status}); load it again before deciding`, field: 'version' },
    cluster: { id, status: outcome.status, version: outcome.version },
    decided_by: last,
  });
}
