import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createDb } from "../db/client";
import { runMigrations } from "../db/migrate";
import { openLocalDatabase } from "./local-db";
import { seedIfEmpty } from "./seed/seed-if-empty";

/**
 * Everything the app needs before Next starts: a database (embedded unless DATABASE_URL),
 * migrations applied, demo data when the database is empty, and an AUTH_SECRET.
 * Returns the environment for the Next process and a stop function.
 */
export async function prepare(opts: { seed: boolean }): Promise<{ env: NodeJS.ProcessEnv; stop: () => Promise<void> }> {
  const dataDir = process.env.DATA_DIR ?? ".data";
  mkdirSync(dataDir, { recursive: true });
  const database = await openLocalDatabase();
  await runMigrations(database.url);
  if (opts.seed) {
    const { db, sql } = createDb(database.url, { max: 4 });
    try {
      await seedIfEmpty(db, (line) => console.log(line));
    } finally {
      await sql.end();
    }
  }
  return {
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      AUTH_SECRET: process.env.AUTH_SECRET ?? localSecret(dataDir),
      // Demo helpers (the SMS code shown on the page) only ever run on the embedded database.
      DEMO_MODE: process.env.DEMO_MODE ?? (database.embedded ? "1" : "0"),
    },
    stop: database.stop,
  };
}

/** A secret generated once per data folder, so sessions survive restarts of the demo. */
function localSecret(dataDir: string): string {
  const file = path.join(dataDir, "auth-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}
