import "server-only";
import { createDb, type Db } from "../db/client";
import { env } from "./env";

const globalForDb = globalThis as unknown as { appDb?: Db };

/** The app's connection pool, created on first use (one per server process, kept across dev reloads). */
export function appDb(): Db {
  if (!globalForDb.appDb) {
    const url = env().DATABASE_URL;
    if (!url) {
      throw new Error("DATABASE_URL is not set. Start the app with `npm start` (or `npm run dev`), which starts the embedded PostgreSQL, or set DATABASE_URL.");
    }
    const e = env();
    globalForDb.appDb = createDb(url, {
      max: 20,
      timeouts: {
        statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS,
        idleInTransactionTimeoutMs: e.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
        connectTimeoutSeconds: e.DB_CONNECT_TIMEOUT_SECONDS,
      },
    }).db;
  }
  return globalForDb.appDb;
}
