import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../db/embedded";
import { runMigrations } from "../../db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    /** URL of a maintenance database on the test server (to CREATE DATABASE from). */
    pgAdminUrl: string;
    pgTemplate: string;
  }
}

const TEMPLATE = `tuihuanhuo_template_${process.pid}`;

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
    tmp = mkdtempSync(path.join(os.tmpdir(), "tuihuanhuo-test-"));
    // mkdtemp makes a 0700 folder; as root, PostgreSQL runs as the `postgres` user and must get in.
    chmodSync(tmp, 0o755);
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
  project.provide("pgAdminUrl", adminUrl);
  project.provide("pgTemplate", TEMPLATE);

  return async () => {
    // Clones made by test files are dropped here too, so an external server is left clean.
    const clones = await admin<{ datname: string }[]>`SELECT datname FROM pg_database WHERE datname LIKE ${`t_${process.pid}_%`}`;
    for (const { datname } of clones) await admin.unsafe(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await admin.unsafe(`DROP DATABASE IF EXISTS "${TEMPLATE}" WITH (FORCE)`);
    await admin.end();
    await stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  };
}
