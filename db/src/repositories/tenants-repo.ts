import { randomUUID } from 'node:crypto';
import type { Db } from '../connection.js';

export interface Tenant {
  readonly id: string;
  readonly name: string;
  readonly settings: Readonly<Record<string, unknown>>;
}

/** Returns the tenant with this name, creating it if needed. */
export async function upsertTenant(db: Db, name: string): Promise<Tenant> {
  await db
    .insertInto('tenants')
    .values({ id: randomUUID(), name, settings: '{}' })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  return db.selectFrom('tenants').select(['id', 'name', 'settings']).where('name', '=', name).executeTakeFirstOrThrow();
}

export async function findTenant(db: Db, id: string): Promise<Tenant | undefined> {
  return db.selectFrom('tenants').select(['id', 'name', 'settings']).where('id', '=', id).executeTakeFirst();
}

export async function saveTenantSettings(db: Db, id: string, settings: Readonly<Record<string, unknown>>): Promise<void> {
  await db.updateTable('tenants').set({ settings: JSON.stringify(settings) }).where('id', '=', id).execute();
}
