import { migrateLocalDatabase, openLocalDatabase } from "./local-db";

// `npm run db:migrate`: migrations as the owner role, then the app role's rights (docs/decisions/013).
const db = await openLocalDatabase();
await migrateLocalDatabase(db);
console.log(`migrations applied (${db.embedded ? "embedded PostgreSQL" : db.separateRoles ? "DATABASE_OWNER_URL" : "DATABASE_URL"})`);
await db.stop();
