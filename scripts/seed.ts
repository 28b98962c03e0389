import { createDb } from "../db/client";
import { DEMO_STAFF } from "../server/auth/demo-accounts";
import { migrateLocalDatabase, openLocalDatabase } from "./local-db";
import { DEMO_CUSTOMER, DEMO_ORDER_NO } from "./seed/demo-customer";
import { seedIfEmpty } from "./seed/seed-if-empty";

// `npm run db:seed`: loads the DEMO data set — sample orders and requests, and six staff accounts
// whose password is published in the README — into the local (or DATABASE_URL) database. It
// refuses any database that already has staff or orders: demo accounts never join a real shop.
// A real shop's first account comes from `npm run admin:create` (docs/decisions/012).
const database = await openLocalDatabase();
let code = 0;
try {
  await migrateLocalDatabase(database);
  const { db, sql } = createDb(database.url, { max: 4 });
  try {
    console.log("db:seed loads the demo data set, including demo staff accounts with the published password, into an empty database only.");
    const seeded = await seedIfEmpty(db, (line) => console.log(line));
    if (seeded) {
      console.log(`\nstaff sign-in (password ${DEMO_STAFF[0]?.password}):`);
      for (const s of DEMO_STAFF) console.log(`  ${s.email.padEnd(30)} ${s.role}`);
      console.log(`consumer: phone ${DEMO_CUSTOMER.phone}, order ${DEMO_ORDER_NO}`);
      console.log("Demo mode (shown SMS codes, listed accounts) is on only under `npm run demo`.");
    } else {
      console.error("Refused: this database is not empty, and demo data (with its published passwords) never goes into a database that is in use.");
      code = 1;
    }
  } finally {
    await sql.end();
  }
} catch (e) {
  console.error(e);
  code = 1;
} finally {
  await database.stop();
}
process.exit(code);
