// `npm run db:migrate`: creates the database if needed and applies every pending migration.
import { baseConfigSchema, exitOnUnreachable, loadConfig } from '@chorus/platform';
import { openMigratedDb } from './migrate.js';

const config = loadConfig(baseConfigSchema);
const { db, applied } = await openMigratedDb({ url: config.DATABASE_URL, schema: config.DATABASE_SCHEMA }).catch(exitOnUnreachable('postgres', config.DATABASE_URL));
await db.destroy();
process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'database is up to date\n');
