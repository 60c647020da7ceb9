// A decision of a component cut at the limit places the comments it scores into stored clusters.
// A comment it cannot move there (it is in another cluster already) is still scored: no comment may
// stay pending for ever because a partial view disagreed with the stored clusters.
import { saveComponentDecision, saveCutDecision, withComponentLock, type LockedComponent } from '@chorus/db';
import { flaggedCampaign } from '../support/campaign.js';
import { createHarness, type Harness } from '../support/harness.js';
import { coordinatedCluster } from '../support/stored-comments.js';

let h: Harness;
let tenant: { id: string; key: string };

beforeAll(async () => {
  h = await createHarness('cut-decision', { semantic: false });
  tenant = await h.tenant('gazette');
  const worker = h.startWorker();
  await flaggedCampaign(h, tenant.key);
  // The rest is the test's own doing: no detector decides meanwhile.
  await worker.close();
}, 60_000);
afterAll(async () => h.close());

test('a scored comment that a cut decision places in a cluster it is not in is scored where it is', async () => {
  const db = h.testDb.db;
  const rows = await db.selectFrom('comments').select(['id', 'external_id']).where('external_id', 'like', 'cp%').orderBy('external_id').execute();
  const id = Object.fromEntries(rows.map((r) => [r.external_id, r.id]));
  // Two stored clusters: cp0-cp2 and cp3-cp5; cp0 is still waiting for its own detection.
  await withComponentLock(db, tenant.id, id.cp0, 2000, (trx, component) =>
    saveComponentDecision(trx, tenant.id, component, [coordinatedCluster([id.cp0, id.cp1, id.cp2]), coordinatedCluster([id.cp3, id.cp4, id.cp5])], [], new Date()),
  );
  await db.updateTable('comments').set({ status: 'pending', scored_at: null }).where('id', '=', id.cp0).execute();
  const first = await db.selectFrom('comments').select('cluster_id').where('id', '=', id.cp0).executeTakeFirstOrThrow();
  // A cut decision sees cp0 with two of the other cluster's members: most of them are in cp3's cluster.
  await withComponentLock(db, tenant.id, id.cp0, 2000, (trx, component) => saveCutDecision(trx, tenant.id, component, [coordinatedCluster([id.cp3, id.cp0, id.cp4])], [id.cp0], new Date()));
  const after = await db.selectFrom('comments').select(['status', 'cluster_id']).where('id', '=', id.cp0).executeTakeFirstOrThrow();
  expect(after).toEqual({ status: 'scored', cluster_id: first.cluster_id });
});

test('a cut decision that finds its members in no cluster counts them again under the lock, and joins the cluster another decision put them in', async () => {
  const db = h.testDb.db;
  const rows = await db.selectFrom('comments').select(['id', 'external_id', 'cluster_id']).where('external_id', 'like', 'cp%').orderBy('external_id').execute();
  const id = Object.fromEntries(rows.map((r) => [r.external_id, r.id]));
  const storedCluster = rows.find((r) => r.external_id === 'cp4')!.cluster_id;
  expect(storedCluster).not.toBeNull();
  await db.updateTable('comments').set({ status: 'pending', scored_at: null }).where('id', '=', id.cp4).execute();
  const clustersBefore = await db.selectFrom('clusters').select('id').execute();
  // Read without locks before another decision placed cp3-cp5: the snapshot has them in no cluster.
  const stale: LockedComponent = { nodes: [id.cp3, id.cp4, id.cp5], edges: [], clusterOf: new Map([id.cp3, id.cp4, id.cp5].map((n) => [n, null])), pending: new Set([id.cp4]), cut: true };
  await db.transaction().execute((trx) => saveCutDecision(trx, tenant.id, stale, [coordinatedCluster([id.cp4, id.cp5, id.cp3])], [id.cp4], new Date()));
  const after = await db.selectFrom('comments').select(['external_id', 'status', 'cluster_id']).where('id', 'in', [id.cp3, id.cp4, id.cp5]).orderBy('external_id').execute();
  expect(after).toEqual(['cp3', 'cp4', 'cp5'].map((external_id) => ({ external_id, status: 'scored', cluster_id: storedCluster })));
  expect((await db.selectFrom('clusters').select('id').execute()).map((c) => c.id).sort()).toEqual(clustersBefore.map((c) => c.id).sort());
});

test('a decision past the limit does not wait for another decider holding its neighbourhood', async () => {
  const db = h.testDb.db;
  const start = (await db.selectFrom('comments').select('id').where('external_id', '=', 'cp2').executeTakeFirstOrThrow()).id;
  await db.updateTable('comments').set({ status: 'pending', scored_at: null }).where('id', '=', start).execute();
  // Another decider holds every other comment of the component.
  let release!: () => void;
  let holding!: () => void;
  const held = new Promise<void>((r) => (holding = r));
  const holder = db.transaction().execute(async (trx) => {
    await trx.selectFrom('comments').select('id').where('id', '!=', start).forNoKeyUpdate().execute();
    holding();
    await new Promise<void>((r) => (release = r));
  });
  await held;
  try {
    const decided = withComponentLock(db, tenant.id, start, 3, (trx, component) => saveCutDecision(trx, tenant.id, component, [], [start], new Date()));
    const first = await Promise.race([decided.then(() => 'decided'), new Promise((r) => setTimeout(() => r('still waiting'), 5000))]);
    expect(first).toBe('decided');
  } finally {
    release();
    await holder;
  }
  expect((await db.selectFrom('comments').select('status').where('id', '=', start).executeTakeFirstOrThrow()).status).toBe('scored');
});

test('a component past the limit is decided around the comment: its nearest comments, known to be cut', async () => {
  const db = h.testDb.db;
  const start = (await db.selectFrom('comments').select('id').where('external_id', '=', 'cp2').executeTakeFirstOrThrow()).id;
  const remembered = new Set<string>();
  const pastLimit = { has: (id: string) => remembered.has(id), add: (ids: readonly string[]) => ids.forEach((id) => remembered.add(id)) };
  const cut = await withComponentLock(db, tenant.id, start, 3, async (_trx, component) => component, { pastLimit });
  expect(cut.cut).toBe(true);
  expect(cut.nodes).toHaveLength(3);
  expect(cut.nodes[0]).toBe(start);
  // Remembered: the next walk from any of them knows the component is past the limit.
  expect(cut.nodes.every((n) => remembered.has(n))).toBe(true);
  const whole = await withComponentLock(db, tenant.id, start, 2000, async (_trx, component) => component, { pastLimit });
  expect(whole.cut).toBe(false);
  expect(whole.nodes).toHaveLength(6);
});

test('past the limit, the comments decided alongside the start are in its neighbourhood, each of them', async () => {
  const db = h.testDb.db;
  const ids = (await db.selectFrom('comments').select(['id', 'external_id']).where('external_id', 'like', 'cp%').orderBy('external_id').execute()).map((r) => r.id);
  const [start] = ids;
  const alone = await withComponentLock(db, tenant.id, start, 2, async (_trx, component) => component);
  expect(alone.cut).toBe(true);
  // A comment of the same component that the walk from the start alone left out.
  const other = ids.find((id) => !alone.nodes.includes(id))!;
  const together = await withComponentLock(db, tenant.id, start, 2, async (_trx, component) => component, { alongside: [other] });
  expect(together.cut).toBe(true);
  expect([...together.nodes].sort()).toEqual([start, other].sort());
});
