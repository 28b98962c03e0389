import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createDb } from "../db/client";
import { freePort } from "../db/embedded";
import { readiness } from "./health";
import { createTestDatabase } from "./test/db";

describe("readiness (GET /api/health/ready)", () => {
  it("is ready when the database answers and has every migration", async () => {
    const { db } = await createTestDatabase();
    expect(await readiness(db, 2_000)).toEqual({ ready: true, database: "ok", migrations: "ok", pending: 0 });
  });

  it("is not ready when the database is unreachable", async () => {
    const { db, sql } = createDb(`postgres://postgres:postgres@127.0.0.1:${await freePort()}/none`, {
      max: 1,
      timeouts: { statementTimeoutMs: 1_000, idleInTransactionTimeoutMs: 1_000, connectTimeoutSeconds: 1 },
    });
    try {
      expect(await readiness(db, 2_000)).toEqual({ ready: false, database: "unreachable", migrations: "unknown", pending: 0 });
    } finally {
      await sql.end({ timeout: 0 });
    }
  });

  it("is not ready when migrations are behind", async () => {
    const { db, sql } = await createTestDatabase();
    const [newest] = await sql<{ id: number }[]>`SELECT id FROM drizzle.__drizzle_migrations ORDER BY created_at DESC LIMIT 1`;
    await sql`DELETE FROM drizzle.__drizzle_migrations WHERE id = ${newest!.id}`;
    expect(await readiness(db, 2_000)).toEqual({ ready: false, database: "ok", migrations: "behind", pending: 1 });
  });

  it("is not ready on a database nothing was migrated into", async () => {
    const admin = postgres(inject("pgAdminUrl"), { max: 1, onnotice: () => {} });
    const name = `t_health_${randomBytes(4).toString("hex")}`;
    await admin.unsafe(`CREATE DATABASE "${name}"`);
    const url = new URL(inject("pgAdminUrl"));
    url.pathname = `/${name}`;
    const { db, sql } = createDb(url.toString(), { max: 1 });
    afterAll(async () => {
      await sql.end({ timeout: 0 });
      await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    });
    expect((await readiness(db, 2_000)).migrations).toBe("behind");
  });
});
