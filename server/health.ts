import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import journal from "../db/migrations/meta/_journal.json";
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
 * One statement on the app's own pool, so it also says whether the pool can reach the server.
 */
export async function readiness(db: Db, timeoutMs: number): Promise<Readiness> {
  try {
    const rows = await within(
      timeoutMs,
      db.execute<{ applied: string[] | null }>(sql`SELECT CASE WHEN has_table_privilege(to_regclass('drizzle.__drizzle_migrations'), 'SELECT')
        THEN (SELECT coalesce(array_agg(created_at::text), ARRAY[]::text[]) FROM drizzle.__drizzle_migrations) END AS applied`),
    );
    const applied = rows[0]?.applied;
    if (applied === null || applied === undefined) {
      // No table (nothing migrated) or no right to read it: has_table_privilege(NULL, …) is NULL too.
      const table = await within(timeoutMs, db.execute<{ found: boolean }>(sql`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS found`));
      if (table[0]?.found) return { ready: true, database: "ok", migrations: "unknown", pending: 0 };
      return { ready: false, database: "ok", migrations: "behind", pending: EXPECTED.length };
    }
    const have = new Set(applied.map(Number));
    const pending = EXPECTED.filter((when) => !have.has(when)).length;
    return { ready: pending === 0, database: "ok", migrations: pending === 0 ? "ok" : "behind", pending };
  } catch {
    return { ready: false, database: "unreachable", migrations: "unknown", pending: 0 };
  }
}
