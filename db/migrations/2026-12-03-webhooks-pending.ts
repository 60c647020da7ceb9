import { sql, type Kysely } from 'kysely';

// Frozen once it has run anywhere: later changes go in a new dated migration.
//
// Deliveries recorded while Redis was down stay pending with no job to send them; the API's
// delivery sweeper finds them by age. Pending deliveries are few (most are delivered within
// seconds), so a partial index keeps the sweep cheap however long the delivery log grows.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('webhook_deliveries_pending').on('webhook_deliveries').column('created_at').where(sql.ref('status'), '=', 'pending').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('webhook_deliveries_pending').execute();
}
