import { createApiKey, openMigratedDb, revokeApiKey, upsertTenant, type Db } from '@chorus/db';
import { baseConfigSchema, parseConfig } from '@chorus/platform';
import { stringFlag, UsageError } from './args.js';

async function withDb<T>(env: NodeJS.ProcessEnv, fn: (db: Db) => Promise<T>): Promise<T> {
  const config = parseConfig(baseConfigSchema, env);
  const { db } = await openMigratedDb({ url: config.DATABASE_URL, schema: config.DATABASE_SCHEMA, maxConnections: 2 });
  try {
    return await fn(db);
  } finally {
    await db.destroy();
  }
}

/** `chorus keys create --tenant NAME` / `chorus keys revoke PREFIX`. */
export async function keysCommand(args: string[], flags: Map<string, string | true>, env: NodeJS.ProcessEnv, out: (s: string) => void): Promise<void> {
  const [action, target] = args;
  if (action === 'create') {
    const name = stringFlag(flags, 'tenant');
    if (!name) throw new UsageError('usage: chorus keys create --tenant NAME');
    const created = await withDb(env, async (db) => {
      const tenant = await upsertTenant(db, name);
      return { tenant, ...(await createApiKey(db, tenant.id)) };
    });
    out(`tenant:  ${created.tenant.name} (${created.tenant.id})\n`);
    out(`api key: ${created.key}\n`);
    out(`prefix:  ${created.prefix} (use it to revoke: chorus keys revoke ${created.prefix})\n`);
    out('The key is shown once; Chorus keeps only its hash.\n');
    return;
  }
  if (action === 'revoke') {
    if (!target) throw new UsageError('usage: chorus keys revoke PREFIX');
    const count = await withDb(env, (db) => revokeApiKey(db, target.replace(/^chorus_/, '').split('_')[0]));
    if (count === 0) throw new UsageError(`no active key with prefix ${target}`);
    out(`revoked ${count} key(s)\n`);
    return;
  }
  throw new UsageError('usage: chorus keys create --tenant NAME | chorus keys revoke PREFIX');
}
