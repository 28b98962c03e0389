import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { staffAudit, staffUsers } from "../../db/schema";
import { verifyPassword } from "../auth/password";
import { createTestDatabase } from "../test/db";

/**
 * `npm run admin:create` and `npm run db:seed` as a shop runs them against its own database
 * (DATABASE_URL = app role, DATABASE_OWNER_URL = owner): the first store manager gets a one-time
 * password shown once; demo data never goes into a database in use.
 */
const { db, url: ownerUrl, appUrl } = await createTestDatabase();
const ROOT = path.resolve(import.meta.dirname, "../..");
const TSX = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
const dataDir = mkdtempSync(path.join(os.tmpdir(), "tuihuanhuo-admin-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function script(file: string, args: string[] = []): Promise<{ code: number; out: string }> {
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production" as const, DATABASE_URL: appUrl, DATABASE_OWNER_URL: ownerUrl, DATA_DIR: dataDir };
  return new Promise((resolve) => {
    execFile(process.execPath, [TSX, file, ...args], { cwd: ROOT, env }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, out: `${stdout}${stderr}` });
    });
  });
}

describe("npm run admin:create", () => {
  it("creates the first store manager with a one-time password that must be changed, then refuses a second", async () => {
    const made = await script("scripts/admin-create.ts", ["--email", "Owner@Shop.example", "--name", "店长 王"]);
    expect(made.code).toBe(0);
    const password = /One-time password[^:]*: (\S+)/.exec(made.out)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9]{5}-[A-Za-z0-9]{5}-[A-Za-z0-9]{5}$/);

    const [admin] = await db.select().from(staffUsers).where(eq(staffUsers.email, "owner@shop.example"));
    expect(admin).toMatchObject({ role: "admin", name: "店长 王", mustChangePassword: true, active: true });
    expect(await verifyPassword(admin!.passwordHash, password!)).toBe(true);
    expect(await db.select({ action: staffAudit.action }).from(staffAudit).where(eq(staffAudit.targetId, admin!.id))).toEqual([{ action: "create" }]);

    const again = await script("scripts/admin-create.ts", ["--email", "second@shop.example", "--name", "Second"]);
    expect(again.code).toBe(1);
    expect(again.out).toContain("an active store manager exists");
    expect(await db.select().from(staffUsers)).toHaveLength(1);
  });

  it("says what is wrong with its arguments", async () => {
    const r = await script("scripts/admin-create.ts", ["--email", "not-an-email", "--name", "X"]);
    expect(r.code).toBe(2);
    expect(r.out).toContain("--email");
    expect(r.out).toContain("usage: npm run admin:create");
  });
});

describe("npm run db:seed", () => {
  it("refuses a database that is in use: no demo accounts join a real shop", async () => {
    const r = await script("scripts/seed.ts");
    expect(r.code).toBe(1);
    expect(r.out).toContain("Refused: this database is not empty");
    const [demo] = await db.select().from(staffUsers).where(eq(staffUsers.email, "admin@demo.tuihuanhuo.cn"));
    expect(demo).toBeUndefined();
  });
});
