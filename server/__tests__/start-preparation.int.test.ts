import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, describe, expect, inject, it } from "vitest";
import { canDisableHistoryTriggers } from "../../db/roles";
import { prepareShop } from "../../scripts/prepare";

/**
 * `npm start`'s preparation (scripts/prepare.ts prepareShop) against an external, empty
 * database named by DATABASE_URL (the app role) and DATABASE_OWNER_URL (the owner): migrated,
 * the app role granted its rights, and not one demo account or demo row written; no demo mode.
 */
const adminUrl = inject("pgAdminUrl");
const name = `t_${inject("pgTemplate").split("_").pop()}_start_${randomBytes(3).toString("hex")}`;
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`CREATE DATABASE "${name}"`);
const ownerUrl = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();
const appUrl = Object.assign(new URL(ownerUrl), { username: inject("pgAppRole"), password: inject("pgAppPassword") }).toString();
const dataDir = mkdtempSync(path.join(os.tmpdir(), "tuihuanhuo-start-"));
afterAll(async () => {
  await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("npm start's preparation on an empty external database", () => {
  it("migrates and grants, but writes no demo accounts or demo data, and leaves demo mode off", async () => {
    Object.assign(process.env, { DATABASE_URL: appUrl, DATABASE_OWNER_URL: ownerUrl, DATA_DIR: dataDir });
    delete process.env.DEMO_MODE;
    const { env, stop } = await prepareShop();
    await stop();

    expect(env.DEMO_MODE).toBe("0");
    expect(env.DATABASE_URL).toBe(appUrl);
    // The app's environment never carries the owner's credentials.
    expect(env.DATABASE_OWNER_URL).toBeUndefined();
    const db = postgres(ownerUrl, { max: 1, onnotice: () => {} });
    try {
      const [counts] = await db<{ staff: number; orders: number; customers: number; requests: number }[]>`
        SELECT (SELECT count(*)::int FROM staff_users) AS staff, (SELECT count(*)::int FROM orders) AS orders,
               (SELECT count(*)::int FROM customers) AS customers, (SELECT count(*)::int FROM return_requests) AS requests`;
      expect(counts).toEqual({ staff: 0, orders: 0, customers: 0, requests: 0 });
      const [demo] = await db<{ n: number }[]>`SELECT count(*)::int AS n FROM staff_users WHERE email LIKE '%@demo.tuihuanhuo.cn'`;
      expect(demo?.n).toBe(0);
    } finally {
      await db.end();
    }
    // The role the app got cannot switch the history's protection off.
    expect(await canDisableHistoryTriggers(appUrl)).toBe(false);
  });
});
