// Attachments of one round go into several clusters with one statement of each kind (attachMany):
// each cluster must grow by exactly what its own new members add, as if attached alone.
import { attachMany, lockingTransaction, saveComponentDecision, upsertTenant, withComponentLock, type Db } from '@chorus/db';
import { createTestDb, type TestDb } from '../support/services.js';
import { coordinatedCluster, storeComments } from '../support/stored-comments.js';

let t: TestDb;
let db: Db;
let tenant: string;
const id: Record<string, string> = {};

// Cluster A: a1 (account u1, thread t1), a2 (u2, t1). Cluster B: b1 (u1, t2).
// Joining: x1 (u1, t1) to A: nothing new but size; x2 (u2, t3) to B: a new thread, and an account
// A has but B has not;
// x3 (u9, t2) to B: a new account, a known thread; y1 (already in A) offered to B: left out.
const COMMENTS: Record<string, [account: string, thread: string]> = { a1: ['u1', 't1'], a2: ['u2', 't1'], b1: ['u1', 't2'], x1: ['u1', 't1'], x2: ['u2', 't3'], x3: ['u9', 't2'], y1: ['u3', 't1'] };

/** The stored cluster of `names`, with its accounts and threads counted from COMMENTS. */
const cluster = (names: readonly string[]) =>
  coordinatedCluster(
    names.map((n) => id[n]),
    { accounts: new Set(names.map((n) => COMMENTS[n][0])).size, threads: new Set(names.map((n) => COMMENTS[n][1])).size },
  );

beforeAll(async () => {
  t = await createTestDb('attach-many');
  db = t.db;
  tenant = (await upsertTenant(db, 'gazette')).id;
  Object.assign(id, await storeComments(db, tenant, Object.entries(COMMENTS).map(([name, [account, thread]]) => ({ name, account, thread }))));
  // Each stored cluster saved as a decision of its own comments would save it.
  for (const names of [['a1', 'a2', 'y1'], ['b1']]) {
    const members = names.map((n) => id[n]);
    await withComponentLock(db, tenant, members[0], 100, (trx, component) =>
      saveComponentDecision(trx, tenant, { ...component, nodes: members, clusterOf: new Map(members.map((m) => [m, null])) }, [cluster(names)], members, new Date()),
    );
  }
}, 30_000);
afterAll(async () => t.cleanup());

test('each cluster grows by its own new members, accounts and threads; a comment in another cluster is left out', async () => {
  const clusterOf = async (name: string) => (await db.selectFrom('comments').select('cluster_id').where('id', '=', id[name]).executeTakeFirstOrThrow()).cluster_id!;
  const [a, b] = [await clusterOf('a1'), await clusterOf('b1')];
  const attached = await lockingTransaction(db, (trx) =>
    attachMany(
      trx,
      [
        { clusterId: a, ids: [id.x1] },
        { clusterId: b, ids: [id.x2, id.x3, id.y1] },
      ],
      new Date(),
    ),
  );
  expect(attached.get(a)).toMatchObject({ ids: [id.x1], size: 4, decidedSize: 3 });
  expect(attached.get(b)).toMatchObject({ ids: [id.x2, id.x3], size: 3, decidedSize: 1 });
  // Both clusters are flagged and grew: each is told once, with its own size.
  expect(attached.get(b)!.outcome.clusters).toEqual([expect.objectContaining({ id: b, change: 'updated', size: 3 })]);
  expect(attached.get(b)!.outcome.scored.map((s) => s.id).sort()).toEqual([id.x2, id.x3].sort());
  const rows = await db.selectFrom('clusters').select(['id', 'size', 'account_count', 'thread_count']).where('id', 'in', [a, b]).execute();
  expect(Object.fromEntries(rows.map((r) => [r.id, [r.size, r.account_count, r.thread_count]]))).toEqual({
    // A: a1 a2 y1 + x1 (u1, t1 already there).
    [a]: [4, 3, 1],
    // B: b1 + x2 (u2 and t3 new to B) + x3 (u9 new).
    [b]: [3, 3, 2],
  });
  expect(await clusterOf('y1')).toBe(a);
  const statuses = await db.selectFrom('comments').select(['external_id', 'status']).where('external_id', 'in', ['x1', 'x2', 'x3']).orderBy('external_id').execute();
  expect(statuses.map((s) => s.status)).toEqual(['scored', 'scored', 'scored']);
});
