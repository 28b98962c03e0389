import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import journal from "../db/migrations/meta/_journal.json";
import { isDatabaseUnavailable } from "./api/db-errors";
import { within } from "./api/deadline";

/** What GET /api/health/ready answers (docs/decisions/020-database-failure.md). */
export interface Readiness {
  ready: boolean;
  database: "ok" | "unreachable";
  /** `unknown`: the app's role may not read drizzle's bookkeeping; the start-up check has already compared them. */
  migrations: "ok" | "behind" | "unknown";
  pending: number;
}

/** The migrations this build expects, from the journal bundled with it. */
const EXPECTED = journal.entries.map((e) => e.when);

/**
 * Ready = the database answers within `timeoutMs` and has every migration this build expects.
 * Runs on the app's own pool, so it also says whether the pool can reach the server. Any other
 * error is a bug and is thrown (a 500), not reported as an outage.
 */
export async function readiness(db: Db, timeoutMs: number): Promise<Readiness> {
  try {
    const [table] = await within(
      timeoutMs,
      db.execute<{ found: boolean; readable: boolean | null }>(sql`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS found,
        CASE WHEN to_regclass('drizzle.__drizzle_migrations') IS NOT NULL
          THEN has_table_privilege(to_regclass('drizzle.__drizzle_migrations')::oid, 'SELECT') END AS readable`),
    );
    if (!table?.found) return { ready: false, database: "ok", migrations: "behind", pending: EXPECTED.length };
    if (!table.readable) return { ready: true, database: "ok", migrations: "unknown", pending: 0 };
    const applied = await within(timeoutMs, db.execute<{ created_at: string }>(sql`SELECT created_at FROM drizzle.__drizzle_migrations`));
    const have = new Set(applied.map((r) => Number(r.created_at)));
    const pending = EXPECTED.filter((when) => !have.has(when)).length;
    return { ready: pending === 0, database: "ok", migrations: pending === 0 ? "ok" : "behind", pending };
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    return { ready: false, database: "unreachable", migrations: "unknown", pending: 0 };
  }
}
