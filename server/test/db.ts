import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, inject } from "vitest";
import { createDb, type Db } from "../../db/client";

/**
 * A fresh, migrated database for one test file, cloned from the template made in global-setup.
 * Dropped after the file; tests inside a file create their own rows (see fixtures.ts).
 */
export async function createTestDatabase(): Promise<{ db: Db; url: string; sql: ReturnType<typeof postgres>; appUrl: string }> {
  const adminUrl = inject("pgAdminUrl");
  const template = inject("pgTemplate");
  const name = `t_${template.split("_").pop()}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const { db, sql } = createDb(u.toString(), { max: 30 });
  afterAll(async () => {
    await sql.end();
    await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });
  // The same database as the production server's role sees it (no ownership, rows only).
  const app = new URL(u);
  app.username = inject("pgAppRole");
  app.password = inject("pgAppPassword");
  return { db, url: u.toString(), sql, appUrl: app.toString() };
}
