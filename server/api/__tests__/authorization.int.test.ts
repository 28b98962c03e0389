/**
 * Who may call what. The matrix is generated from the state machine (staffRolesFor), so it
 * cannot drift from the lifecycle; a few hand-written lines pin down what a person would expect.
 */
import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "../../domain/policy";
import { staffRolesFor } from "../../domain/state-machine";
import { STAFF_ROLES, type Action, type StaffRole } from "../../domain/vocabulary";
import { appRouter, createCaller } from "../root";
import { createTestDatabase } from "../../test/db";
import { appCodeOf, customerCaller, failureOf, makeOrder, staffCaller, testContext } from "../../test/fixtures";

const { db } = await createTestDatabase();

type Caller = ReturnType<typeof createCaller>;

/** A request id that does not exist: a caller who gets past the gate is answered NOT_FOUND, and nothing changes. */
const missing = randomUUID();
const on = { requestId: missing, version: 1 };

/** Each decision procedure and the state-machine action behind it. */
const DECISIONS = {
  approve: "approve",
  reject: "reject",
  requestInfo: "request_info",
  acceptFull: "accept_full",
  acceptPartial: "accept_partial",
  receive: "receive",
  shipReplacement: "ship_replacement",
  convertToRefund: "convert_to_refund",
  approveRefund: "approve_refund",
  refund: "refund",
} as const satisfies Record<string, Action>;

interface Procedure {
  path: string;
  /** Who may call it at all. */
  allowed: readonly StaffRole[];
  call: (c: Caller) => Promise<unknown>;
}

const decisionCalls: Record<keyof typeof DECISIONS, (c: Caller) => Promise<unknown>> = {
  approve: (c) => c.staff.approve(on),
  reject: (c) => c.staff.reject({ ...on, rejectionCode: "other", comment: "不符合条件" }),
  requestInfo: (c) => c.staff.requestInfo({ ...on, comment: "请补充照片" }),
  acceptFull: (c) => c.staff.acceptFull(on),
  acceptPartial: (c) => c.staff.acceptPartial({ ...on, deductionFen: 100, comment: "扣除" }),
  receive: (c) => c.staff.receive({ ...on, lines: [{ returnLineId: randomUUID(), receivedQuantity: 1, condition: "as_new" }] }),
  shipReplacement: (c) => c.staff.shipReplacement({ ...on, carrier: "sf", trackingNo: "SF1234567890" }),
  convertToRefund: (c) => c.staff.convertToRefund({ ...on, comment: "换货款式缺货，改为退款" }),
  approveRefund: (c) => c.staff.approveRefund(on),
  refund: (c) => c.staff.refund(on),
};

