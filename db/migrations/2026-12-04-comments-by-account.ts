import type { Kysely } from 'kysely';

// Frozen once it has run anywhere: later changes go in a new dated migration.
//
// The account page reads an account's comments, counts and clusters by (tenant, author id); without
// an index each visit scans every comment of the tenant.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('comments_tenant_account').on('comments').columns(['tenant_id', 'account_id']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('comments_tenant_account').execute();
}
