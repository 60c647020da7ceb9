// In a very busy thread the reply-ring and swarm checks read at most NEAR_LIMIT comments around a
// comment: the service's query and the analyzer's in-memory ports must pick the same ones, the
// nearest in time, or the two would cluster such a thread differently.
import { MemoryPorts, NEAR_LIMIT, type CommentRecord } from '@chorus/core';
import { commentsAround, commentsAroundMany, insertComments, upsertTenant, type DetectionRow } from '@chorus/db';
import { createTestDb, type TestDb } from '../support/services.js';

const t0 = Date.UTC(2026, 4, 1, 12);
const STEP_MS = 20_000;
const COMMENTS = 700;
const WINDOW_MS = 90 * 60_000;

let testDb: TestDb;
let tenantId: string;

beforeAll(async () => {
  testDb = await createTestDb('busy-thread');
  tenantId = (await upsertTenant(testDb.db, 'busy')).id;
  const comments = Array.from({ length: COMMENTS }, (_, i) => ({
    external_id: `c${i}`,
    thread_id: 'busy',
    // Every third comment is a reply (what the reply-ring check reads).
    parent_external_id: i % 3 === 0 && i > 0 ? 'c0' : null,
    account_id: `acct${i}`,
    text: `Comment number ${i} in a very busy thread.`,
    content_hash: `h${i}`,
    norm_hash: `n${i}`,
    posted_at: new Date(t0 + i * STEP_MS),
    posted_at_known: true,
  }));
  const outcome = await insertComments(testDb.db, tenantId, comments);
  expect(outcome.kind).toBe('stored');
});

afterAll(async () => {
  await testDb.cleanup();
});

const toRecord = (r: DetectionRow): CommentRecord => ({
  id: r.external_id, externalId: r.external_id, scope: r.tenant_id, threadId: r.thread_id, parentId: r.parent_external_id,
  authorId: r.account_id, postedAt: r.posted_at.getTime(), text: r.text,
});

test('the service and the in-memory ports read the same comments around one in a busy thread: the nearest in time, in time order', async () => {
  const all = (await commentsAround(testDb.db, tenantId, 'busy', new Date(t0), COMMENTS * STEP_MS, { limit: COMMENTS })).map(toRecord);
  expect(all).toHaveLength(COMMENTS);
  const memory = new MemoryPorts();
  for (const r of all) memory.add(r);
  // Off-centre, so the window holds more than the limit on one side than on the other.
  const at = all[300];
  for (const repliesOnly of [false, true]) {
    const fromDb = (await commentsAround(testDb.db, tenantId, 'busy', new Date(at.postedAt!), WINDOW_MS, { repliesOnly, limit: NEAR_LIMIT })).map((r) => r.external_id);
    const fromMemory = (repliesOnly ? await memory.repliesNear(at, WINDOW_MS) : await memory.commentsNear(at, WINDOW_MS)).map((r) => r.id);
    expect(fromMemory).toEqual(fromDb);
    const inWindow = all.filter((r) => Math.abs(r.postedAt! - at.postedAt!) <= WINDOW_MS && (!repliesOnly || r.parentId !== null));
    const farthestKept = Math.max(...fromDb.map((id) => Math.abs(all.find((r) => r.id === id)!.postedAt! - at.postedAt!)));
    const nearestLeftOut = Math.min(...inWindow.filter((r) => !fromDb.includes(r.id)).map((r) => Math.abs(r.postedAt! - at.postedAt!)), Infinity);
    expect(fromDb).toHaveLength(Math.min(NEAR_LIMIT, inWindow.length));
    expect(farthestKept).toBeLessThanOrEqual(nearestLeftOut);
    expect(fromDb).toEqual([...fromDb].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))));
  }
  // The busy case is really exercised: more comments in the window than the limit.
  expect(all.filter((r) => Math.abs(r.postedAt! - at.postedAt!) <= WINDOW_MS).length).toBeGreaterThan(NEAR_LIMIT);
});

test('the lookups of many comments at once answer what each would have had alone', async () => {
  const all = await commentsAround(testDb.db, tenantId, 'busy', new Date(t0), COMMENTS * STEP_MS, { limit: COMMENTS });
  // Several comments of the busy thread, at its start, middle and end, replies only or not.
  const requests = [0, 150, 300, 301, 650, all.length - 1].flatMap((i) => [false, true].map((repliesOnly) => ({ threadId: 'busy', at: all[i].posted_at, windowMs: WINDOW_MS, repliesOnly })));
  const together = await commentsAroundMany(testDb.db, tenantId, requests, NEAR_LIMIT);
  for (const [i, r] of requests.entries()) {
    const alone = await commentsAround(testDb.db, tenantId, r.threadId, r.at, r.windowMs, { repliesOnly: r.repliesOnly, limit: NEAR_LIMIT });
    expect(together[i].map((c) => c.id)).toEqual(alone.map((c) => c.id));
  }
  expect(together.some((rows) => rows.length === NEAR_LIMIT)).toBe(true);
});
