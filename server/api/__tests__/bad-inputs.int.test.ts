/**
 * Bad input, as a browser sends it: over HTTP through the same fetch adapter as the app route,
 * so the error formatter runs. Every refusal is BAD_REQUEST with a message per field in the
 * caller's language, and writes nothing.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Context } from "../context";
import type { StaffUser } from "../../auth/staff-users";
import { DEFAULT_POLICY } from "../../domain/policy";
import { createTestDatabase } from "../../test/db";
import { httpCall, makeOrder, makeStaff, rowCounts, submitFor, unverifiableHistories, type HttpResult, type Made } from "../../test/fixtures";

const { db } = await createTestDatabase();

let made: Made;
let asCustomer: Partial<Context>;
let cs: StaffUser;
let admin: StaffUser;
let ops: StaffUser;
let pending: { id: string };
let awaitingShipment: { id: string };

beforeAll(async () => {
  made = await makeOrder(db, [{ title: "纯棉T恤", priceFen: 59_00, quantity: 3, variants: 1 }]);
  asCustomer = { customer: made.customer, customerToken: "test" };
  cs = await makeStaff(db, "customer_service");
  admin = await makeStaff(db, "admin");
  ops = await makeStaff(db, "operations_manager");
  // One unit is already claimed, so two are left on the line.
  pending = (await submitFor(db, made, "refund_only", { quantity: 1 })).res;
  const other = await makeOrder(db, [{ priceFen: 10_00 }], { phone: made.customer.phone });
  awaitingShipment = (await submitFor(db, other, "return_refund")).res;
  const approved = await httpCall(db, { staff: cs }, "staff.approve", { requestId: awaitingShipment.id, version: 1 }, { mutation: true });
  expect(approved.data).toMatchObject({ status: "awaiting_shipment" });
});

/** Calls over HTTP and checks that nothing was written meanwhile. */
async function refused(over: Partial<Context>, path: string, input: unknown, mutation = true): Promise<NonNullable<HttpResult["error"]>> {
  const before = await rowCounts(db);
  const res = await httpCall(db, over, path, input, { mutation });
  expect(await rowCounts(db)).toEqual(before);
  expect(res.error, `expected ${path} to be refused`).toBeDefined();
  expect(res.status).toBe(400);
  expect(res.error!.data.code).toBe("BAD_REQUEST");
  return res.error!;
}

const en = (over: Partial<Context>): Partial<Context> => ({ ...over, locale: "en" });

function submitInput(over: { type?: string; lines?: unknown[] } = {}) {
  return {
    orderId: made.order.id,
    type: over.type ?? "refund_only",
    idempotencyKey: randomUUID(),
    lines: over.lines ?? [{ orderLineId: made.lines[0]!.line.id, quantity: 1, reasonCode: "size_not_fit" }],
  };
}

describe("sign-in form", () => {
  it("an invalid phone number: a message for the phone field, in Chinese by default, in English for an English caller", async () => {
    const zh = await refused({}, "customer.requestCode", { phone: "12345" });
    expect(zh.message).toBe("请检查标出的项目");
    expect(zh.data.appCode).toBe("validation");
    expect(zh.data.fieldErrors).toEqual({ phone: "请输入 11 位中国大陆手机号" });

    const english = await refused(en({}), "customer.requestCode", { phone: "12345" });
    expect(english.message).toBe("Please check the highlighted fields");
    expect(english.data.fieldErrors).toEqual({ phone: "Enter an 11-digit mainland China mobile number" });
  });

  it("a bad order number next to a good phone: only the order number is marked", async () => {
    const zh = await refused({}, "customer.requestCode", { phone: made.customer.phone, orderNo: "订单#1" });
    expect(zh.data.fieldErrors).toEqual({ orderNo: "请输入订单号（6–32 位字母或数字）" });
  });

  it("a code that is not six digits", async () => {
    const zh = await refused({}, "customer.verifyCode", { phone: made.customer.phone, code: "12ab" });
    expect(zh.data.fieldErrors).toEqual({ code: "请输入 6 位数字验证码" });
  });
});

