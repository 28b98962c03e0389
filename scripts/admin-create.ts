import { parseArgs } from "node:util";
import { z } from "zod";
import { createDb } from "../db/client";
import { isAppError } from "../server/domain/errors";
import { staffEmail, staffName } from "../server/schemas/admin";
import { createFirstAdmin } from "../server/services/first-admin";
import { migrateLocalDatabase, openLocalDatabase } from "./local-db";

/**
 * `npm run admin:create -- --email you@example.com --name "Your Name"`: a real shop's first
 * store manager (admin), on the embedded database or DATABASE_URL. Prints a one-time password
 * once; it must be changed at the first sign-in. Nothing else is written.
 */
const USAGE = 'usage: npm run admin:create -- --email you@example.com --name "Your Name"';
const input = z.object({ email: staffEmail, name: staffName });

const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } }, strict: true });
const parsed = input.safeParse(values);
if (!parsed.success) {
  console.error(`${parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message === "v.email" ? "an email address is needed" : i.message === "v.required" ? "a name is needed" : i.message}`).join("\n")}\n${USAGE}`);
  process.exit(2);
}

const database = await openLocalDatabase();
let code = 0;
try {
  await migrateLocalDatabase(database);
  const { db, sql } = createDb(database.url, { max: 1 });
  try {
    const made = await createFirstAdmin(db, parsed.data);
    console.log(`Store manager ${parsed.data.name} <${parsed.data.email}> created.`);
    console.log(`One-time password (shown once, changed at the first sign-in at /login): ${made.oneTimePassword}`);
  } finally {
    await sql.end();
  }
} catch (e) {
  if (isAppError(e) && e.code === "email_taken") console.error(`Refused: ${parsed.data.email} already has an account.`);
  else if (isAppError(e) && e.code === "forbidden") console.error("Refused: an active store manager exists; they create further accounts on the staff page (/dashboard/admin/staff).");
  else console.error(e);
  code = 1;
} finally {
  await database.stop();
}
process.exit(code);
