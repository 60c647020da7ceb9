// `npm run db:migrate`: creates the database if needed and applies every pending migration.
import { baseConfigSchema, loadConfig } from '@chorus/platform';
import { createDb, ensureDatabase } from './connection.js';
import { migrateToLatest } from './migrate.js';

const config = loadConfig(baseConfigSchema);
await ensureDatabase(config.DATABASE_URL);
const db = createDb({ url: config.DATABASE_URL, schema: config.DATABASE_SCHEMA });
try {
  const applied = await migrateToLatest(db, config.DATABASE_SCHEMA);
  process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'database is up to date\n');
} finally {
  await db.destroy();
}
