import { sql, type Kysely } from 'kysely';

// Frozen once it has run anywhere: later changes go in a new dated migration.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('tenants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('settings', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('api_keys')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('key_prefix', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('revoked_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('threads')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('first_seen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('threads_pk', ['tenant_id', 'id'])
    .execute();

  await db.schema
    .createTable('accounts')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('first_seen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('accounts_pk', ['tenant_id', 'id'])
    .execute();

  await db.schema
    .createTable('clusters')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('representative_id', 'bigint', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('score', 'real', (c) => c.notNull())
    .addColumn('verdict', 'text', (c) => c.notNull())
    .addColumn('reasons', 'jsonb')
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('account_count', 'integer', (c) => c.notNull())
    .addColumn('thread_count', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('clusters_tenant_status_score').on('clusters').columns(['tenant_id', 'status', 'score desc', 'id']).execute();

  await db.schema
    .createTable('comments')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('thread_id', 'text', (c) => c.notNull())
    .addColumn('parent_external_id', 'text')
    .addColumn('account_id', 'text')
    .addColumn('author_name', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('norm_hash', 'text', (c) => c.notNull())
    .addColumn('posted_at', 'timestamptz', (c) => c.notNull())
    .addColumn('posted_at_known', 'boolean', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('verdict', 'text')
    .addColumn('score', 'real')
    .addColumn('cluster_id', 'bigint', (c) => c.references('clusters.id').onDelete('set null'))
    .addColumn('reasons', 'jsonb')
    .addColumn('scored_at', 'timestamptz')
    .addUniqueConstraint('comments_tenant_external', ['tenant_id', 'external_id'])
    .execute();
  await db.schema.createIndex('comments_tenant_norm_hash').on('comments').columns(['tenant_id', 'norm_hash']).execute();
  await db.schema.createIndex('comments_tenant_thread').on('comments').columns(['tenant_id', 'thread_id']).execute();
  await db.schema.createIndex('comments_cluster').on('comments').column('cluster_id').execute();
  await db.schema
    .createIndex('comments_pending')
    .on('comments')
    .column('received_at')
    .where(sql.ref('status'), '=', 'pending')
    .execute();

  await db.schema
    .createTable('edges')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('a_id', 'bigint', (c) => c.notNull().references('comments.id').onDelete('cascade'))
    .addColumn('b_id', 'bigint', (c) => c.notNull().references('comments.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('similarity', 'real', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('edges_pk', ['a_id', 'b_id', 'kind'])
    .execute();
  await db.schema.createIndex('edges_b').on('edges').column('b_id').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['edges', 'comments', 'clusters', 'accounts', 'threads', 'api_keys', 'tenants']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
