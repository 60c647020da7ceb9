import type { Request, Response } from 'express';
import { rowIdSchema } from '@chorus/contracts';
import type { Decider, LogEntry, ReviewOutcome } from '@chorus/db';
import { NotFoundError } from '@chorus/platform';

// What every moderator's decision on a cluster shares: the cluster named in the path, who decides
// (the request's key), and the answers for a decision not made (no such cluster, a stale version).

const PAST = { confirm: 'confirmed', dismiss: 'dismissed', reopen: 'reopened', drop: 'changed (a member dropped)' } as const;

/** Who made a logged decision, in words: the moderator of a named key, or the key's prefix. */
export function deciderName(entry: Pick<LogEntry, 'moderator' | 'key_prefix'>): string {
  return entry.moderator ?? (entry.key_prefix ? `key ${entry.key_prefix}` : 'an earlier key');
}

/** Cluster ids are bigints; anything else cannot exist (and must not reach PostgreSQL as a cast error). */
export function assertClusterId(id: string): void {
  if (!rowIdSchema.safeParse(id).success) throw new NotFoundError('cluster');
}

/** The cluster a decision names and who decides. */
export function decisionTarget(req: Request): { id: string; by: Decider } {
  assertClusterId(req.params.id);
  return { id: req.params.id, by: { keyPrefix: req.apiKey!.prefix, moderator: req.apiKey!.moderator } };
}

/** Answers a decision that was not made: 404 for a cluster the tenant does not have, 409 for a stale version. True when it answered. */
export function answeredUnmade<T extends { kind: string }>(res: Response, id: string, outcome: T | undefined): outcome is undefined | Extract<T, { kind: 'stale' }> {
  if (!outcome) throw new NotFoundError('cluster');
  if (outcome.kind !== 'stale') return false;
  answerStale(res, id, outcome as unknown as Extract<ReviewOutcome, { kind: 'stale' }>);
  return true;
}

/** The 409 for a decision made on a version another decision replaced: the cluster now, and who changed it. */
function answerStale(res: Response, id: string, outcome: Extract<ReviewOutcome, { kind: 'stale' }>): void {
  const last = outcome.last;
  // A decision naming a comment (other than a drop) judged or put back one member, not the cluster.
  const words = last && (last.comment_id && last.action !== 'drop' ? `changed (${last.action === 'reopen' ? 'a dropped member put back' : `a member ${PAST[last.action]}`})` : PAST[last.action]);
  const what = last ? `${words} by ${deciderName(last)} at ${last.created_at.toISOString()}` : 'changed';
  res.status(409).json({
    error: { code: 'already_decided', message: `cluster ${id} was already ${what} (now version ${outcome.version}, status ${outcome.status}); load it again before deciding`, field: 'version' },
    cluster: { id, status: outcome.status, version: outcome.version },
    decided_by: last,
  });
}