describe("finding an order", () => {
  it("a bad order number in a query (GET) is marked too", async () => {
    const zh = await refused(asCustomer, "customer.returnableLines", { orderNo: "ab" }, false);
    expect(zh.data.fieldErrors).toEqual({ orderNo: "请输入订单号（6–32 位字母或数字）" });
    const english = await refused(en(asCustomer), "customer.returnableLines", { orderNo: "ab" }, false);
    expect(english.data.fieldErrors).toEqual({ orderNo: "Enter the order number (6–32 letters or digits)" });
  });
});

describe("submitting a request", () => {
  it("quantity 0", async () => {
    const e = await refused(asCustomer, "customer.submit", submitInput({ lines: [{ orderLineId: made.lines[0]!.line.id, quantity: 0, reasonCode: "size_not_fit" }] }));
    expect(e.data.fieldErrors).toEqual({ "lines.0.quantity": "数量须为正整数" });
    const english = await refused(
      en(asCustomer),
      "customer.submit",
      submitInput({ lines: [{ orderLineId: made.lines[0]!.line.id, quantity: 0, reasonCode: "size_not_fit" }] }),
    );
    expect(english.data.fieldErrors).toEqual({ "lines.0.quantity": "Quantity must be a whole number of at least 1" });
  });

  it("more than was bought (minus what is already claimed): a domain error naming the item and what is left", async () => {
    const e = await refused(asCustomer, "customer.submit", submitInput({ lines: [{ orderLineId: made.lines[0]!.line.id, quantity: 3, reasonCode: "size_not_fit" }] }));
    expect(e.data.appCode).toBe("quantity_exceeds_available");
    expect(e.data.params).toMatchObject({ available: 2, title: "纯棉T恤" });
    expect(e.message).toBe("「纯棉T恤」最多还能申请 2 件");
    expect(e.data.fieldErrors).toBeNull();
    const english = await refused(
      en(asCustomer),
      "customer.submit",
      submitInput({ lines: [{ orderLineId: made.lines[0]!.line.id, quantity: 3, reasonCode: "size_not_fit" }] }),
    );
    expect(english.message).toBe("At most 2 of “纯棉T恤” can still be returned");
  });

  it("no lines at all", async () => {
    const e = await refused(asCustomer, "customer.submit", submitInput({ lines: [] }));
    expect(e.data.fieldErrors).toEqual({ lines: "请至少选择一件商品" });
    expect((await refused(en(asCustomer), "customer.submit", submitInput({ lines: [] }))).data.fieldErrors).toEqual({ lines: "Choose at least one item" });
  });

  it("an exchange without the wanted variant", async () => {
    const e = await refused(asCustomer, "customer.submit", submitInput({ type: "exchange" }));
    expect(e.data.fieldErrors).toEqual({ "lines.0.exchangeSkuId": "换货请选择想要的款式" });
    expect((await refused(en(asCustomer), "customer.submit", submitInput({ type: "exchange" }))).data.fieldErrors).toEqual({
      "lines.0.exchangeSkuId": "Choose the variant you want instead",
    });
  });

  it("an exchange into the very same variant is refused by the domain", async () => {
    const line = made.lines[0]!;
    const e = await refused(
      asCustomer,
      "customer.submit",
      submitInput({ type: "exchange", lines: [{ orderLineId: line.line.id, quantity: 1, reasonCode: "size_not_fit", exchangeSkuId: line.sku.id }] }),
    );
    expect(e.data.appCode).toBe("exchange_variant_invalid");
  });

  it("ids that are not UUIDs", async () => {
    const e = await refused(asCustomer, "customer.submit", { ...submitInput({ lines: [{ orderLineId: "line-1", quantity: 1, reasonCode: "size_not_fit" }] }), orderId: "42" });
    expect(Object.keys(e.data.fieldErrors!).sort()).toEqual(["lines.0.orderLineId", "orderId"]);
    expect(e.data.fieldErrors!.orderId).toMatch(/UUID/i);
    const english = await refused(en(asCustomer), "customer.submit", { ...submitInput(), orderId: "42" });
    expect(english.data.fieldErrors!.orderId).toMatch(/UUID/i);
    expect(english.data.fieldErrors!.orderId).not.toBe(e.data.fieldErrors!.orderId);
  });

  it("the same request over HTTP with good input goes through (so the refusals above are about the input)", async () => {
    const ok = await httpCall(db, asCustomer, "customer.submit", submitInput(), { mutation: true });
    expect(ok.error).toBeUndefined();
    expect(ok.data).toMatchObject({ created: true, status: "pending_cs_review" });
  });
});

