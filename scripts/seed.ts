import { createDb } from "../db/client";
import { runMigrations } from "../db/migrate";
import { openLocalDatabase } from "./local-db";
import { DEMO_CUSTOMER, DEMO_ORDER_NO } from "./seed/demo-customer";
import { DEMO_STAFF } from "../server/auth/demo-accounts";
import { seedIfEmpty } from "./seed/seed-if-empty";

// `npm run db:seed`: demo data into the local (or DATABASE_URL) database when it is empty.
const database = await openLocalDatabase();
let code = 0;
try {
  await runMigrations(database.url);
  const { db, sql } = createDb(database.url, { max: 4 });
  try {
    const seeded = await seedIfEmpty(db, (line) => console.log(line));
    if (seeded) {
      console.log("\nstaff sign-in (password demo1234):");
      for (const s of DEMO_STAFF) console.log(`  ${s.email.padEnd(30)} ${s.role}`);
      console.log(`consumer: phone ${DEMO_CUSTOMER.phone}, order ${DEMO_ORDER_NO}`);
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
