/**
 * Who may call the queue procedures: every new procedure × every staff role, anonymous and a
 * signed-in customer. A caller who gets past the gate is answered on the merits (an unknown
 * request is NOT_FOUND), so the gate is what the matrix measures.
 */
import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { STAFF_ROLES, type StaffRole } from "../../domain/vocabulary";
import { createCaller } from "../root";
import { createTestDatabase } from "../../test/db";
import { customerCaller, failureOf, makeOrder, staffCaller, testContext } from "../../test/fixtures";

const { db } = await createTestDatabase();

type Caller = ReturnType<typeof createCaller>;
const missing = randomUUID();

const PROCEDURES: { path: string; allowed: readonly StaffRole[]; call: (c: Caller) => Promise<unknown> }[] = [
  { path: "staff.queue", allowed: STAFF_ROLES, call: (c) => c.staff.queue({}) },
  { path: "staff.queueCounts", allowed: STAFF_ROLES, call: (c) => c.staff.queueCounts() },
  { path: "staff.claim", allowed: STAFF_ROLES, call: (c) => c.staff.claim({ requestId: missing }) },
  { path: "staff.release", allowed: STAFF_ROLES, call: (c) => c.staff.release({ requestId: missing }) },
  { path: "staff.assign", allowed: ["admin"], call: (c) => c.staff.assign({ requestId: missing, staffId: missing }) },
  { path: "staff.assignees", allowed: ["admin"], call: (c) => c.staff.assignees() },
  { path: "staff.bulkApprove", allowed: ["customer_service"], call: (c) => c.staff.bulkApprove({ requests: [{ requestId: missing, version: 1 }] }) },
];

const callers = {} as Record<StaffRole | "anonymous" | "customer", Caller>;

beforeAll(async () => {
  for (const role of STAFF_ROLES) callers[role] = (await staffCaller(db, role)).caller;
  callers.anonymous = createCaller(testContext(db));
  callers.customer = customerCaller(db, (await makeOrder(db, [{ priceFen: 10_00 }])).customer);
});

/** "ok", or the tRPC code of the refusal. NOT_FOUND counts as past the gate. */
async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return "ok";
  } catch (e) {
    if (e instanceof TRPCError) return e.code === "NOT_FOUND" ? "ok" : e.code;
    throw e;
  }
}

describe("authorization matrix", () => {
  for (const p of PROCEDURES) {
    for (const who of [...STAFF_ROLES, "anonymous", "customer"] as const) {
      const expected = who === "anonymous" || who === "customer" ? "UNAUTHORIZED" : p.allowed.includes(who) ? "ok" : "FORBIDDEN";
      it(`${p.path} × ${who} → ${expected}`, async () => {
        expect(await outcome(p.call(callers[who]))).toBe(expected);
      });
    }
  }

  it("a refused caller gets the localized message, not a stack", async () => {
    const e = await failureOf(callers.warehouse.staff.bulkApprove({ requests: [{ requestId: missing, version: 1 }] }));
    expect(e.message).toBe("没有权限执行此操作");
  });
});
