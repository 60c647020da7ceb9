import type { Kysely } from 'kysely';
import { sql } from 'kysely';

// Frozen once it has run anywhere: later changes go in a new dated migration.
//
// Detection reads each new comment's replies by (tenant, parent id) (reply echo, reply rings).
// Without an index every such read scanned the tenant's comments: 43 ms at 100,000 comments, and
// growing with them; with it, a tenth of a millisecond. Top-level comments (no parent) are most
// comments and are never looked up this way, so they are left out of the index.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('comments_tenant_parent')
    .on('comments')
    .columns(['tenant_id', 'parent_external_id'])
    .where(sql.ref('parent_external_id'), 'is not', null)
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('comments_tenant_parent').execute();
}
