/**
 * Every route of the lifecycle in docs/product-rules.md, told as a story through the tRPC callers on the real
 * database: who acts, where the request goes, what happens to items, money and history.
 * (The small refund-only route and the basic high-value route are in lifecycle.int.test.ts.)
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { orderLines, orders, refunds, returnEvents, returnRequests } from "../../../db/schema";
import { TestGateway } from "../../test/test-gateway";
import { verifyHistory } from "../../services/history-store";
import { createTestDatabase } from "../../test/db";
import { appCodeOf, customerCaller, failureOf, makeOrder, staffCaller, submitFor, unverifiableHistories, type Made, runRefundJobs, testGateways } from "../../test/fixtures";

const { db } = await createTestDatabase();

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function claimed(made: Made, i = 0) {
  const [line] = await db.select().from(orderLines).where(eq(orderLines.id, made.lines[i]!.line.id));
  return line!.claimedQuantity;
}
async function refundedFen(made: Made) {
  const [order] = await db.select().from(orders).where(eq(orders.id, made.order.id));
  return order!.refundedFen;
}
async function refundRows(requestId: string) {
  return db.select().from(refunds).where(eq(refunds.requestId, requestId));
}
async function requestRow(requestId: string) {
  const [row] = await db.select().from(returnRequests).where(eq(returnRequests.id, requestId));
  return row!;
}
const allAsDeclared = (lines: { id: string; quantity: number }[]) =>
  lines.map((l) => ({ returnLineId: l.id, receivedQuantity: l.quantity, condition: "as_new" as const }));

describe("return & refund, small amount (no operations review)", () => {
  it("customer service approves, the customer ships, the warehouse receives, finance refunds", async () => {
    const gateway = new TestGateway();
    const made = await makeOrder(db, [{ priceFen: 50_00, quantity: 2 }]);
    const { res, read, customer } = await submitFor(db, made, "return_refund");
    const cs = await staffCaller(db, "customer_service");
    const wh = await staffCaller(db, "warehouse");
    const fin = await staffCaller(db, "finance", { gateways: testGateways(gateway) });

    let r = await read();
    expect(r.status).toBe("pending_cs_review");
    expect(r.stages).toEqual(["cs_review", "customer_shipment", "warehouse_inspection", "refund"]);
    expect(r.requestedRefundFen).toBe(100_00);
    expect(await claimed(made)).toBe(2);

    await cs.caller.staff.approve({ requestId: res.id, version: r.version });
    r = await read();
    expect(r.status).toBe("awaiting_shipment");

    await customer.customer.ship({ requestId: res.id, version: r.version, carrier: "sf", trackingNo: "SF1234567890" });
    r = await read();
    expect(r).toMatchObject({ status: "in_transit", returnCarrier: "sf", returnTrackingNo: "SF1234567890" });

    await wh.caller.staff.receive({ requestId: res.id, version: r.version, lines: allAsDeclared(r.lines) });
    r = await read();
    expect(r.status).toBe("pending_refund");
    expect(r.lines[0]).toMatchObject({ receivedQuantity: 2, condition: "as_new" });

    await fin.caller.staff.refund({ requestId: res.id, version: r.version });
    await runRefundJobs(db, testGateways(gateway));
    r = await read();
    expect(r.status).toBe("completed");
    // The request screen's receipt is one parcel, closed at once (decision 028): the parcel, then the receipt.
    expect(r.timeline.map((e) => e.action)).toEqual(["submit", "approve", "ship", "record_parcel", "receive", "refund", "refund_succeeded"]);
    expect(await refundRows(res.id)).toEqual([expect.objectContaining({ status: "succeeded", amountFen: 100_00, outRefundNo: `RF${res.rmaNo}-1` })]);
    expect(await refundedFen(made)).toBe(100_00);
    expect(gateway.payouts).toBe(1);
    // A finished request keeps its items: they cannot be returned twice.
    expect(await claimed(made)).toBe(2);
  });
});

describe("amount above ¥200 without a sensitive category", () => {
  it("needs operations review but no second finance approver", async () => {
    const made = await makeOrder(db, [{ priceFen: 250_00 }]);
    const { read } = await submitFor(db, made, "refund_only");
    const r = await read();
    expect(r.stages).toEqual(["cs_review", "ops_review", "refund"]);
  });
});

describe("high value with operations review and four-eyes refund", () => {
  it("the finance user who approved the refund cannot pay it; a second one does, once", async () => {
    const gateway = new TestGateway();
    const made = await makeOrder(db, [{ priceFen: 3999_00, highValue: true }]);
    const { res, read, customer } = await submitFor(db, made, "return_refund");
    const cs = await staffCaller(db, "customer_service");
    const ops = await staffCaller(db, "operations_manager");
    const wh = await staffCaller(db, "warehouse");
    const fin1 = await staffCaller(db, "finance", { gateways: testGateways(gateway) });
    const fin2 = await staffCaller(db, "finance", { gateways: testGateways(gateway) });

    let r = await read();
    expect(r.stages).toEqual(["cs_review", "ops_review", "customer_shipment", "warehouse_inspection", "refund_approval", "refund"]);
    expect((await cs.caller.staff.request({ id: res.id })).request.route.matchedRules).toEqual(["amount-over-200", "high-value-category", "four-eyes-over-2000"]);

    // Customer service alone cannot finish a high-value review: the request moves on to operations.
    await cs.caller.staff.approve({ requestId: res.id, version: r.version });
    r = await read();
    expect(r.status).toBe("pending_ops_review");
    const csAgain = await failureOf(cs.caller.staff.approve({ requestId: res.id, version: r.version }));
    expect(csAgain.code).toBe("FORBIDDEN");
    expect(appCodeOf(csAgain)).toBe("role_not_allowed");

    await ops.caller.staff.approve({ requestId: res.id, version: r.version });
    r = await read();
    await customer.customer.ship({ requestId: res.id, version: r.version, carrier: "jd", trackingNo: "JDVA00012345678" });
    r = await read();
    await wh.caller.staff.receive({ requestId: res.id, version: r.version, lines: allAsDeclared(r.lines) });
    r = await read();
    expect(r.status).toBe("pending_refund_approval");

    // Paying before the approval is not a step of this state.
    const early = await failureOf(fin1.caller.staff.refund({ requestId: res.id, version: r.version }));
    expect(early.code).toBe("BAD_REQUEST");
    expect(appCodeOf(early)).toBe("invalid_transition");

    await fin1.caller.staff.approveRefund({ requestId: res.id, version: r.version });
    r = await read();
    expect(r.status).toBe("pending_refund");
    expect((await requestRow(res.id)).refundApprovedBy).toBe(fin1.staff.id);

    const sameUser = await failureOf(fin1.caller.staff.refund({ requestId: res.id, version: r.version }));
    expect(sameUser.code).toBe("FORBIDDEN");
    expect(appCodeOf(sameUser)).toBe("four_eyes_required");
    expect(sameUser.message).toBe("大额退款需由另一位财务人员执行（复核人不能同时付款）");
    expect(await refundRows(res.id)).toEqual([]);
    expect(await refundedFen(made)).toBe(0);
    expect(gateway.starts.length).toBe(0);

    await fin2.caller.staff.refund({ requestId: res.id, version: r.version });
    await runRefundJobs(db, testGateways(gateway));
    r = await read();
    expect(r.status).toBe("completed");
    expect(gateway.payouts).toBe(1);
    expect(await refundedFen(made)).toBe(3999_00);

    const events = await db.select().from(returnEvents).where(eq(returnEvents.requestId, res.id));
    expect(events.find((e) => e.action === "approve_refund")?.actorId).toBe(fin1.staff.id);
    expect(events.find((e) => e.action === "refund")?.actorId).toBe(fin2.staff.id);
    expect(events.map((e) => e.action).sort()).toEqual(["approve", "approve", "approve_refund", "receive", "record_parcel", "refund", "refund_succeeded", "ship", "submit"]);
    expect(await verifyHistory(db, res.id)).toEqual({ ok: true, count: 9 });
  });
});

describe("exchange", () => {
  it("ends with the warehouse shipping the replacement: completed, no refund, nothing refunded on the order", async () => {
    const made = await makeOrder(db, [{ priceFen: 80_00, variants: 1 }]);
    const { res, read, customer } = await submitFor(db, made, "exchange");
    const cs = await staffCaller(db, "customer_service");
    const wh = await staffCaller(db, "warehouse");
    const fin = await staffCaller(db, "finance");

    let r = await read();
    expect(r.stages).toEqual(["cs_review", "customer_shipment", "warehouse_inspection", "replacement"]);
    expect(r.requestedRefundFen).toBe(0);
    expect(r.lines[0]).toMatchObject({ exchangeSkuId: made.lines[0]!.variants[0]!.id, exchangeAttributes: made.lines[0]!.variants[0]!.attributes, refundFen: 0 });

    await cs.caller.staff.approve({ requestId: res.id, version: r.version });
    r = await read();
    await customer.customer.ship({ requestId: res.id, version: r.version, carrier: "zto", trackingNo: "7312345678901" });
    r = await read();
    await wh.caller.staff.receive({ requestId: res.id, version: r.version, lines: allAsDeclared(r.lines) });
    r = await read();
    expect(r.status).toBe("pending_replacement");

    // Finance has nothing to do on an exchange; the warehouse ships the new variant.
    expect((await failureOf(fin.caller.staff.shipReplacement({ requestId: res.id, version: r.version }))).code).toBe("FORBIDDEN");
    expect((await failureOf(fin.caller.staff.refund({ requestId: res.id, version: r.version }))).code).toBe("BAD_REQUEST");
    await wh.caller.staff.shipReplacement({ requestId: res.id, version: r.version });
    r = await read();
    expect(r.status).toBe("completed");
    expect(r.timeline.map((e) => e.action)).toEqual(["submit", "approve", "ship", "record_parcel", "receive", "ship_replacement"]);
    expect(await refundRows(res.id)).toEqual([]);
    expect(await refundedFen(made)).toBe(0);
  });
});

describe("rejection and appeal", () => {
  it("a rejected request gives its items back; the customer appeals once, operations approves, finance refunds", async () => {
    const made = await makeOrder(db, [{ priceFen: 120_00 }]);
    const { res, read, customer } = await submitFor(db, made, "refund_only");
    const cs = await staffCaller(db, "customer_service");
    const ops = await staffCaller(db, "operations_manager");
    const fin = await staffCaller(db, "finance");

    let r = await read();
    await cs.caller.staff.reject({ requestId: res.id, version: r.version, rejectionCode: "evidence_insufficient", comment: "照片看不清商品问题" });
    r = await read();
    expect(r).toMatchObject({ status: "rejected", rejectionCode: "evidence_insufficient", appealUsed: false });
    expect(r.allowedActions).toContain("appeal");
    // The customer sees why.
    expect(r.timeline.at(-1)).toMatchObject({ action: "reject", reasonCode: "evidence_insufficient", comment: "照片看不清商品问题" });
    expect(await claimed(made)).toBe(0);

    await customer.customer.appeal({ requestId: res.id, version: r.version, comment: "已补拍清晰照片，请复核" });
    r = await read();
    expect(r).toMatchObject({ status: "pending_ops_review", appealUsed: true });
    expect(r.allowedActions).not.toContain("appeal");
    expect(await claimed(made)).toBe(1);

    // Customer service has had its say; the appeal is for operations.
    expect(appCodeOf(await failureOf(cs.caller.staff.approve({ requestId: res.id, version: r.version })))).toBe("role_not_allowed");
    await ops.caller.staff.approve({ requestId: res.id, version: r.version });
    r = await read();
    expect(r.status).toBe("pending_refund");
    await fin.caller.staff.refund({ requestId: res.id, version: r.version });
    await runRefundJobs(db, testGateways());
    r = await read();
    expect(r.status).toBe("completed");
    expect(r.timeline.map((e) => e.action)).toEqual(["submit", "reject", "appeal", "approve", "refund", "refund_succeeded"]);
    expect(await refundedFen(made)).toBe(120_00);
  });

  it("a second appeal is refused and the request stays rejected", async () => {
    const made = await makeOrder(db, [{ priceFen: 60_00 }]);
    const { res, read, customer } = await submitFor(db, made, "refund_only");
    const cs = await staffCaller(db, "customer_service");
    const ops = await staffCaller(db, "operations_manager");

    let r = await read();
    await cs.caller.staff.reject({ requestId: res.id, version: r.version, rejectionCode: "outside_return_window", comment: "已超过 7 天" });
    r = await read();
    await customer.customer.appeal({ requestId: res.id, version: r.version, comment: "快递延误" });
    r = await read();
    await ops.caller.staff.reject({ requestId: res.id, version: r.version, rejectionCode: "outside_return_window", comment: "复核后维持驳回" });
    r = await read();
    expect(r.status).toBe("rejected");
    expect(r.allowedActions).not.toContain("appeal");

    const second = await failureOf(customer.customer.appeal({ requestId: res.id, version: r.version, comment: "再申诉一次" }));
    expect(second.code).toBe("BAD_REQUEST");
    expect(appCodeOf(second)).toBe("appeal_already_used");
    expect(second.message).toBe("每个申请只能申诉一次");
    const after = await read();
    expect(after).toMatchObject({ status: "rejected", version: r.version });
    expect(await claimed(made)).toBe(0);
  });
});

describe("needs more information", () => {
  it("customer service asks, the customer answers, the request is back with customer service", async () => {
    const made = await makeOrder(db, [{ priceFen: 30_00 }]);
    const { res, read, customer } = await submitFor(db, made, "refund_only");
    const cs = await staffCaller(db, "customer_service");

    let r = await read();
    await cs.caller.staff.requestInfo({ requestId: res.id, version: r.version, comment: "请补充商品瑕疵的近照" });
    r = await read();
    expect(r.status).toBe("needs_info");
    expect(r.allowedActions).toEqual(expect.arrayContaining(["provide_info", "cancel"]));
    expect(r.timeline.at(-1)).toMatchObject({ action: "request_info", comment: "请补充商品瑕疵的近照" });
    // Staff wait for the customer meanwhile.
    expect(appCodeOf(await failureOf(cs.caller.staff.approve({ requestId: res.id, version: r.version })))).toBe("invalid_transition");

    await customer.customer.provideInfo({ requestId: res.id, version: r.version, comment: "已上传近照" });
    r = await read();
    expect(r.status).toBe("pending_cs_review");
    expect((await requestRow(res.id)).infoReturnStatus).toBeNull();
    await cs.caller.staff.approve({ requestId: res.id, version: r.version });
    expect((await read()).status).toBe("pending_refund");
  });

  it("operations asks, the customer answers, the request is back with operations", async () => {
    const made = await makeOrder(db, [{ priceFen: 300_00 }]);
    const { res, read, customer } = await submitFor(db, made, "return_refund");
    const cs = await staffCaller(db, "customer_service");
    const ops = await staffCaller(db, "operations_manager");

    let r = await read();
    await cs.caller.staff.approve({ requestId: res.id, version: r.version });
    r = await read();
    expect(r.status).toBe("pending_ops_review");
    await ops.caller.staff.requestInfo({ requestId: res.id, version: r.version, comment: "请说明购买后的使用情况" });
    r = await read();
    expect(r.status).toBe("needs_info");
    expect((await requestRow(res.id)).infoReturnStatus).toBe("pending_ops_review");

    await customer.customer.provideInfo({ requestId: res.id, version: r.version, comment: "只试穿过一次" });
    r = await read();
    expect(r.status).toBe("pending_ops_review");
    await ops.caller.staff.approve({ requestId: res.id, version: r.version });
    expect((await read()).status).toBe("awaiting_shipment");
    expect((await read()).timeline.map((e) => e.action)).toEqual(["submit", "approve", "request_info", "provide_info", "approve"]);
  });
});

describe("cancellation", () => {
  it("before the parcel arrives the customer may cancel; the items are free again for a new request", async () => {
    const made = await makeOrder(db, [{ priceFen: 40_00, quantity: 2 }]);
    const first = await submitFor(db, made, "return_refund");
    expect(await claimed(made)).toBe(2);
    // While the first request holds both items, nothing more can be asked for.
    expect((await failureOf(submitFor(db, made, "return_refund", { quantity: 1 }))).code).toBe("BAD_REQUEST");

    let r = await first.read();
    await first.customer.customer.cancel({ requestId: first.res.id, version: r.version, comment: "不想退了" });
    r = await first.read();
    expect(r.status).toBe("cancelled");
    expect(r.allowedActions).toEqual([]);
    expect(await claimed(made)).toBe(0);

    const second = await submitFor(db, made, "return_refund");
    expect(second.res.created).toBe(true);
    expect(await claimed(made)).toBe(2);
  });

  it("a parcel on its way can still be cancelled", async () => {
    const made = await makeOrder(db, [{ priceFen: 40_00 }]);
    const { res, read, customer } = await submitFor(db, made, "return_refund");
    const cs = await staffCaller(db, "customer_service");
    let r = await read();
    await cs.caller.staff.approve({ requestId: res.id, version: r.version });
    r = await read();
    await customer.customer.ship({ requestId: res.id, version: r.version, carrier: "yto", trackingNo: "YT1234567890123" });
    r = await read();
    expect(r.status).toBe("in_transit");
    await customer.customer.cancel({ requestId: res.id, version: r.version });
    expect((await read()).status).toBe("cancelled");
    expect(await claimed(made)).toBe(0);
  });

  it("after the warehouse has received the parcel, cancelling is refused with the state and the action named", async () => {
    const made = await makeOrder(db, [{ priceFen: 40_00 }]);
    const { res, read, customer } = await submitFor(db, made, "return_refund");
    const cs = await staffCaller(db, "customer_service");
    const wh = await staffCaller(db, "warehouse");
    let r = await read();
    await cs.caller.staff.approve({ requestId: res.id, version: r.version });
    r = await read();
    await customer.customer.ship({ requestId: res.id, version: r.version, carrier: "sf", trackingNo: "SF9876543210" });
    r = await read();
    await wh.caller.staff.receive({ requestId: res.id, version: r.version, lines: allAsDeclared(r.lines) });
    r = await read();
    expect(r.status).toBe("pending_refund");
    expect(r.allowedActions).not.toContain("cancel");

    const zh = await failureOf(customer.customer.cancel({ requestId: res.id, version: r.version }));
    expect(zh.code).toBe("BAD_REQUEST");
    expect(appCodeOf(zh)).toBe("invalid_transition");
    expect(zh.message).toBe("当前状态「待退款」下不能执行「取消申请」");

    const en = await failureOf(customerCaller(db, made.customer, "en").customer.cancel({ requestId: res.id, version: r.version }));
    expect(en.code).toBe("BAD_REQUEST");
    expect(en.message).toBe("“Cancel” is not allowed while the request is “Awaiting refund”");

    expect((await read()).status).toBe("pending_refund");
    expect(await claimed(made)).toBe(1);
  });
});

describe("inspection mismatch", () => {
  async function received(lineSpec: Parameters<typeof makeOrder>[1], inspection: (line: { id: string; quantity: number }) => { receivedQuantity: number; condition: "as_new" | "damaged" }) {
    const gateway = new TestGateway();
    const made = await makeOrder(db, lineSpec);
    const s = await submitFor(db, made, "return_refund");
    const cs = await staffCaller(db, "customer_service");
    const wh = await staffCaller(db, "warehouse");
    const ops = await staffCaller(db, "operations_manager");
    const fin = await staffCaller(db, "finance", { gateways: testGateways(gateway) });
    let r = await s.read();
    await cs.caller.staff.approve({ requestId: s.res.id, version: r.version });
    r = await s.read();
    await s.customer.customer.ship({ requestId: s.res.id, version: r.version, carrier: "sto", trackingNo: "STO123456789" });
    r = await s.read();
    await wh.caller.staff.receive({ requestId: s.res.id, version: r.version, lines: r.lines.map((l) => ({ returnLineId: l.id, ...inspection(l) })) });
    return { ...s, made, ops, fin, wh, gateway };
  }

  it("fewer items than declared: operations accepts a partial refund with a deduction, finance refunds the reduced amount", async () => {
    const { res, read, made, ops, fin, wh, gateway } = await received([{ priceFen: 30_00, quantity: 3 }], () => ({ receivedQuantity: 2, condition: "as_new" }));
    let r = await read();
    expect(r.status).toBe("inspection_mismatch");
    expect(r.lines[0]).toMatchObject({ quantity: 3, receivedQuantity: 2 });
    const receiveEvent = r.timeline.at(-1);
    expect(receiveEvent).toMatchObject({ action: "receive", toStatus: "inspection_mismatch" });

    // Only operations decides a mismatch, and a deduction cannot swallow the whole refund.
    expect((await failureOf(wh.caller.staff.acceptPartial({ requestId: res.id, version: r.version, deductionFen: 30_00, comment: "少一件" }))).code).toBe("FORBIDDEN");
    const tooMuch = await failureOf(ops.caller.staff.acceptPartial({ requestId: res.id, version: r.version, deductionFen: 90_00, comment: "全扣" }));
    expect(tooMuch.code).toBe("BAD_REQUEST");
    expect(appCodeOf(tooMuch)).toBe("refund_exceeds_paid");

    await ops.caller.staff.acceptPartial({ requestId: res.id, version: r.version, deductionFen: 30_00, comment: "少收到一件，扣除一件的金额" });
    r = await read();
    expect(r).toMatchObject({ status: "pending_refund", requestedRefundFen: 90_00, approvedRefundFen: 60_00 });
    expect(r.timeline.at(-1)).toMatchObject({ action: "accept_partial", comment: "少收到一件，扣除一件的金额" });

    await fin.caller.staff.refund({ requestId: res.id, version: r.version });
    await runRefundJobs(db, testGateways(gateway));
    expect((await read()).status).toBe("completed");
    expect(await refundRows(res.id)).toEqual([expect.objectContaining({ amountFen: 60_00, status: "succeeded" })]);
    expect(await refundedFen(made)).toBe(60_00);
    expect(gateway.payouts).toBe(1);
  });

  it("a damaged item: operations may also accept the full refund", async () => {
    const { res, read, made, ops, fin } = await received([{ priceFen: 45_00 }], () => ({ receivedQuantity: 1, condition: "damaged" }));
    let r = await read();
    expect(r.status).toBe("inspection_mismatch");
    await ops.caller.staff.acceptFull({ requestId: res.id, version: r.version, comment: "运输损坏，非客户责任" });
    r = await read();
    expect(r).toMatchObject({ status: "pending_refund", approvedRefundFen: 45_00 });
    await fin.caller.staff.refund({ requestId: res.id, version: r.version });
    await runRefundJobs(db, testGateways());
    expect(await refundedFen(made)).toBe(45_00);
  });

  it("a damaged item: operations rejects and nothing is refunded", async () => {
    const { res, read, made, ops, fin } = await received([{ priceFen: 45_00 }], () => ({ receivedQuantity: 1, condition: "damaged" }));
    let r = await read();
    expect(r.status).toBe("inspection_mismatch");
    await ops.caller.staff.reject({ requestId: res.id, version: r.version, rejectionCode: "used_or_damaged_by_customer", comment: "商品有明显使用痕迹，原样寄回" });
    r = await read();
    expect(r).toMatchObject({ status: "rejected", rejectionCode: "used_or_damaged_by_customer" });
    expect(appCodeOf(await failureOf(fin.caller.staff.refund({ requestId: res.id, version: r.version })))).toBe("invalid_transition");
    expect(await refundRows(res.id)).toEqual([]);
    expect(await refundedFen(made)).toBe(0);
  });

  it("rejected after inspection, appealed and upheld: straight to the refund, and the received parcel can no longer be cancelled", async () => {
    const { res, read, made, ops, fin, customer } = await received([{ priceFen: 45_00 }], () => ({ receivedQuantity: 1, condition: "damaged" }));
    let r = await read();
    await ops.caller.staff.reject({ requestId: res.id, version: r.version, rejectionCode: "inspection_failed", comment: "包装破损" });
    r = await read();
    expect(await claimed(made)).toBe(0);
    await customer.customer.appeal({ requestId: res.id, version: r.version, comment: "快递途中损坏，有签收照片" });
    r = await read();
    expect(r.status).toBe("pending_ops_review");
    expect(await claimed(made)).toBe(1);
    // The warehouse has the parcel: cancelling is over, even in a state that is otherwise cancellable.
    expect(r.allowedActions).not.toContain("cancel");
    const cancel = await failureOf(customer.customer.cancel({ requestId: res.id, version: r.version }));
    expect(cancel.code).toBe("BAD_REQUEST");
    expect(appCodeOf(cancel)).toBe("cancel_after_receipt");
    expect(cancel.message).toContain("取消申请");

    await ops.caller.staff.approve({ requestId: res.id, version: r.version });
    r = await read();
    // Not back to "awaiting shipment": the goods are already in.
    expect(r.status).toBe("pending_refund");
    await fin.caller.staff.refund({ requestId: res.id, version: r.version });
    await runRefundJobs(db, testGateways());
    expect((await read()).status).toBe("completed");
    expect(await refundedFen(made)).toBe(45_00);
  });

  it("an exchange with a mismatch cannot be settled with a partial refund", async () => {
    const made = await makeOrder(db, [{ priceFen: 80_00, variants: 1 }]);
    const { res, read, customer } = await submitFor(db, made, "exchange");
    const cs = await staffCaller(db, "customer_service");
    const wh = await staffCaller(db, "warehouse");
    const ops = await staffCaller(db, "operations_manager");
    let r = await read();
    await cs.caller.staff.approve({ requestId: res.id, version: r.version });
    r = await read();
    await customer.customer.ship({ requestId: res.id, version: r.version, carrier: "ems", trackingNo: "EMS12345678CN" });
    r = await read();
    await wh.caller.staff.receive({ requestId: res.id, version: r.version, lines: r.lines.map((l) => ({ returnLineId: l.id, receivedQuantity: 1, condition: "used" as const })) });
    r = await read();
    expect(r.status).toBe("inspection_mismatch");
    const partial = await failureOf(ops.caller.staff.acceptPartial({ requestId: res.id, version: r.version, deductionFen: 10_00, comment: "扣一点" }));
    expect(appCodeOf(partial)).toBe("partial_not_allowed");
    await ops.caller.staff.acceptFull({ requestId: res.id, version: r.version });
    expect((await read()).status).toBe("pending_replacement");
  });
});

describe("deadlines follow the policy on every transition", () => {
  const within = (actual: Date | null, from: number, to: number, span: number) => {
    expect(actual).not.toBeNull();
    expect(actual!.getTime()).toBeGreaterThanOrEqual(from + span);
    expect(actual!.getTime()).toBeLessThanOrEqual(to + span);
  };

  it("48 h for review, 7 days to ship, 10 days for the warehouse, 7 days to refund, none once done", async () => {
    const made = await makeOrder(db, [{ priceFen: 20_00 }]);
    const { res, read, customer } = await submitFor(db, made, "return_refund");
    const cs = await staffCaller(db, "customer_service");
    const wh = await staffCaller(db, "warehouse");
    const fin = await staffCaller(db, "finance");

    let r = await read();
    expect(r.deadlineAt!.getTime() - r.createdAt.getTime()).toBe(48 * HOUR);

    let t0 = Date.now();
    await cs.caller.staff.requestInfo({ requestId: res.id, version: r.version, comment: "请补充照片" });
    r = await read();
    within(r.deadlineAt, t0, Date.now(), 7 * DAY);

    t0 = Date.now();
    await customer.customer.provideInfo({ requestId: res.id, version: r.version, comment: "已补充" });
    r = await read();
    within(r.deadlineAt, t0, Date.now(), 48 * HOUR);

    t0 = Date.now();
    await cs.caller.staff.approve({ requestId: res.id, version: r.version });
    r = await read();
    expect(r.status).toBe("awaiting_shipment");
    within(r.deadlineAt, t0, Date.now(), 7 * DAY);

    t0 = Date.now();
    await customer.customer.ship({ requestId: res.id, version: r.version, carrier: "jt", trackingNo: "JT0012345678901" });
    r = await read();
    within(r.deadlineAt, t0, Date.now(), 10 * DAY);

    t0 = Date.now();
    await wh.caller.staff.receive({ requestId: res.id, version: r.version, lines: allAsDeclared(r.lines) });
    r = await read();
    within(r.deadlineAt, t0, Date.now(), 7 * DAY);

    await fin.caller.staff.refund({ requestId: res.id, version: r.version });
    await runRefundJobs(db, testGateways());
    r = await read();
    expect(r.status).toBe("completed");
    expect(r.deadlineAt).toBeNull();
  });

  it("the refund clock starts once: a four-eyes approval does not restart it", async () => {
    const made = await makeOrder(db, [{ priceFen: 2500_00 }]);
    const { res, read } = await submitFor(db, made, "refund_only");
    const cs = await staffCaller(db, "customer_service");
    const ops = await staffCaller(db, "operations_manager");
    const fin = await staffCaller(db, "finance");
    await cs.caller.staff.approve({ requestId: res.id, version: (await read()).version });
    const t0 = Date.now();
    await ops.caller.staff.approve({ requestId: res.id, version: (await read()).version });
    let r = await read();
    expect(r.status).toBe("pending_refund_approval");
    within(r.deadlineAt, t0, Date.now(), 7 * DAY);
    const refundDeadline = r.deadlineAt!.getTime();

    await fin.caller.staff.approveRefund({ requestId: res.id, version: r.version });
    r = await read();
    expect(r.status).toBe("pending_refund");
    expect(r.deadlineAt!.getTime()).toBe(refundDeadline);
  });

  it("a rejection leaves 7 days to appeal", async () => {
    const made = await makeOrder(db, [{ priceFen: 20_00 }]);
    const { res, read } = await submitFor(db, made, "refund_only");
    const cs = await staffCaller(db, "customer_service");
    const r = await read();
    const t0 = Date.now();
    await cs.caller.staff.reject({ requestId: res.id, version: r.version, rejectionCode: "other", comment: "不符合条件" });
    within((await read()).deadlineAt, t0, Date.now(), 7 * DAY);
  });
});

describe("history", () => {
  it("every request told above has an intact, verifiable history", async () => {
    const all = await db.select({ id: returnRequests.id }).from(returnRequests);
    expect(all.length).toBeGreaterThan(10);
    expect(await unverifiableHistories(db)).toEqual([]);
  });
});
