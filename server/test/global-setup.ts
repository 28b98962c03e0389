import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../db/embedded";
import { runMigrations } from "../../db/migrate";
import { ensureLoginRole, grantAppRights } from "../../db/roles";

declare module "vitest" {
  export interface ProvidedContext {
    /** URL of a maintenance database on the test server (to CREATE DATABASE from). */
    pgAdminUrl: string;
    pgTemplate: string;
    /** The role the app connects as in production (rows only): tests of its limits connect as it. */
    pgAppRole: string;
    pgAppPassword: string;
  }
}

const TEMPLATE = `tuihuanhuo_template_${process.pid}`;
// Per run: test runs sharing an external server do not reset each other's password.
const APP_ROLE = `tuihuanhuo_test_app_${process.pid}`;

/**
 * Starts one throw-away PostgreSQL for the whole integration run (or uses DATABASE_URL's server),
 * migrates a template database once, and lets every test file clone it (server/test/db.ts).
 */
export default async function setup(project: TestProject) {
  let adminUrl: string;
  let stop = async () => {};
  let tmp: string | undefined;
  if (process.env.DATABASE_URL) {
    const u = new URL(process.env.DATABASE_URL);
    u.pathname = "/postgres";
    adminUrl = u.toString();
  } else {
    // mkdtemp makes a 0700 folder: as root, db/pg-placement.ts keeps the data where the
    // `postgres` OS user can reach it (and removes it on stop, the server not being persistent).
    tmp = mkdtempSync(path.join(os.tmpdir(), "tuihuanhuo-test-"));
    const server = await startEmbeddedPostgres({ dataDir: path.join(tmp, "pg"), persistent: false, databases: [] });
    adminUrl = server.url("postgres");
    stop = server.stop;
  }
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS "${TEMPLATE}"`);
  await admin.unsafe(`CREATE DATABASE "${TEMPLATE}"`);
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${TEMPLATE}`;
  await runMigrations(templateUrl.toString());
  // The app role's rights are granted in the template, so every clone has them.
  const appPassword = randomBytes(18).toString("base64url");
  await ensureLoginRole(admin, APP_ROLE, appPassword);
  await grantAppRights(templateUrl.toString(), APP_ROLE);
  project.provide("pgAdminUrl", adminUrl);
  project.provide("pgTemplate", TEMPLATE);
  project.provide("pgAppRole", APP_ROLE);
  project.provide("pgAppPassword", appPassword);

  return async () => {
    // Clones made by test files are dropped here too, so an external server is left clean.
    const clones = await admin<{ datname: string }[]>`SELECT datname FROM pg_database WHERE datname LIKE ${`t_${process.pid}_%`}`;
    for (const { datname } of clones) await admin.unsafe(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await admin.unsafe(`DROP DATABASE IF EXISTS "${TEMPLATE}" WITH (FORCE)`);
    // Its grants lived only in the databases just dropped.
    await admin.unsafe(`DROP ROLE IF EXISTS "${APP_ROLE}"`);
    await admin.end();
    await stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  };
}
