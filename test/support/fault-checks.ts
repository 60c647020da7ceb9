// What both fault tests check once the fault is over.
import { sql } from 'kysely';
import type { Db } from '@chorus/db';
import type { ServiceChild } from './service-children.js';
import { waitFor } from './services.js';

/** GET /healthz: its status and body. */
export async function healthOf(base: string): Promise<{ status: number; body: Record<string, string> }> {
  const res = await fetch(`${base}/healthz`);
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

/**
 * Every acknowledged comment is stored now and scored within `timeoutMs`; otherwise throws with how
 * many are not, and the worker's last output.
 */
export async function expectAcknowledgedScored(db: Db, tenantId: string, acked: readonly string[], worker: ServiceChild, timeoutMs = 60_000): Promise<void> {
  const statuses = async () =>
    sql<{ external_id: string; status: string }>`select external_id, status from comments where tenant_id = ${tenantId}`.execute(db).then((r) => new Map(r.rows.map((c) => [c.external_id, c.status])));
  const stored = await statuses();
  expect(acked.filter((id) => !stored.has(id))).toEqual([]);
  await waitFor(async () => {
    const now = await statuses();
    return acked.every((id) => now.get(id) === 'scored');
  }, timeoutMs, 'every acknowledged comment scored').catch(async (err: Error) => {
    const now = await statuses();
    throw new Error(`${err.message}: ${acked.filter((id) => now.get(id) !== 'scored').length} of ${acked.length} not scored\n${worker.describe()}`);
  });
}
