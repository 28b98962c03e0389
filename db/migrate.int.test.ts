import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createTestDatabase } from "../server/test/db";
import { MIGRATIONS_FOLDER, pendingMigrations, runMigrations } from "./migrate";

const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as { entries: { tag: string }[] };

describe("schema version check (the app refuses to start when migrations are behind)", () => {
  it("a migrated database has nothing pending", async () => {
    const { url } = await createTestDatabase();
    expect(await pendingMigrations(url)).toEqual([]);
  });

  it("an empty database lists every migration, and migrating clears the list", async () => {
    const admin = postgres(inject("pgAdminUrl"), { max: 1, onnotice: () => {} });
    const name = `t_empty_${randomBytes(4).toString("hex")}`;
    await admin.unsafe(`CREATE DATABASE "${name}"`);
    afterAll(async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    });
    const url = new URL(inject("pgAdminUrl"));
    url.pathname = `/${name}`;
    expect(await pendingMigrations(url.toString())).toEqual(journal.entries.map((e) => e.tag));
    await runMigrations(url.toString());
    expect(await pendingMigrations(url.toString())).toEqual([]);
  });
});
