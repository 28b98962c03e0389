import path from "node:path";
import { startEmbeddedPostgres } from "../db/embedded";

/**
 * The database the scripts use: DATABASE_URL when set, else the embedded server whose data
 * lives in DATA_DIR/pg (git-ignored) so the demo survives restarts.
 */
export async function openLocalDatabase(): Promise<{ url: string; embedded: boolean; stop: () => Promise<void> }> {
  // Scripts run outside Next, before the validated env exists for the app: this is the one
  // other place that reads process.env, and only for the database location.
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  const dataDir = path.join(process.env.DATA_DIR ?? ".data", "pg");
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  const server = await startEmbeddedPostgres({ dataDir, port, persistent: true, databases: ["tuihuanhuo"] });
  return { url: server.url("tuihuanhuo"), embedded: true, stop: server.stop };
}