describe("acting on a request", () => {
  it("a rejection without a reason code", async () => {
    const e = await refused({ staff: cs }, "staff.reject", { requestId: pending.id, version: 1, comment: "不符合条件" });
    expect(e.data.fieldErrors).toEqual({ rejectionCode: "驳回时必须选择原因" });
    const english = await refused(en({ staff: cs }), "staff.reject", { requestId: pending.id, version: 1, comment: "不符合条件" });
    expect(english.data.fieldErrors).toEqual({ rejectionCode: "Choose a reason for the rejection" });
  });

  it("a rejection without a comment", async () => {
    const e = await refused({ staff: cs }, "staff.reject", { requestId: pending.id, version: 1, rejectionCode: "other", comment: "  " });
    expect(e.data.fieldErrors).toEqual({ comment: "此项必填" });
  });

  it("a shipment with a bad tracking number or an unknown carrier", async () => {
    const e = await refused(asCustomer, "customer.ship", { requestId: awaitingShipment.id, version: 2, carrier: "sf", trackingNo: "SF 123" });
    expect(e.data.fieldErrors).toEqual({ trackingNo: "请输入正确的快递单号（8–30 位字母或数字）" });
    const english = await refused(en(asCustomer), "customer.ship", { requestId: awaitingShipment.id, version: 2, carrier: "pigeon", trackingNo: "SF 123" });
    expect(english.data.fieldErrors).toEqual({ carrier: "Choose a carrier", trackingNo: "Enter a valid tracking number (8–30 letters or digits)" });
  });

  it("a request id that is not a UUID", async () => {
    const e = await refused({ staff: cs }, "staff.approve", { requestId: "RMA20260101AAAA", version: 1 });
    expect(Object.keys(e.data.fieldErrors!)).toEqual(["requestId"]);
    const query = await refused({ staff: cs }, "staff.request", { id: "not-a-uuid" }, false);
    expect(Object.keys(query.data.fieldErrors!)).toEqual(["id"]);
  });

  it("a partial refund of 0 fen", async () => {
    const e = await refused({ staff: ops }, "staff.acceptPartial", { requestId: pending.id, version: 1, deductionFen: 0, comment: "扣除" });
    expect(e.data.fieldErrors).toEqual({ deductionFen: "金额须为不小于 0 的整数（分）" });
  });
});

describe("replacing the policy", () => {
  const policyWith = (rule: Record<string, unknown>) => ({ policy: { ...DEFAULT_POLICY, rules: [rule] }, expectedVersion: 1 });

  it("a rule with a bad id, no stages and an unknown condition is refused field by field", async () => {
    const e = await refused({ staff: admin }, "admin.replacePolicy", policyWith({ id: "Bad Rule!", description: "坏规则", when: { amountOver: 100 }, addStages: [] }));
    expect(Object.keys(e.data.fieldErrors!).sort()).toEqual(["policy.rules.0.addStages", "policy.rules.0.id", "policy.rules.0.when"]);
  });

  it("a negative amount and a stage that does not exist", async () => {
    const e = await refused(
      { staff: admin },
      "admin.replacePolicy",
      policyWith({ id: "neg", description: "负数", when: { amountAboveFen: -1 }, addStages: ["warehouse_inspection"] }),
    );
    expect(e.data.fieldErrors).toMatchObject({ "policy.rules.0.when.amountAboveFen": "金额须为不小于 0 的整数（分）" });
    expect(Object.keys(e.data.fieldErrors!)).toContain("policy.rules.0.addStages.0");
  });

  it("two rules with the same id", async () => {
    const rule = { id: "same", description: "重复", when: { amountAboveFen: 100 }, addStages: ["ops_review"] };
    const e = await refused({ staff: admin }, "admin.replacePolicy", { policy: { ...DEFAULT_POLICY, rules: [rule, rule] }, expectedVersion: 1 });
    expect(Object.keys(e.data.fieldErrors!)).toEqual(["policy.rules.1.id"]);
  });
});

describe("history", () => {
  it("the refusals left every history intact", async () => {
    expect(await unverifiableHistories(db)).toEqual([]);
  });
});
