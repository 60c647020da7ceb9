// A round's small components are locked and read together (withSmallComponentsLock): each must be
// exactly the component withComponentLock gives one at a time, locked while the decision runs, and
// a set of seeds that together reach the budget must be handed back undecided.
import { addEdges, upsertTenant, withComponentLock, withSmallComponentsLock, type Db, type LockedComponent } from '@chorus/db';
import { createTestDb, type TestDb } from '../support/services.js';
import { storeComments } from '../support/stored-comments.js';

let t: TestDb;
let db: Db;
let tenant: string;
const id: Record<string, string> = {};

const NAMES = ['a1', 'a2', 'a3', 'bridge', 'a4', 'b1', 'b2', 'c1'];

beforeAll(async () => {
  t = await createTestDb('small-components');
  db = t.db;
  tenant = (await upsertTenant(db, 'gazette')).id;
  Object.assign(id, await storeComments(db, tenant, NAMES.map((name) => ({ name }))));
  // a1-a2-a3 and a3-bridge-a4 (a moderator dropped the bridge), b1-b2; c1 alone.
  const edge = (a: string, b: string) => ({ a: id[a], b: id[b], kind: 'lexical' as const, similarity: 0.9 });
  await addEdges(db, tenant, [edge('a1', 'a2'), edge('a2', 'a3'), edge('a3', 'bridge'), edge('bridge', 'a4'), edge('b1', 'b2')]);
  await db.updateTable('comments').set({ dropped_at: new Date() }).where('id', '=', id.bridge).execute();
}, 30_000);
afterAll(async () => t.cleanup());

const names = (nodes: readonly string[]) => nodes.map((n) => NAMES.find((name) => id[name] === n) ?? n).sort();
const shape = (c: LockedComponent) => ({ nodes: names(c.nodes), edges: c.edges.length, pending: c.pending.size, cut: c.cut });

test('each seed gets its own whole component, as one-at-a-time locking gives it, and a seed of one already reached adds nothing', async () => {
  const together = await withSmallComponentsLock(db, tenant, [id.a1, id.b2, id.c1, id.a4], 100, async (_trx, components) => components.map(shape));
  const alone = [];
  for (const seed of [id.a1, id.b2, id.c1]) alone.push(await withComponentLock(db, tenant, seed, 100, async (_trx, c) => shape(c)));
  expect(together).not.toBeNull();
  expect([...together!].sort((x, y) => x.nodes[0].localeCompare(y.nodes[0]))).toEqual(alone);
  // The dropped bridge still connects a4 to a1's component (as the walk from a1 finds it), and is left out of it.
  expect(alone[0]).toEqual({ nodes: ['a1', 'a2', 'a3', 'a4'], edges: 2, pending: 4, cut: false });
});

test('the components are locked while the decision runs', async () => {
  let blocked: unknown;
  await withSmallComponentsLock(db, tenant, [id.b1], 100, async () => {
    blocked = await db
      .transaction()
      .execute((trx) => trx.selectFrom('comments').select('id').where('id', '=', id.b2).forNoKeyUpdate().noWait().execute())
      .catch((err: { code?: string }) => err.code);
  });
  // 55P03: lock_not_available.
  expect(blocked).toBe('55P03');
});

test('seeds whose components together reach the budget are handed back undecided', async () => {
  let ran = false;
  const result = await withSmallComponentsLock(db, tenant, [id.a1, id.b1], 6, async () => (ran = true));
  expect(result).toBeNull();
  expect(ran).toBe(false);
  // Under it, they are decided.
  expect(await withSmallComponentsLock(db, tenant, [id.a1, id.b1], 8, async (_trx, components) => components.length)).toBe(2);
});

test('a seed whose component alone reaches the budget is remembered as past the limit; seeds that reach it together are not', async () => {
  const past = new Set<string>();
  const pastLimit = { has: (n: string) => past.has(n), add: (ids: readonly string[]) => ids.forEach((n) => past.add(n)) };
  expect(await withSmallComponentsLock(db, tenant, [id.a1, id.b1], 6, async () => true, pastLimit)).toBeNull();
  expect(past.size).toBe(0);
  expect(await withSmallComponentsLock(db, tenant, [id.a1], 3, async () => true, pastLimit)).toBeNull();
  expect(names([...past])).toEqual(['a1', 'a2', 'a3']);
});
