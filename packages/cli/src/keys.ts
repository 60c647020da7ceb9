import { createApiKey, isKeyScope, KEY_SCOPES, openMigratedDb, revokeApiKey, upsertTenant, type Db, type KeyScope } from '@chorus/db';
import { announceKeyRevocation, baseConfigSchema, parseConfig } from '@chorus/platform';
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

const CREATE_USAGE = `usage: chorus keys create --tenant NAME [--moderator NAME] [--scope ${KEY_SCOPES.join('|')}[,...]]`;

/** `--scope a,b`: the scopes named (all of them when the flag is left out, as keys had before scopes). */
function scopesFlag(flags: Map<string, string | true>): KeyScope[] {
  const value = stringFlag(flags, 'scope');
  if (value === undefined) return [...KEY_SCOPES];
  const names = value.split(',').map((s) => s.trim());
  const unknown = names.filter((n) => !isKeyScope(n));
  if (unknown.length > 0 || names.length === 0) throw new UsageError(`unknown scope ${unknown.join(', ') || '(none)'}: use ${KEY_SCOPES.join(', ')}\n${CREATE_USAGE}`);
  return names.filter(isKeyScope);
}

/** `--moderator NAME`: the person a key belongs to, named in the moderation log. */
function moderatorFlag(flags: Map<string, string | true>): string | null {
  const name = stringFlag(flags, 'moderator');
  if (name === undefined) return null;
  // eslint-disable-next-line no-control-regex
  if (!name.trim() || name.length > 200 || /[\u0000-\u001f\u007f-\u009f]/.test(name)) throw new UsageError(`--moderator: a name of 1-200 characters, no control characters\n${CREATE_USAGE}`);
  return name;
}

/** `chorus keys create --tenant NAME [--moderator NAME] [--scope ...]` / `chorus keys revoke PREFIX`. */
export async function keysCommand(args: string[], flags: Map<string, string | true>, env: NodeJS.ProcessEnv, out: (s: string) => void): Promise<void> {
  const [action, target] = args;
  if (action === 'create') {
    const name = stringFlag(flags, 'tenant');
    if (!name) throw new UsageError(CREATE_USAGE);
    const scopes = scopesFlag(flags);
    const moderator = moderatorFlag(flags);
    const created = await withDb(env, async (db) => {
      const tenant = await upsertTenant(db, name);
      return { tenant, ...(await createApiKey(db, tenant.id, { scopes, moderator })) };
    });
    out(`tenant:  ${created.tenant.name} (${created.tenant.id})\n`);
    if (moderator !== null) out(`moderator: ${moderator}\n`);
    out(`scopes:  ${[...new Set(scopes)].sort().join(', ')}\n`);
    out(`api key: ${created.key}\n`);
    out(`prefix:  ${created.prefix} (use it to revoke: chorus keys revoke ${created.prefix})\n`);
    out('The key is shown once; Chorus keeps only its hash.\n');
    return;
  }
  if (action === 'revoke') {
    if (!target) throw new UsageError('usage: chorus keys revoke PREFIX');
    const prefix = target.replace(/^chorus_/, '').split('_')[0];
    const count = await withDb(env, (db) => revokeApiKey(db, prefix));
    if (count === 0) throw new UsageError(`no active key with prefix ${target}`);
    out(`revoked ${count} key(s)\n`);
    // Every API process drops the key from its cache at once; without Redis, within KEY_CACHE_MS.
    const config = parseConfig(baseConfigSchema, env);
    const heard = await announceKeyRevocation(config.REDIS_URL, config.QUEUE_PREFIX, prefix);
    if (heard === undefined) out(`Redis did not answer: API processes stop accepting the key within KEY_CACHE_MS (30 s by default)\n`);
    else out(`announced to ${heard} API process(es); they refuse the key from now on\n`);
    return;
  }
  throw new UsageError(`${CREATE_USAGE}\n       chorus keys revoke PREFIX`);
}