const PROCEDURES: Procedure[] = [
  ...(Object.keys(DECISIONS) as (keyof typeof DECISIONS)[]).map((name) => ({
    path: `staff.${name}`,
    allowed: staffRolesFor(DECISIONS[name]),
    call: decisionCalls[name],
  })),
  { path: "staff.queue", allowed: STAFF_ROLES, call: (c) => c.staff.queue({}) },
  { path: "staff.request", allowed: STAFF_ROLES, call: (c) => c.staff.request({ id: missing }) },
  // Finance's work needs no customer contact data in full (server/domain/read-access.ts).
  { path: "staff.revealContact", allowed: ["customer_service", "operations_manager", "warehouse", "admin"], call: (c) => c.staff.revealContact({ requestId: missing, field: "phone" }) },
  { path: "staff.me", allowed: STAFF_ROLES, call: (c) => c.staff.me() },
  // The return slip (decision 027): whoever may open the request; the read rules answer "not found" beyond that.
  { path: "staff.returnLabel", allowed: STAFF_ROLES, call: (c) => c.staff.returnLabel({ id: missing }) },
  // The queue's own procedures (full matrix with outcomes in queue-authorization.int.test.ts).
  { path: "staff.queueCounts", allowed: STAFF_ROLES, call: (c) => c.staff.queueCounts() },
  { path: "staff.claim", allowed: STAFF_ROLES, call: (c) => c.staff.claim({ requestId: missing }) },
  { path: "staff.release", allowed: STAFF_ROLES, call: (c) => c.staff.release({ requestId: missing }) },
  { path: "staff.assign", allowed: ["admin"], call: (c) => c.staff.assign({ requestId: missing, staffId: missing }) },
  { path: "staff.assignees", allowed: ["admin"], call: (c) => c.staff.assignees() },
  { path: "staff.bulkApprove", allowed: ["customer_service"], call: (c) => c.staff.bulkApprove({ requests: [{ requestId: missing, version: 1 }] }) },
  // Finance's refund panel and actions (docs/decisions/024): finance acts, the store manager only reads.
  { path: "refunds.panel", allowed: ["finance", "admin"], call: (c) => c.refunds.panel({ id: missing }) },
  { path: "refunds.lower", allowed: staffRolesFor("lower_refund"), call: (c) => c.refunds.lower({ ...on, amountFen: 100, comment: "少退运费" }) },
  { path: "refunds.retry", allowed: staffRolesFor("retry_refund"), call: (c) => c.refunds.retry({ ...on, refundId: missing }) },
  {
    path: "refunds.recordOffline",
    allowed: staffRolesFor("record_offline_refund"),
    call: (c) => c.refunds.recordOffline({ ...on, reference: "TX-1", method: "bank_transfer", receiptId: missing }),
  },
  { path: "admin.policy", allowed: ["admin"], call: (c) => c.admin.policy() },
  // A stale version: an admin gets past the gate and is told CONFLICT, so the policy is not replaced here.
  { path: "admin.replacePolicy", allowed: ["admin"], call: (c) => c.admin.replacePolicy({ policy: DEFAULT_POLICY, expectedVersion: 999 }) },
  { path: "admin.verifyHistory", allowed: ["admin"], call: (c) => c.admin.verifyHistory({ id: missing }) },
  // Refund reconciliation: finance and the store manager (the download route has its own test: reconciliation-export.int.test.ts).
  // Warehouses (decision 027): every role reads the list, only the store manager changes it. Writes that get
  // through name an unknown warehouse (NOT_FOUND) or a stale version, so nothing changes here.
  { path: "warehouses.list", allowed: STAFF_ROLES, call: (c) => c.warehouses.list() },
  { path: "warehouses.create", allowed: ["admin"], call: (c) => c.warehouses.create({ name: "", address: "", contactName: "", contactPhone: "" }) },
  {
    path: "warehouses.update",
    allowed: ["admin"],
    call: (c) => c.warehouses.update({ id: missing, version: 1, name: "仓", address: "地址", contactName: "甲", contactPhone: "0571-88888888" }),
  },
  { path: "warehouses.setActive", allowed: ["admin"], call: (c) => c.warehouses.setActive({ id: missing, version: 1, active: false }) },
  { path: "warehouses.setDefault", allowed: ["admin"], call: (c) => c.warehouses.setDefault({ id: missing, version: 1 }) },
  { path: "reconciliation.day", allowed: ["finance", "admin"], call: (c) => c.reconciliation.day({ day: "2026-11-28", channel: "offline" }) },
  // Receiving at the warehouse (docs/decisions/028): the warehouse records; the store manager looks up and reads the unmatched list.
  { path: "warehouse.lookup", allowed: ["warehouse", "admin"], call: (c) => c.warehouse.lookup({ code: "RMA20990101ZZZZZZZZ" }) },
  {
    path: "warehouse.recordParcel",
    allowed: ["warehouse"],
    call: (c) => c.warehouse.recordParcel({ ...on, lines: [{ returnLineId: missing, quantity: 1, condition: "as_new", disposition: "restock" }], close: false }),
  },
  { path: "warehouse.closeReceipt", allowed: ["warehouse"], call: (c) => c.warehouse.closeReceipt(on) },
  // A tracking number already recorded: the warehouse gets past the gate and is told CONFLICT after the first call.
  { path: "warehouse.recordUnmatched", allowed: ["warehouse"], call: (c) => c.warehouse.recordUnmatched({ trackingNo: "AUTHZ00000001" }) },
  { path: "warehouse.unmatchedList", allowed: ["warehouse", "admin"], call: (c) => c.warehouse.unmatchedList({ status: "open" }) },
  { path: "warehouse.linkUnmatched", allowed: ["warehouse"], call: (c) => c.warehouse.linkUnmatched({ parcelId: missing, rmaNo: "RMA20990101ZZZZZZZZ" }) },
  // Notifications (docs/decisions/032): the store manager only. Writes that get through name an unknown row (NOT_FOUND).
  { path: "notifications.deliveries", allowed: ["admin"], call: (c) => c.notifications.deliveries({}) },
  { path: "notifications.resend", allowed: ["admin"], call: (c) => c.notifications.resend({ deliveryId: missing }) },
  { path: "notifications.endpoints", allowed: ["admin"], call: (c) => c.notifications.endpoints() },
  {
    path: "notifications.saveEndpoint",
    allowed: ["admin"],
    call: (c) => c.notifications.saveEndpoint({ id: missing, name: "ERP", url: "https://erp.example.com/hooks/returns", events: [], active: true }),
  },
  { path: "notifications.rotateSecret", allowed: ["admin"], call: (c) => c.notifications.rotateSecret({ id: missing }) },
  { path: "notifications.channels", allowed: ["admin"], call: (c) => c.notifications.channels() },
  {
    path: "notifications.saveChannel",
    allowed: ["admin"],
    call: (c) => c.notifications.saveChannel({ id: missing, role: "warehouse", kind: "email", target: "warehouse@example.com", active: true }),
  },
  { path: "notifications.removeChannel", allowed: ["admin"], call: (c) => c.notifications.removeChannel({ id: missing }) },
];

