import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export interface DbOptions {
  max?: number;
  /**
   * Send drizzle's queries as named prepared statements (default). Only the migrator turns it
   * off: its DDL runs once, so caching it per connection would buy nothing.
   */
  prepare?: boolean;
  /**
   * Limits for a request's database work (the app's pool sets them; scripts and the migrator
   * leave them off). The server cancels a statement after `statementTimeoutMs` and ends a session
   * left idle inside a transaction after `idleInTransactionTimeoutMs`; a connect gives up after
   * `connectTimeoutSeconds`. docs/decisions/020-database-failure.md.
   */
  timeouts?: { statementTimeoutMs: number; idleInTransactionTimeoutMs: number; connectTimeoutSeconds: number };
}

/**
 * The driver is postgres-js 3.4.9 with patches/postgres+3.4.9.patch applied on install
 * (patch-package): unpatched, a transaction whose connection dies can hang, crash the process, or
 * run its later statements on another connection (docs/decisions/020-database-failure.md).
 */
export function createDb(url: string, options: DbOptions = {}) {
  const t = options.timeouts;
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    ...(t ? { connect_timeout: t.connectTimeoutSeconds, backoff: reconnectDelaySeconds } : {}),
    connection: {
      application_name: "tuihuanhuo",
      ...(t ? { statement_timeout: t.statementTimeoutMs, idle_in_transaction_session_timeout: t.idleInTransactionTimeoutMs } : {}),
    },
  });
  return { db: drizzleOver(sql, options), sql };
}

/**
 * Seconds before a closed connection tries again. postgres-js's default grows with every failed
 * attempt across the pool (3^n / 100 s, up to 20 s) and resets only on a successful connect, so
 * after an outage of a few seconds the pool waited up to 20 s more before it even tried — every
 * request in that time was a 503 although the database was back. Capped at one second, with
 * jitter so the pool's connections do not all knock at once.
 */
function reconnectDelaySeconds(retries: number): number {
  return (0.5 + Math.random() / 2) * Math.min(0.05 * 2 ** retries, 1);
}

/** The app's drizzle instance over an existing postgres-js client (createDb, or the benchmark's own). */
export function drizzleOver(client: postgres.Sql, options: Pick<DbOptions, "prepare"> = {}) {
  return drizzle(options.prepare === false ? client : preparedByDefault(client), { schema, casing: "snake_case" });
}

/**
 * drizzle-orm/postgres-js passes `{ prepare: false }` to `client.unsafe()` for every query not
 * built with `.prepare(name)`, and postgres-js lets that per-query option win over the client's
 * own `prepare: true` (its default), so `postgres(url, { prepare: true })` changes nothing. An
 * unprepared query with parameters costs an extra round trip (Parse/Describe, wait for the
 * parameter types, then Bind/Execute) plus a fresh parse and plan every time.
 *
 * This wrapper drops that option, so postgres-js prepares each distinct statement once per
 * connection and reuses it (its cache is keyed by the SQL text and parameter types). Transactions
 * and savepoints hand drizzle a new client, which gets the same treatment. Needs a direct
 * connection or PgBouncer >= 1.21 with max_prepared_statements > 0 in transaction mode
 * (docs/decisions/006-hot-path-sql.md).
 */
function preparedByDefault<T extends postgres.Sql | postgres.TransactionSql>(client: T): T {
  return new Proxy(client, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== "function") return value;
      if (prop === "unsafe") {
        return (query: string, params?: unknown[], queryOptions?: postgres.UnsafeQueryOptions) =>
          (value as postgres.Sql["unsafe"])(query, params as postgres.ParameterOrJSON<never>[], { ...queryOptions, prepare: true });
      }
      if (prop === "begin" || prop === "savepoint") {
        // begin([options,] fn) / savepoint([name,] fn): wrap the transaction client given to fn.
        return (...args: unknown[]) => {
          const fn = args.pop() as (tx: postgres.TransactionSql) => unknown;
          return (value as (...a: unknown[]) => unknown)(...args, (tx: postgres.TransactionSql) => fn(preparedByDefault(tx)));
        };
      }
      return value;
    },
  });
}

export type Db = ReturnType<typeof createDb>["db"];
/** A transaction handle; data-access functions accept either. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;
/** postgres-js's own client for a drizzle transaction: hand-written statements (server/services/data). */
export type TxSql = postgres.TransactionSql;

/**
 * The postgres-js transaction under a drizzle transaction, so hand-written statements run in the
 * same transaction (same connection, same locks) as the drizzle ones around them.
 */
export function sqlOf(tx: Tx): TxSql {
  // PostgresJsSession.client; drizzle types it as a full Sql, here it is the transaction's.
  return (tx._.session as unknown as { client: TxSql }).client;
}
