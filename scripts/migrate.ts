import { runMigrations } from "../db/migrate";
import { openLocalDatabase } from "./local-db";

const db = await openLocalDatabase();
await runMigrations(db.url);
console.log(`migrations applied (${db.embedded ? "embedded PostgreSQL" : "DATABASE_URL"})`);
await db.stop();
