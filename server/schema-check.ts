import { pendingMigrations } from "../db/migrate";
import { env } from "./env";

export async function checkSchemaOrExit(): Promise<void> {
  const url = env().DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set. Start the app with `npm start` (embedded PostgreSQL) or set DATABASE_URL.");
    process.exit(1);
  }
  const pending = await pendingMigrations(url);
  if (pending.length > 0) {
    console.error(`The database is behind by ${pending.length} migration(s): ${pending.join(", ")}.\nRun \`npm run db:migrate\` (with the same DATABASE_URL) and start again.`);
    process.exit(1);
  }
}
