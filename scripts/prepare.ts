import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createDb } from "../db/client";
import { migrateLocalDatabase, openLocalDatabase } from "./local-db";
import { seedIfEmpty } from "./seed/seed-if-empty";

/**
 * Everything the app needs before Next starts: a database (embedded unless DATABASE_URL),
 * migrations applied as the owner role, the app role's rights, and an AUTH_SECRET.
 * Only `demo: true` (npm run demo, npm run dev, the e2e server) loads the demo data into an
 * empty database and turns demo mode on; `npm start` never does (docs/decisions/012).
 * Returns the environment for the Next process, the owner's URL (set-up scripts) and a stop function.
 */
export async function prepare(opts: { demo: boolean }): Promise<{ env: NodeJS.ProcessEnv; ownerUrl: string; stop: () => Promise<void> }> {
  const dataDir = process.env.DATA_DIR ?? ".data";
  mkdirSync(dataDir, { recursive: true });
  const database = await openLocalDatabase();
  await migrateLocalDatabase(database);
  if (opts.demo) {
    // Through the app's own role: the demo exercises the same rights the server has.
    const { db, sql } = createDb(database.url, { max: 4 });
    try {
      await seedIfEmpty(db, (line) => console.log(line));
    } finally {
      await sql.end();
    }
  }
  // Migrations are the scripts' business: the app never gets the owner's credentials.
  const { DATABASE_OWNER_URL: _owner, ...inherited } = process.env;
  return {
    env: {
      ...inherited,
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      AUTH_SECRET: process.env.AUTH_SECRET ?? localSecret(dataDir),
      // Never switched on by the kind of database: only the demo command sets it.
      DEMO_MODE: opts.demo ? "1" : (process.env.DEMO_MODE ?? "0"),
    },
    ownerUrl: database.ownerUrl,
    stop: database.stop,
  };
}

/** What `npm start` prepares: a real shop, never demo data or demo mode (tested on its own). */
export function prepareShop() {
  return prepare({ demo: false });
}

/** A secret generated once per data folder, so sessions survive restarts. */
function localSecret(dataDir: string): string {
  const file = path.join(dataDir, "auth-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}
