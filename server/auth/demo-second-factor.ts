import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { staffUsers } from "../../db/schema";
import { DEMO_TOTP_SECRET, isDemoAccountEmail } from "./demo-accounts";
import { ROLES_REQUIRING_SECOND_FACTOR } from "./second-factor";
import { sealSecret } from "./secret-box";
import { totpCode } from "./totp";
import type { StaffRole } from "../domain/vocabulary";

/**
 * Demo mode only (the caller checks): a demo finance/admin account that owes enrollment gets the
 * published demo authenticator secret instead, so the demo stays usable with the code the page
 * shows. Done on first sign-in rather than in the seed, which runs before the app's key exists.
 */
export async function enrollDemoSecondFactor(db: DbOrTx, staff: { id: string; email: string; role: StaffRole }): Promise<boolean> {
  if (!ROLES_REQUIRING_SECOND_FACTOR.includes(staff.role) || !isDemoAccountEmail(staff.email)) return false;
  const [row] = await db
    .update(staffUsers)
    .set({ totpSecret: sealSecret(DEMO_TOTP_SECRET), totpPendingSecret: null })
    .where(and(eq(staffUsers.id, staff.id), isNull(staffUsers.totpSecret)))
    .returning({ id: staffUsers.id });
  return row !== undefined;
}

/**
 * The code a demo account's authenticator would show now, for the two-factor page in demo mode
 * (the caller checks demo mode). Null for anyone who is not a demo account.
 */
export async function demoSecondFactorCode(email: string, now = new Date()): Promise<string | null> {
  return isDemoAccountEmail(email) ? totpCode(DEMO_TOTP_SECRET, now) : null;
}
