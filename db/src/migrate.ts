import { Migrator, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';
import * as initial from '../migrations/2026-11-26-initial.js';
import * as moderationLog from '../migrations/2026-11-26-moderation-log.js';
import * as verdictsFromClusters from '../migrations/2026-12-03-verdicts-from-clusters.js';
import * as clusterAggregates from '../migrations/2026-12-03-cluster-aggregates.js';
import * as workerFailures from '../migrations/2026-12-03-worker-failures.js';
import * as integrationThreads from '../migrations/2026-12-03-integration-threads.js';
import * as integrationWebhooks from '../migrations/2026-12-03-integration-webhooks.js';
import * as moderationVersions from '../migrations/2026-12-03-moderation-versions.js';
import * as moderationAudit from '../migrations/2026-12-03-moderation-audit.js';
import * as moderationKeys from '../migrations/2026-12-03-moderation-keys.js';
import * as moderationDrops from '../migrations/2026-12-03-moderation-drops.js';
import * as webhooksPending from '../migrations/2026-12-03-webhooks-pending.js';
import * as commentsByAccount from '../migrations/2026-12-04-comments-by-account.js';
import * as commentsByParent from '../migrations/2026-12-04-comments-by-parent.js';
import { createDb, ensureDatabase, ensureSchema, type Db, type DbOptions } from './connection.js';

// Migrations are listed explicitly so they load the same way under tsx, jest and a bundler.
const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '2026-11-26-initial': initial,
  '2026-11-26-moderation-log': moderationLog,
  '2026-12-03-verdicts-from-clusters': verdictsFromClusters,
  '2026-12-03-cluster-aggregates': clusterAggregates,
  '2026-12-03-worker-failures': workerFailures,
  '2026-12-03-integration-threads': integrationThreads,
  '2026-12-03-integration-webhooks': integrationWebhooks,
  '2026-12-03-moderation-versions': moderationVersions,
  '2026-12-03-moderation-audit': moderationAudit,
  '2026-12-03-moderation-keys': moderationKeys,
  '2026-12-03-moderation-drops': moderationDrops,
  '2026-12-03-webhooks-pending': webhooksPending,
  '2026-12-04-comments-by-account': commentsByAccount,
  '2026-12-04-comments-by-parent': commentsByParent,
};

const provider: MigrationProvider = { getMigrations: async () => ({ ...MIGRATIONS }) };

/** PostgreSQL's "schema does not exist" and "relation does not exist". */
const VANISHED = new Set(['3F000', '42P01']);

/**
 * Runs a migrator step, again when another schema vanished under it: kysely's Migrator looks for
 * its own table by reading every table of the database (every schema's), and a schema that another
 * process drops meanwhile (tests each drop theirs) fails that read. Each migration runs in its
 * own transaction, so starting over is safe.
 */
async function migrating(db: Db, schema: string, step: (migrator: Migrator) => Promise<MigrationResultSet>, attempts = 30): Promise<MigrationResultSet> {
  await ensureSchema(db, schema);
  for (let attempt = 1; ; attempt++) {
    const result = await step(new Migrator({ db, provider, migrationTableSchema: schema }));
    const code = (result.error as { code?: string } | undefined)?.code;
    if (code === undefined || !VANISHED.has(code) || attempt >= attempts) {
      if (result.error) throw result.error;
      return result;
    }
    // Apart from the drops that keep coming (several test files dropping theirs at once).
    await new Promise((r) => setTimeout(r, 5 + Math.random() * 25));
  }
}

/** Brings the schema up to date; safe to run any number of times and from several processes at once. */
export async function migrateToLatest(db: Db, schema = 'public'): Promise<string[]> {
  const { results } = await migrating(db, schema, (m) => m.migrateToLatest());
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Applies the migrations up to and including `name`: tests use it to set up data as an older Chorus left it. */
export async function migrateUpTo(db: Db, name: string, schema = 'public'): Promise<void> {
  await migrating(db, schema, (m) => m.migrateTo(name));
}

/**
 * Every process's database start-up: creates the database if needed, connects, and migrates.
 * Returns the names of the migrations it applied; on failure the pool is closed before rethrowing.
 */
export async function openMigratedDb(options: DbOptions): Promise<{ db: Db; applied: string[] }> {
  await ensureDatabase(options.url);
  const db = createDb(options);
  try {
    return { db, applied: await migrateToLatest(db, options.schema) };
  } catch (err) {
    await db.destroy();
    throw err;
  }
}
