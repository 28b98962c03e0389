/**
 * Who may call the store manager's procedures: every admin.* procedure × every staff role,
 * anonymous and a signed-in customer. Calls that get through use inputs that change nothing
 * (an unknown id, a stale version) or nothing that matters to another test in this file.
 */
import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { staffUsers } from "../../../db/schema";
import { DEFAULT_POLICY } from "../../domain/policy";
import { STAFF_ROLES, type StaffRole } from "../../domain/vocabulary";
import { createTestDatabase } from "../../test/db";
import { appCodeOf, customerCaller, failureOf, makeOrder, makeStaff, staffCaller, testContext } from "../../test/fixtures";
import { appRouter, createCaller } from "../root";

const { db } = await createTestDatabase();

type Caller = ReturnType<typeof createCaller>;
const missing = randomUUID();
const sample = { type: "refund_only" as const, amountFen: 100_00, categoryCodes: [], priorReturns: 0 };

const PROCEDURES: { path: string; call: (c: Caller) => Promise<unknown> }[] = [
  { path: "admin.policy", call: (c) => c.admin.policy() },
  { path: "admin.replacePolicy", call: (c) => c.admin.replacePolicy({ policy: DEFAULT_POLICY, expectedVersion: 999 }) },
  { path: "admin.policyHistory", call: (c) => c.admin.policyHistory() },
  { path: "admin.simulatePolicy", call: (c) => c.admin.simulatePolicy({ policy: DEFAULT_POLICY, sample }) },
  { path: "admin.policyImpact", call: (c) => c.admin.policyImpact(DEFAULT_POLICY) },
  { path: "admin.categories", call: (c) => c.admin.categories() },
  { path: "admin.verifyHistory", call: (c) => c.admin.verifyHistory({ id: missing }) },
  { path: "admin.staffList", call: (c) => c.admin.staffList() },
  { path: "admin.staffAudit", call: (c) => c.admin.staffAudit() },
  { path: "admin.createStaff", call: (c) => c.admin.createStaff({ name: "新同事", email: `new-${randomUUID().slice(0, 8)}@test.local`, role: "warehouse" }) },
  { path: "admin.setStaffRole", call: (c) => c.admin.setStaffRole({ id: missing, role: "finance" }) },
  { path: "admin.setStaffActive", call: (c) => c.admin.setStaffActive({ id: missing, active: false }) },
  { path: "admin.resetStaffPassword", call: (c) => c.admin.resetStaffPassword({ id: missing }) },
  { path: "admin.resetStaffSecondFactor", call: (c) => c.admin.resetStaffSecondFactor({ id: missing }) },
  { path: "admin.erasureRequests", call: (c) => c.admin.erasureRequests() },
  { path: "admin.fulfilErasure", call: (c) => c.admin.fulfilErasure({ id: missing }) },
];

const callers = {} as Record<StaffRole, Caller>;
let anonymous: Caller;
let customer: Caller;
let mustChange: Caller;

beforeAll(async () => {
  for (const role of STAFF_ROLES) callers[role] = (await staffCaller(db, role)).caller;
  anonymous = createCaller(testContext(db));
  customer = customerCaller(db, (await makeOrder(db, [{ priceFen: 10_00 }])).customer);
  // An admin who signed in with a one-time password and has not chosen their own yet.
  const pending = await makeStaff(db, "admin");
  await db.update(staffUsers).set({ mustChangePassword: true }).where(eq(staffUsers.id, pending.id));
  mustChange = createCaller(testContext(db, { staff: { ...pending, mustChangePassword: true } }));
});

/** "FORBIDDEN"/"UNAUTHORIZED" when the gate refused; null when the call got past it. */
async function gate(call: Promise<unknown>): Promise<string | null> {
  try {
    await call;
    return null;
  } catch (e) {
    if (!(e instanceof TRPCError)) throw e;
    const code = appCodeOf(e);
    if ((e.code === "FORBIDDEN" || e.code === "UNAUTHORIZED") && (code === null || code === "password_change_required")) return e.code;
    return null;
  }
}

describe("the matrix", () => {
  it("covers every admin procedure", () => {
    const paths = Object.keys(appRouter._def.procedures).filter((p) => p.startsWith("admin."));
    expect(paths.sort()).toEqual(PROCEDURES.map((p) => p.path).sort());
  });
});

describe.each(PROCEDURES)("$path", ({ call }) => {
  it.each(STAFF_ROLES.filter((r) => r !== "admin").map((role) => ({ role })))("refuses $role with FORBIDDEN", async ({ role }) => {
    expect(await gate(call(callers[role]))).toBe("FORBIDDEN");
  });

  it("lets the admin through", async () => {
    expect(await gate(call(callers.admin))).toBeNull();
  });

  it("refuses anonymous and a customer with UNAUTHORIZED", async () => {
    expect(await gate(call(anonymous))).toBe("UNAUTHORIZED");
    expect(await gate(call(customer))).toBe("UNAUTHORIZED");
  });

  it("refuses an admin who still has to change a one-time password", async () => {
    const e = await failureOf(call(mustChange));
    expect(e.code).toBe("FORBIDDEN");
    expect(appCodeOf(e)).toBe("password_change_required");
  });
});

describe("the one-time password gate is for every staff procedure", () => {
  it("a queue read is refused too, with a message saying what to do", async () => {
    const e = await failureOf(mustChange.staff.queue({}));
    expect(e.message).toBe("请先设置新密码再继续");
  });
});
