import { sql } from 'kysely';
import { createDb, DatabaseUnavailableError } from './connection.js';
import { freePort } from '../../test/support/private-services.js';
import { createTestDb, TEST_DATABASE_URL, type TestDb } from '../../test/support/services.js';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb('connection');
});
afterAll(async () => t.cleanup());

test('a PostgreSQL nobody listens on is a 503 DatabaseUnavailableError, not a crash or a 500', async () => {
  const db = createDb({ url: `postgres://postgres@127.0.0.1:${await freePort()}/chorus` });
  try {
    const err = await sql`select 1`.execute(db).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatabaseUnavailableError);
    expect((err as DatabaseUnavailableError).status).toBe(503);
  } finally {
    await db.destroy();
  }
});

test('connections killed by the server (idle or mid-query) are reported, not fatal, and the pool reconnects', async () => {
  const lost: Error[] = [];
  const db = createDb({ url: TEST_DATABASE_URL, schema: t.schema, maxConnections: 2, onConnectionError: (err) => lost.push(err) });
  try {
    const [{ pid: busy }] = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db)).rows;
    // One connection sleeps while the other is terminated under it; the first, idle, is terminated too.
    const sleeping = db.connection().execute(async (c) => {
      const [{ pid }] = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(c)).rows;
      const query = sql`select pg_sleep(5)`.execute(c).catch((e: unknown) => e);
      await new Promise((r) => setTimeout(r, 200));
      await sql`select pg_terminate_backend(${pid}), pg_terminate_backend(${busy})`.execute(t.db);
      return query;
    });
    const err = await sleeping;
    expect(err).toBeInstanceOf(DatabaseUnavailableError);
    await new Promise((r) => setTimeout(r, 100));
    expect(lost.length).toBeGreaterThanOrEqual(2);
    expect((await sql<{ one: number }>`select 1 as one`.execute(db)).rows).toEqual([{ one: 1 }]);
  } finally {
    await db.destroy();
  }
});

test('errors of the query itself stay as they are', async () => {
  const err = await sql`select 1/0`.execute(t.db).catch((e: unknown) => e);
  expect(err).not.toBeInstanceOf(DatabaseUnavailableError);
  expect((err as { code?: string }).code).toBe('22012');
});
