/**
 * Who may call the reasons procedures: every procedure × every staff role, an anonymous caller
 * and a signed-in customer. Calls that get through are made harmless (a missing id or a stale
 * version), so the matrix changes nothing.
 */
import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { STAFF_ROLES, type StaffRole } from "../../domain/vocabulary";
import { appRouter, createCaller } from "../root";
import { createTestDatabase } from "../../test/db";
import { appCodeOf, customerCaller, makeOrder, staffCaller, testContext } from "../../test/fixtures";

const { db } = await createTestDatabase();
type Caller = ReturnType<typeof createCaller>;

const missing = { id: randomUUID(), version: 1 };
let taken: { kind: "customer"; code: string };

const PROCEDURES: { path: string; allowed: readonly StaffRole[]; call: (c: Caller) => Promise<unknown> }[] = [
  { path: "reasons.list", allowed: STAFF_ROLES, call: (c) => c.reasons.list({ kind: "rejection" }) },
  // An existing code: the admin is told CONFLICT and nothing is created.
  { path: "reasons.create", allowed: ["admin"], call: (c) => c.reasons.create({ ...taken, nameZh: "重复", nameEn: "Again" }) },
  { path: "reasons.rename", allowed: ["admin"], call: (c) => c.reasons.rename({ ...missing, nameZh: "名", nameEn: "Name" }) },
  { path: "reasons.move", allowed: ["admin"], call: (c) => c.reasons.move({ ...missing, direction: "up" }) },
  { path: "reasons.setPhotoRequired", allowed: ["admin"], call: (c) => c.reasons.setPhotoRequired({ ...missing, photoRequired: true }) },
  { path: "reasons.retire", allowed: ["admin"], call: (c) => c.reasons.retire(missing) },
  { path: "reasons.restore", allowed: ["admin"], call: (c) => c.reasons.restore(missing) },
];

const callers = {} as Record<StaffRole, Caller>;
let anonymous: Caller;
let customer: Caller;

beforeAll(async () => {
  for (const role of STAFF_ROLES) callers[role] = (await staffCaller(db, role)).caller;
  anonymous = createCaller(testContext(db));
  customer = customerCaller(db, (await makeOrder(db, [{ priceFen: 10_00 }])).customer);
  taken = { kind: "customer", code: "wrong_item" };
});

/** The gate's refusal (FORBIDDEN / UNAUTHORIZED with no app code), or null when the call got past it. */
async function gateRefusal(call: Promise<unknown>): Promise<string | null> {
  try {
    await call;
    return null;
  } catch (e) {
    if (!(e instanceof TRPCError)) throw e;
    return (e.code === "FORBIDDEN" || e.code === "UNAUTHORIZED") && appCodeOf(e) === null ? e.code : null;
  }
}

it("the matrix covers every reasons procedure", () => {
  const paths = Object.keys(appRouter._def.procedures).filter((p) => p.startsWith("reasons."));
  expect(paths.sort()).toEqual(PROCEDURES.map((p) => p.path).sort());
});

describe.each(PROCEDURES)("$path", ({ allowed, call }) => {
  const refused = STAFF_ROLES.filter((r) => !allowed.includes(r));

  it.each(refused.map((role) => ({ role })))("refuses $role with FORBIDDEN", async ({ role }) => {
    expect(await gateRefusal(call(callers[role]))).toBe("FORBIDDEN");
  });

  it.each(allowed.map((role) => ({ role })))("lets $role through", async ({ role }) => {
    expect(await gateRefusal(call(callers[role]))).toBeNull();
  });

  it("refuses an anonymous caller and a signed-in customer with UNAUTHORIZED", async () => {
    expect(await gateRefusal(call(anonymous))).toBe("UNAUTHORIZED");
    expect(await gateRefusal(call(customer))).toBe("UNAUTHORIZED");
  });
});

it("nothing was changed by the calls that got through", async () => {
  const rows = await callers.admin.reasons.list({ kind: "customer" });
  expect(rows.filter((r) => r.code === "wrong_item")).toHaveLength(1);
  expect(rows.every((r) => r.version === 1)).toBe(true);
});
