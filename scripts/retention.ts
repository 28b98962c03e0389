import { createDb } from "../db/client";
import { workerEnv } from "../server/env";
import { purgeEndedSessions } from "../server/services/customer-sessions";
import { anonymiseExpired } from "../server/services/personal-data/anonymise";
import { storageFromConfig } from "../server/storage";

/**
 * `npm run retention` with DATABASE_URL set: one run of the worker's personal-data housekeeping
 * now (anonymise past PERSONAL_DATA_RETENTION_DAYS, purge ended customer sessions), e.g. from cron
 * when no worker runs, or after lowering the retention period.
 */
const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL (and the same STORAGE_*/DATA_DIR as the app) to run the retention job.");
  process.exit(1);
}
const config = workerEnv(process.env);
const { db, sql } = createDb(url, { max: 2 });
try {
  const now = new Date();
  const run = await anonymiseExpired(db, now, { storage: storageFromConfig(config), retentionDays: config.PERSONAL_DATA_RETENTION_DAYS });
  const sessions = await purgeEndedSessions(db, config.CUSTOMER_SESSION_IDLE_DAYS, now);
  console.log(
    `Retention ${config.PERSONAL_DATA_RETENTION_DAYS} days: anonymised ${run.requests} requests and ${run.customers} customers, deleted ${run.draftPhotos} stale draft photos, purged ${sessions} ended sessions.`,
  );
} finally {
  await sql.end();
}
