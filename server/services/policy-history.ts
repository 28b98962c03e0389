import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { approvalPolicies, staffUsers } from "../../db/schema";
import { DEFAULT_POLICY } from "../domain/policy";
import { diffPolicies } from "../domain/policy-diff";

/** Every policy version, newest first, with who saved it and what changed from the one before. */
export async function policyHistory(db: DbOrTx) {
  const rows = await db
    .select({
      id: approvalPolicies.id,
      version: approvalPolicies.version,
      policy: approvalPolicies.policy,
      note: approvalPolicies.note,
      createdAt: approvalPolicies.createdAt,
      createdByName: staffUsers.name,
    })
    .from(approvalPolicies)
    .leftJoin(staffUsers, eq(staffUsers.id, approvalPolicies.createdBy))
    .orderBy(asc(approvalPolicies.version));
  // Versions stored before a section existed read as if they had the default one (as policy-store does).
  const withDefaults = rows.map((r) => ({ ...r, policy: { ...DEFAULT_POLICY, ...r.policy } }));
  return withDefaults
    .map((r, i) => ({
      id: r.id,
      version: r.version,
      note: r.note,
      createdAt: r.createdAt,
      createdByName: r.createdByName,
      changes: i === 0 ? [] : diffPolicies(withDefaults[i - 1]!.policy, r.policy),
    }))
    .reverse();
}
