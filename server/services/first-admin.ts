import { and, count, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { staffAudit, staffUsers } from "../../db/schema";
import { hashPassword } from "../auth/password";
import { AppError } from "../domain/errors";
import { oneTimePassword } from "./staff-accounts";

/**
 * A new shop's first store manager (`npm run admin:create`), with a one-time password that must
 * be changed at the first sign-in (/change-password). Refused once an active store manager
 * exists: from then on accounts are made on the staff page, with an audit row naming who made them.
 */
export async function createFirstAdmin(db: Db, input: { email: string; name: string }): Promise<{ id: string; oneTimePassword: string }> {
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    // One at a time: two runs at once must not both see "no admin yet".
    await tx.execute("LOCK TABLE staff_users IN SHARE ROW EXCLUSIVE MODE");
    const [admins] = await tx
      .select({ n: count() })
      .from(staffUsers)
      .where(and(eq(staffUsers.role, "admin"), eq(staffUsers.active, true)));
    if ((admins?.n ?? 0) > 0) throw new AppError("forbidden", {}, "an active store manager exists: create further accounts on the staff page");
    const [taken] = await tx.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.email, input.email));
    if (taken) throw new AppError("email_taken");
    const [row] = await tx
      .insert(staffUsers)
      .values({ email: input.email, name: input.name, role: "admin", passwordHash, mustChangePassword: true })
      .returning({ id: staffUsers.id });
    if (!row) throw new Error("insert returned nothing");
    // Nobody signed in made it: the account is its own actor, and the details say how it came to be.
    await tx.insert(staffAudit).values({ actorId: row.id, targetId: row.id, action: "create", details: { role: "admin", email: input.email, via: "admin:create" } });
    return { id: row.id, oneTimePassword: password };
  });
}
