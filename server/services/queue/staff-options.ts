import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../../db/client";
import { staffUsers } from "../../../db/schema";

/** Active staff the store manager may assign requests to; the UI offers those whose role fits the request. */
export async function staffOptions(db: DbOrTx) {
  return db
    .select({ id: staffUsers.id, name: staffUsers.name, role: staffUsers.role })
    .from(staffUsers)
    .where(eq(staffUsers.active, true))
    .orderBy(asc(staffUsers.role), asc(staffUsers.name));
}