const callers = {} as Record<StaffRole, Caller>;
let anonymous: Caller;
let customer: Caller;

beforeAll(async () => {
  for (const role of STAFF_ROLES) callers[role] = (await staffCaller(db, role)).caller;
  anonymous = createCaller(testContext(db));
  customer = customerCaller(db, (await makeOrder(db, [{ priceFen: 10_00 }])).customer);
});

/** A refusal by the gate in front of the procedure (not by the state machine or a service behind it). */
async function gateRefusal(call: Promise<unknown>): Promise<string | null> {
  try {
    await call;
    return null;
  } catch (e) {
    if (!(e instanceof TRPCError)) throw e;
    return (e.code === "FORBIDDEN" || e.code === "UNAUTHORIZED") && appCodeOf(e) === null ? e.code : null;
  }
}

describe("the matrix covers every staff and admin procedure", () => {
  it("no procedure is left out", () => {
    // Every admin.* procedure is in the matrix of admin-authorization.int.test.ts, which checks its own coverage.
    const covered = (p: string) => p.startsWith("staff.") || p.startsWith("reconciliation.") || p.startsWith("refunds.") || p.startsWith("warehouse.") || p.startsWith("warehouses.") || p.startsWith("notifications.");
    const paths = Object.keys(appRouter._def.procedures).filter(covered);
    expect(paths.sort()).toEqual(PROCEDURES.map((p) => p.path).filter(covered).sort());
  });
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

describe("what a person would expect", () => {
  it("matches the state machine's table", () => {
    expect(staffRolesFor("approve").sort()).toEqual(["customer_service", "operations_manager"]);
    expect(staffRolesFor("receive")).toEqual(["warehouse"]);
    expect(staffRolesFor("record_parcel")).toEqual(["warehouse"]);
    expect(staffRolesFor("link_parcel")).toEqual(["warehouse"]);
    expect(staffRolesFor("refund")).toEqual(["finance"]);
    expect(staffRolesFor("accept_partial")).toEqual(["operations_manager"]);
    expect(staffRolesFor("lower_refund")).toEqual(["finance"]);
    expect(staffRolesFor("retry_refund")).toEqual(["finance"]);
    expect(staffRolesFor("record_offline_refund")).toEqual(["finance"]);
    // The reviewers convert an out-of-stock exchange when the policy says staff decide (decision 030).
    expect(staffRolesFor("convert_to_refund").sort()).toEqual(["customer_service", "operations_manager"]);
    expect(staffRolesFor("ship_replacement")).toEqual(["warehouse"]);
  });

  it("the warehouse cannot approve", async () => {
    const e = await failureOf(callers.warehouse.staff.approve(on));
    expect(e.code).toBe("FORBIDDEN");
    expect(e.message).toBe("没有权限执行此操作");
  });

  it("customer service cannot refund, nor approve a refund", async () => {
    expect((await failureOf(callers.customer_service.staff.refund(on))).code).toBe("FORBIDDEN");
    expect((await failureOf(callers.customer_service.staff.approveRefund(on))).code).toBe("FORBIDDEN");
  });

  it("finance cannot decide reviews or inspections", async () => {
    expect((await failureOf(callers.finance.staff.approve(on))).code).toBe("FORBIDDEN");
    expect((await failureOf(callers.finance.staff.acceptPartial({ ...on, deductionFen: 1, comment: "x" }))).code).toBe("FORBIDDEN");
  });

  it("only the admin can replace the policy", async () => {
    for (const role of ["customer_service", "operations_manager", "warehouse", "finance"] as const) {
      expect((await failureOf(callers[role].admin.replacePolicy({ policy: DEFAULT_POLICY, expectedVersion: 1 }))).code).toBe("FORBIDDEN");
    }
    const admin = await failureOf(callers.admin.admin.replacePolicy({ policy: DEFAULT_POLICY, expectedVersion: 999 }));
    expect(admin.code).toBe("CONFLICT");
  });

  it("a caller who gets through is answered about the request, not about permissions", async () => {
    const e = await failureOf(callers.operations_manager.staff.approve(on));
    expect(e.code).toBe("NOT_FOUND");
    expect(await callers.finance.staff.me()).toMatchObject({ role: "finance" });
  });

  it("an anonymous caller is asked to sign in", async () => {
    const zh = await failureOf(anonymous.staff.queue({}));
    expect(zh).toMatchObject({ code: "UNAUTHORIZED", message: "请先登录" });
    const en = await failureOf(createCaller(testContext(db, { locale: "en" })).admin.policy());
    expect(en).toMatchObject({ code: "UNAUTHORIZED", message: "Please sign in" });
  });
});

describe("customer procedures", () => {
  const orderId = randomUUID();
  const CUSTOMER_ONLY: [string, (c: Caller) => Promise<unknown>][] = [
    ["orders", (c) => c.customer.orders()],
    ["returnableLines", (c) => c.customer.returnableLines({ orderNo: "T20261111001" })],
    [
      "submit",
      (c) =>
        c.customer.submit({
          orderId,
          type: "refund_only",
          idempotencyKey: randomUUID(),
          lines: [{ orderLineId: randomUUID(), quantity: 1, reasonCode: "size_not_fit" }],
        }),
    ],
    ["requests", (c) => c.customer.requests()],
    ["request", (c) => c.customer.request({ id: missing })],
    ["returnLabel", (c) => c.customer.returnLabel({ rmaNo: "RMA20261130AAAAAAAA" })],
    ["cancel", (c) => c.customer.cancel(on)],
    ["provideInfo", (c) => c.customer.provideInfo({ ...on, comment: "补充" })],
    ["ship", (c) => c.customer.ship({ ...on, carrier: "sf", trackingNo: "SF1234567890" })],
    ["appeal", (c) => c.customer.appeal({ ...on, comment: "申诉" })],
    ["convertToRefund", (c) => c.customer.convertToRefund(on)],
    ["devices", (c) => c.customer.devices()],
    ["signOutDevice", (c) => c.customer.signOutDevice({ id: missing })],
    ["signOutEverywhere", (c) => c.customer.signOutEverywhere()],
    ["myData", (c) => c.customer.myData()],
    ["erasureRequests", (c) => c.customer.erasureRequests()],
    ["requestErasure", (c) => c.customer.requestErasure()],
  ];

  it("the list covers every customer procedure except the public sign-in ones", () => {
    const paths = Object.keys(appRouter._def.procedures)
      .filter((p) => p.startsWith("customer."))
      .map((p) => p.slice("customer.".length));
    const publicOnes = ["requestCode", "verifyCode", "challenge", "signOut", "me", "settings"];
    expect(paths.filter((p) => !publicOnes.includes(p)).sort()).toEqual(CUSTOMER_ONLY.map(([name]) => name).sort());
  });

  it.each(CUSTOMER_ONLY.map(([name, call]) => ({ name, call })))("customer.$name refuses an anonymous caller and a staff user", async ({ call }) => {
    expect(await gateRefusal(call(anonymous))).toBe("UNAUTHORIZED");
    // Staff are signed in, but not as a customer.
    expect(await gateRefusal(call(callers.admin))).toBe("UNAUTHORIZED");
  });

  it("customer.me answers an anonymous caller with null", async () => {
    expect(await anonymous.customer.me()).toBeNull();
  });
});
