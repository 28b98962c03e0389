import { pathToFileURL } from "node:url";
import { createDb } from "../db/client";
import { workerEnv } from "../server/env";
import { purgeEndedSessions } from "../server/services/customer-sessions";
import { anonymiseExpired } from "../server/services/personal-data/anonymise";
import { runDeadlines } from "../server/services/run-deadlines";
import { storageFromConfig } from "../server/storage";

/** Personal-data housekeeping (retention, ended sessions) needs no minute precision: hourly. */
const HOUSEKEEPING_EVERY_MS = 3_600_000;

/**
 * The background worker: every minute, applies timeouts that have passed; every hour,
 * anonymises personal data past its retention and purges ended customer sessions
 * (docs/decisions/018-personal-data.md). Any number may run (one per app server, or a separate
 * process): each timeout is applied once (version check), and the housekeeping is idempotent.
 */
export function startDeadlineWorker(databaseUrl: string, intervalMs = 60_000, source: Record<string, string | undefined> = process.env): () => Promise<void> {
  const config = workerEnv(source);
  const storage = storageFromConfig(config);
  const { db, sql } = createDb(databaseUrl, { max: 2 });
  let running = false;
  let lastHousekeeping = 0;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const run = await runDeadlines(db);
      if (run.escalated || run.expired) console.log(`[deadlines] escalated ${run.escalated}, closed ${run.expired}`);
      if (Date.now() - lastHousekeeping >= HOUSEKEEPING_EVERY_MS) {
        lastHousekeeping = Date.now();
        const now = new Date();
        const retention = await anonymiseExpired(db, now, { storage, retentionDays: config.PERSONAL_DATA_RETENTION_DAYS });
        if (retention.requests || retention.customers || retention.draftPhotos) {
          console.log(`[retention] anonymised ${retention.requests} requests, ${retention.customers} customers; deleted ${retention.draftPhotos} stale draft photos`);
        }
        const purged = await purgeEndedSessions(db, config.CUSTOMER_SESSION_IDLE_DAYS, now);
        if (purged) console.log(`[sessions] purged ${purged} ended customer sessions`);
      }
    } catch (e) {
      console.error("[worker]", e);
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
