import { desc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { approvalPolicies } from "../../db/schema";
import { AppError } from "../domain/errors";
import { DEFAULT_POLICY, upgradeStoredPolicy, type ApprovalPolicy } from "../domain/policy";

export interface StoredPolicy {
  id: string;
  version: number;
  policy: ApprovalPolicy;
  note: string | null;
  createdAt: Date;
}

/** The policy in force: the highest version. A fresh database gets the default as version 1. */
export async function currentPolicy(db: DbOrTx): Promise<StoredPolicy> {
  const [row] = await db.select().from(approvalPolicies).orderBy(desc(approvalPolicies.version)).limit(1);
  if (row) return remember(row);
  await db.insert(approvalPolicies).values({ version: 1, policy: DEFAULT_POLICY, note: "default" }).onConflictDoNothing();
  return currentPolicy(db);
}

// Policy rows are never changed (a replace adds a version), so a process may keep them.
const byId = new Map<string, StoredPolicy>();

export async function policyById(db: DbOrTx, id: string): Promise<StoredPolicy> {
  const cached = byId.get(id);
  if (cached) return cached;
  const [row] = await db.select().from(approvalPolicies).where(eq(approvalPolicies.id, id));
  if (!row) throw new AppError("not_found");
  return remember(row);
}

function remember(row: StoredPolicy): StoredPolicy {
  const stored = withDefaults(row);
  byId.set(stored.id, stored);
  return stored;
}

/** Versions stored before a section existed read as if they had the default section (and old timeouts as the new ones). */
function withDefaults(row: StoredPolicy): StoredPolicy {
  return { ...row, policy: upgradeStoredPolicy(row.policy) };
}

/**
 * Replaces the policy by adding a new version. Requests already submitted keep the route and
 * the policy version they were given; only new submissions use this one.
 * A concurrent replace gets a version_conflict from the unique version rather than a silent overwrite.
 */
export async function replacePolicy(
  db: DbOrTx,
  input: { policy: ApprovalPolicy; note?: string; expectedVersion: number; actorId: string },
): Promise<StoredPolicy> {
  const current = await currentPolicy(db);
  if (current.version !== input.expectedVersion) throw new AppError("version_conflict");
  const [row] = await db
    .insert(approvalPolicies)
    .values({ version: current.version + 1, policy: input.policy, note: input.note ?? null, createdBy: input.actorId })
    .onConflictDoNothing()
    .returning();
  if (!row) throw new AppError("version_conflict");
  return row;
}
