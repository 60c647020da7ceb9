// Migrating while other processes drop their schemas (every test file creates and drops one of its
// own, in one database): a migration must not fail because a schema it has nothing to do with
// vanished while it read the catalog.
import { sql } from 'kysely';
import { createDb, dropSchema } from './connection.js';
import { migrateToLatest } from './migrate.js';
import { TEST_DATABASE_URL as URL } from '../../test/support/services.js';

test('migrations succeed while other schemas are created and dropped beside them', async () => {
  const db = createDb({ url: URL, maxConnections: 2 });
  const label = `t_churn_${process.pid}_${Date.now().toString(36)}`;
  let stop = false;
  const churn = (async () => {
    for (let i = 0; !stop; i++) {
      const schema = `${label}_${i}`;
      await sql`create schema ${sql.id(schema)}`.execute(db);
      await sql`create table ${sql.id(schema)}.t (id serial primary key, note text)`.execute(db);
      await dropSchema(db, schema);
    }
  })();
  const failures: string[] = [];
  try {
    for (let k = 0; k < 10; k++) {
      const schema = `${label}_migrated_${k}`;
      const own = createDb({ url: URL, schema, maxConnections: 2 });
      try {
        const applied = await migrateToLatest(own, schema);
        expect(applied.length).toBeGreaterThan(0);
      } catch (err) {
        failures.push(String(err));
      } finally {
        await dropSchema(own, schema);
        await own.destroy();
      }
    }
  } finally {
    stop = true;
    await churn;
    await db.destroy();
  }
  expect(failures).toEqual([]);
}, 120_000);
