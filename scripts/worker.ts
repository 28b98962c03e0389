import { pathToFileURL } from "node:url";
import { createDb } from "../db/client";
import { runDeadlines } from "../server/services/run-deadlines";

/**
 * The deadline worker: every minute, applies timeouts that have passed. Any number may run
 * (one per app server, or a separate process): each timeout is applied once (version check).
 */
export function startDeadlineWorker(databaseUrl: string, intervalMs = 60_000): () => Promise<void> {
  const { db, sql } = createDb(databaseUrl, { max: 2 });
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const run = await runDeadlines(db);
      if (run.escalated || run.expired) console.log(`[deadlines] escalated ${run.escalated}, closed ${run.expired}`);
    } catch (e) {
      console.error("[deadlines]", e);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, intervalMs);
  void tick();
  return async () => {
    clearInterval(timer);
    await sql.end();
  };
}

// `npm run worker` with DATABASE_URL set: the worker on its own.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("Set DATABASE_URL to run the worker on its own (npm start runs one inside).");
    process.exit(1);
  }
  const stop = startDeadlineWorker(url);
  process.on("SIGTERM", () => void stop().then(() => process.exit(0)));
  process.on("SIGINT", () => void stop().then(() => process.exit(0)));
}
