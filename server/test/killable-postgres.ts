import { chmodSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, startEmbeddedPostgres, type EmbeddedServer } from "../../db/embedded";

/**
 * A throw-away PostgreSQL of the test's own (never the shared test server, never anyone else's),
 * with the production settings that matter here: fsync and synchronous_commit on, so an
 * acknowledged commit must survive a crash. `crash()` is `kill -9` of its postmaster; `restart()`
 * starts it again on the same data folder and port, as a supervisor would.
 */
export interface KillablePostgres {
  url: (database: string) => string;
  crash: () => void;
  restart: () => Promise<void>;
  dispose: () => Promise<void>;
}

export async function startKillablePostgres(databases: string[]): Promise<KillablePostgres> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "tuihuanhuo-outage-"));
  // As root, PostgreSQL runs as the `postgres` user and must get into the folder.
  chmodSync(tmp, 0o755);
  const dataDir = path.join(tmp, "pg");
  const port = await freePort();
  let server: EmbeddedServer | null = await startEmbeddedPostgres({ dataDir, port, persistent: true, databases });
  const url = server.url;

  /** The postmaster's pid, from the first line of its lock file (the one this helper started). */
  const postmasterPid = () => Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);

  return {
    url,
    crash() {
      process.kill(postmasterPid(), "SIGKILL");
      server = null;
    },
    async restart() {
      // Orphaned backends keep the old shared memory until they notice the postmaster is gone;
      // PostgreSQL refuses to start over it, so try again for a while.
      for (let attempt = 0; ; attempt++) {
        try {
          server = await startEmbeddedPostgres({ dataDir, port, persistent: true, databases: [] });
          return;
        } catch (error) {
          if (attempt >= 60) throw error;
          await new Promise((r) => setTimeout(r, 500));
        }
      }
    },
    async dispose() {
      try {
        if (server) await server.stop();
        else process.kill(postmasterPid(), "SIGKILL");
      } catch {
        // Already gone.
      }
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}
