// The worker keeps PostgreSQL's statistics of the detection tables fresh when autovacuum does not
// (it is off on some machines): without them the planner reads a thousand comments' edges by
// scanning the whole edges table. Autovacuum is switched off for this schema's tables, so what
// analyzes them here is the worker's keeper.
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { sql } from 'kysely';
import { insertComments, upsertTenant, type NewComment } from '@chorus/db';
import { StatisticsKeeper } from '../../workers/detector/src/statistics-keeper.js';
import { createTestDb, testPrefix, TEST_REDIS_URL, waitFor, type TestDb } from '../support/services.js';

let testDb: TestDb;
let keys: ReturnType<typeof testPrefix>;
let redis: Redis;

beforeAll(async () => {
  testDb = await createTestDb('statistics');
  keys = testPrefix('statistics');
  redis = new Redis(TEST_REDIS_URL);
  for (const table of ['comments', 'edges', 'clusters']) await sql`alter table ${sql.table(table)} set (autovacuum_enabled = false)`.execute(testDb.db);
});
afterAll(async () => {
  await redis.quit();
  await keys.cleanup();
  await testDb.cleanup();
});

const lastAnalyzed = async (table: string): Promise<Date | null> => {
  const { rows } = await sql<{ at: Date | null }>`select last_analyze as at from pg_stat_user_tables where schemaname = current_schema() and relname = ${table}`.execute(testDb.db);
  return rows[0]?.at ?? null;
};

test('tables that grew by a tenth are analyzed, once, by one worker at a time', async () => {
  const tenant = await upsertTenant(testDb.db, 'gazette');
  const comments: NewComment[] = Array.from({ length: 3000 }, (_, i) => ({
    external_id: `c${i}`,
    thread_id: `t${i % 30}`,
    text: `comment number ${i}`,
    content_hash: `h${i}`,
    norm_hash: `n${i}`,
    posted_at: new Date(Date.UTC(2026, 0, 1, 0, i)),
    posted_at_known: true,
  }));
  await insertComments(testDb.db, tenant.id, comments);
  expect(await lastAnalyzed('comments')).toBeNull();

  const logger = pino({ level: 'silent' });
  const keeper = new StatisticsKeeper(testDb.db, redis, logger, { intervalMs: 60_000, lockKey: `${keys.prefix}:statistics-lock` });
  const other = new StatisticsKeeper(testDb.db, redis, logger, { intervalMs: 60_000, lockKey: `${keys.prefix}:statistics-lock` });
  // PostgreSQL counts the inserted rows a moment after their transaction: check until it has.
  const [first, second] = await waitFor(async () => {
    const both = await Promise.all([keeper.pass(), other.pass()]);
    return both.some((analyzed) => analyzed.length > 0) ? both : undefined;
  }, 15_000, 'the inserted comments counted and analyzed');
  // One of the two held the lock and analyzed the comments (edges and clusters are still empty).
  expect([...first, ...second]).toEqual(['comments']);
  expect(await lastAnalyzed('comments')).not.toBeNull();
  expect(await lastAnalyzed('edges')).toBeNull();
  // Nothing changed since: nothing is analyzed again.
  expect(await keeper.pass()).toEqual([]);
});
