import { Kysely, PostgresDialect, sql, type PostgresCursor, type PostgresPool, type PostgresPoolClient, type PostgresQueryResult, type Transaction } from 'kysely';
import pg from 'pg';
import { AppError } from '@chorus/platform';
import type { Database } from './schema.js';

export interface DbOptions {
  readonly url: string;
  /** PostgreSQL schema holding Chorus's tables; tests use one of their own. */
  readonly schema?: string;
  readonly maxConnections?: number;
  /**
   * Told when a connection breaks (PostgreSQL restarted, the network dropped). The pool replaces
   * the connection by itself; queries that were running on it fail with DatabaseUnavailableError.
   */
  readonly onConnectionError?: (err: Error) => void;
}

export type Db = Kysely<Database>;
/** A transaction on the database (repositories that run inside a caller's transaction take one). */
export type DbTransaction = Transaction<Database>;

/**
 * PostgreSQL cannot be reached or dropped the connection: the API answers 503, a job retries (a
 * plain error, not UnrecoverableError), and the pool reconnects once PostgreSQL is back.
 */
export class DatabaseUnavailableError extends AppError {
  constructor(cause: unknown) {
    const code = (cause as { code?: unknown } | undefined)?.code;
    super('unavailable', 503, 'PostgreSQL is unavailable; retry later', undefined, { cause: typeof code === 'string' ? code : 'connection lost' });
    this.cause = cause;
  }
}

// Socket-level failures (Node's errno codes) and SQLSTATEs that mean "not now", never "not this".
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN']);
// 08xxx connection exception, 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now, 53300 too many connections.
const UNAVAILABLE_SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;

/** Whether an error from pg means PostgreSQL is unreachable or went away (by class and code, never by message). */
export function isConnectionError(err: unknown): boolean {
  if (err instanceof DatabaseUnavailableError) return true;
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  return err instanceof pg.DatabaseError ? UNAVAILABLE_SQLSTATE.test(code) : SOCKET_CODES.has(code);
}

/**
 * Wraps pg's pool for kysely so that a broken connection can neither crash the process (every
 * client and the pool get an 'error' listener) nor surface as a 500: connection failures become
 * DatabaseUnavailableError.
 */
function guardPool(pool: pg.Pool, onConnectionError: (err: Error) => void): PostgresPool {
  // A client that emitted 'error' is dead: pg emits it before it fails the client's queries, so
  // whatever its queries reject with afterwards (including plain errors) is a connection failure.
  const broken = new WeakSet<pg.PoolClient>();
  const guarded = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  pool.on('connect', (client) => {
    client.on('error', (err) => {
      broken.add(client);
      onConnectionError(err);
    });
  });
  // An idle client lost its connection; the pool has already dropped it.
  pool.on('error', (err) => onConnectionError(err));
  const guard = (client: pg.PoolClient): PostgresPoolClient => {
    function query<R>(sqlText: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
    function query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
    function query<R>(first: string | PostgresCursor<R>, parameters?: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
      // Cursors (streaming) pass through unguarded: Chorus does not stream.
      if (typeof first !== 'string') return client.query(first as unknown as pg.Submittable) as unknown as PostgresCursor<R>;
      return client.query(first, parameters as unknown[]).then(
        (result) => result as unknown as PostgresQueryResult<R>,
        (err: unknown) => {
          throw broken.has(client) || isConnectionError(err) ? new DatabaseUnavailableError(err) : err;
        },
      );
    }
    // pg-pool replaces `release` on every checkout, so it is looked up at call time.
    return { query, release: (destroy?: boolean) => client.release(destroy) };
  };
  return {
    async connect() {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (err) {
        // Server errors other than "not now" (bad password, no such database) are configuration
        // faults, left as they are; anything else on the way to a connection means unreachable.
        throw err instanceof pg.DatabaseError && !isConnectionError(err) ? err : new DatabaseUnavailableError(err);
      }
      let wrapped = guarded.get(client);
      if (!wrapped) {
        wrapped = guard(client);
        guarded.set(client, wrapped);
      }
      return wrapped;
    },
    end: () => pool.end(),
  };
}

/** A kysely instance whose connections all use the given schema. */
export function createDb(options: DbOptions): Db {
  const schema = options.schema ?? 'public';
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    // search_path per connection keeps SQL unqualified, so a test's schema is a full, isolated copy.
    // No JIT: the planner prices the component walk (a recursive statement) at hundreds of thousands
    // once the edges table is large, and compiling it took 85 ms of a statement that runs in 1.5 ms.
    options: schema === 'public' ? '-c jit=off' : `-c jit=off -c search_path=${schema}`,
  });
  const guarded = guardPool(pool, options.onConnectionError ?? (() => undefined));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: guarded }) });
}

/** Creates the database named in the URL if it does not exist yet (connecting through the `postgres` database). */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!name) return;
  const admin = new URL(url);
  admin.pathname = '/postgres';
  // A bounded connect: a start-up against an address that drops packets says so instead of hanging.
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 10_000 });
  let broken = false;
  // The failed query rejects with the same error; this listener only keeps it from crashing the process.
  client.on('error', () => {
    broken = true;
  });
  try {
    await client.connect();
  } catch (err) {
    throw err instanceof pg.DatabaseError && !isConnectionError(err) ? err : new DatabaseUnavailableError(err);
  }
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) {
      try {
        await client.query(`create database "${name.replace(/"/g, '""')}"`);
      } catch (err) {
        // Another process created it between our check and our create.
        if ((err as { code?: string }).code !== '42P04') throw err;
      }
    }
  } catch (err) {
    throw broken || isConnectionError(err) ? new DatabaseUnavailableError(err) : err;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Creates a schema if missing (a no-op for `public`). */
export async function ensureSchema(db: Db, schema: string): Promise<void> {
  if (schema === 'public') return;
  await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
}

/** Drops a schema and everything in it (tests clean up with this). */
export async function dropSchema(db: Db, schema: string): Promise<void> {
  await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(db);
}
