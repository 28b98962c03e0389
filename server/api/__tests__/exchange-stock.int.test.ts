/**
 * Exchange stock (docs/decisions/030-exchange-stock.md) through the tRPC callers on the real
 * database: the replacement is reserved when the exchange leaves review, released when the
 * request stops holding it, taken off the shelf on shipment with carrier and tracking number; an
 * exchange whose replacement ran out becomes a refund, by the customer or staff as the policy says.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { customers, orderLines, orders, returnEvents, returnLines, returnRequests, skus, stockMovements, stockReservations } from "../../../db/schema";
import { DEFAULT_POLICY } from "../../domain/policy";
import { actOnRequest } from "../../services/act-on-request";
import { verifyHistory } from "../../services/history-store";
import { anonymiseRequests } from "../../services/personal-data/anonymise";
import { LocalDiskStorage } from "../../storage";
import { currentPolicy, replacePolicy } from "../../services/policy-store";
import { createTestDatabase } from "../../test/db";
import { appCodeOf, customerCaller, failureOf, makeOrder, makeStaff, staffCaller, submitFor, type Made } from "../../test/fixtures";

const { db } = await createTestDatabase();
const storageDir = mkdtempSync(path.join(os.tmpdir(), "exchange-stock-"));
afterAll(() => rmSync(storageDir, { recursive: true, force: true }));

const asDeclared = (lines: { id: string; quantity: number }[], condition: "as_new" | "damaged" = "as_new") =>
  lines.map((l) => ({ returnLineId: l.id, receivedQuantity: l.quantity, condition }));

async function sku(id: string) {
  const [row] = await db.select().from(skus).where(eq(skus.id, id));
  return row!;
}
const reservationsOf = (requestId: string) => db.select().from(stockReservations).where(eq(stockReservations.requestId, requestId));
const variantOf = (made: Made) => made.lines[0]!.variants[0]!;

/** Another customer's delivered order of the same SKU as `made`'s first line, so their exchanges want the same variant. */
async function sameProductOrder(made: Made): Promise<Made> {
  const phone = `138${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
  const [customer] = await db.insert(customers).values({ phone, name: `顾客${phone.slice(-4)}` }).returning();
  const first = made.lines[0]!;
  const [order] = await db
    .insert(orders)
    .values({ ...made.order, id: undefined, orderNo: `T${randomUUID().slice(0, 8).toUpperCase()}`, customerId: customer!.id, refundedFen: 0, gatewayTxnId: `2026${randomUUID().slice(0, 8)}` })
    .returning();
  const [line] = await db.insert(orderLines).values({ ...first.line, id: undefined, orderId: order!.id, claimedQuantity: 0 }).returning();
  return { customer: customer!, order: order!, lines: [{ ...first, line: line! }] };
}

/** Sets the policy in force (new submissions take it); returns to the default afterwards via the same call. */
async function usePolicy(exchangeOutOfStock: "customer_chooses" | "staff_decide") {
  const admin = await makeStaff(db, "admin");
  const current = await currentPolicy(db);
  await replacePolicy(db, { policy: { ...DEFAULT_POLICY, exchangeOutOfStock }, expectedVersion: current.version, actorId: admin.id });
}

describe("the last unit, approved ten times at once", () => {
  it("exactly one approval reserves it; the others are refused as out of stock and change nothing", async () => {
    const first = await makeOrder(db, [{ priceFen: 80_00, variants: 1 }]);
    const made = [first, ...(await Promise.all(Array.from({ length: 9 }, () => sameProductOrder(first))))];
    const requests = [];
    for (const m of made) requests.push(await submitFor(db, m, "exchange"));
    const variant = variantOf(first);
    await db.update(skus).set({ stock: 1, reserved: 0 }).where(eq(skus.id, variant.id));

    const cs = await Promise.all(Array.from({ length: 10 }, () => staffCaller(db, "customer_service")));
    const outcomes = await Promise.allSettled(requests.map((r, i) => cs[i]!.caller.staff.approve({ requestId: r.res.id, version: 1 })));

    const won = outcomes.filter((o) => o.status === "fulfilled");
    const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(9);
    for (const l of lost) {
      expect(appCodeOf(l.reason)).toBe("replacement_out_of_stock");
      expect(l.reason.code).toBe("CONFLICT");
      expect(l.reason.message).toContain("已无库存");
    }
    expect(await sku(variant.id)).toMatchObject({ stock: 1, reserved: 1 });

    const ids = requests.map((r) => r.res.id);
    const rows = await db.select().from(stockReservations).where(inArray(stockReservations.requestId, ids));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ skuId: variant.id, quantity: 1, status: "reserved" });
    const statuses = await db.select({ id: returnRequests.id, status: returnRequests.status, version: returnRequests.version }).from(returnRequests).where(inArray(returnRequests.id, ids));
    expect(statuses.filter((s) => s.status === "awaiting_shipment").map((s) => s.id)).toEqual([rows[0]!.requestId]);
    // The refused ones are untouched: still in review at version 1, no approve event.
    expect(statuses.filter((s) => s.status === "pending_cs_review" && s.version === 1)).toHaveLength(9);
    const approvals = await db.select().from(returnEvents).where(and(inArray(returnEvents.requestId, ids), eq(returnEvents.action, "approve")));
    expect(approvals).toHaveLength(1);
    expect(approvals[0]!.changes).toMatchObject({ reserved: [{ skuId: variant.id, quantity: 1 }] });

    // The screens say so: the losers' replacement is short, the winner's is its own.
    const loser = requests.find((r) => r.res.id !== rows[0]!.requestId)!;
    const view = await cs[0]!.caller.staff.request({ id: loser.res.id });
    expect(view.replacementStock?.lines).toEqual([expect.objectContaining({ available: 0, reservedForIt: false, short: true })]);
    const winner = await cs[0]!.caller.staff.request({ id: rows[0]!.requestId });
    expect(winner.replacementStock?.lines).toEqual([expect.objectContaining({ reservedForIt: true, short: false })]);
    expect((await loser.read()).replacementShortLineIds).toHaveLength(1);
  });

  it("a stock count that no longer covers a reservation is refused by the database", async () => {
    const made = await makeOrder(db, [{ priceFen: 30_00, variants: 1 }]);
    const { res } = await submitFor(db, made, "exchange");
    const cs = await staffCaller(db, "customer_service");
    await cs.caller.staff.approve({ requestId: res.id, version: 1 });
    const variant = variantOf(made);
    expect((await sku(variant.id)).reserved).toBe(1);
    await expect(db.update(skus).set({ stock: 0 }).where(eq(skus.id, variant.id))).rejects.toThrow();
    expect(await sku(variant.id)).toMatchObject({ stock: 5, reserved: 1 });
  });
});

describe("release", () => {
  async function approved(quantity = 2) {
    const made = await makeOrder(db, [{ priceFen: 60_00, quantity, variants: 1 }]);
    const s = await submitFor(db, made, "exchange");
    const cs = await staffCaller(db, "customer_service");
    await cs.caller.staff.approve({ requestId: s.res.id, version: 1 });
    expect((await sku(variantOf(made).id)).reserved).toBe(quantity);
    return { made, ...s };
  }

  it("on cancel: the units go back, the row says released, a second release moves nothing", async () => {
    const { made, res, customer, read } = await approved();
    await customer.customer.cancel({ requestId: res.id, version: (await read()).version });
    expect(await sku(variantOf(made).id)).toMatchObject({ stock: 5, reserved: 0 });
    const [row] = await reservationsOf(res.id);
    expect(row).toMatchObject({ status: "released", quantity: 2 });
    expect(row!.releasedAt).not.toBeNull();
    const [event] = await db.select().from(returnEvents).where(and(eq(returnEvents.requestId, res.id), eq(returnEvents.action, "cancel")));
    expect(event!.changes).toMatchObject({ released: [{ skuId: variantOf(made).id, quantity: 2 }] });
  });

  it("on close (the customer never shipped) and on cancel while in transit", async () => {
    const a = await approved(1);
    await actOnRequest(db, { type: "system", id: "system", role: "system" }, { requestId: a.res.id, action: "expire" });
    expect((await a.read()).status).toBe("closed");
    expect((await sku(variantOf(a.made).id)).reserved).toBe(0);

    const b = await approved(1);
    await b.customer.customer.ship({ requestId: b.res.id, version: (await b.read()).version, carrier: "sf", trackingNo: "SF1234567890" });
    await b.customer.customer.cancel({ requestId: b.res.id, version: (await b.read()).version });
    expect((await sku(variantOf(b.made).id)).reserved).toBe(0);
  });

  it("on rejection after a mismatch; an upheld appeal reserves again (a new row), shipping then takes it", async () => {
    const { made, res, customer, read } = await approved(1);
    const wh = await staffCaller(db, "warehouse");
    const ops = await staffCaller(db, "operations_manager");
    await customer.customer.ship({ requestId: res.id, version: (await read()).version, carrier: "sf", trackingNo: "SF1234567890" });
    let r = await read();
    await wh.caller.staff.receive({ requestId: res.id, version: r.version, lines: asDeclared(r.lines, "damaged") });
    r = await read();
    expect(r.status).toBe("inspection_mismatch");
    expect((await sku(variantOf(made).id)).reserved).toBe(1);
    await ops.caller.staff.reject({ requestId: res.id, version: r.version, rejectionCode: "other", comment: "商品有明显使用痕迹" });
    expect((await sku(variantOf(made).id)).reserved).toBe(0);

    await customer.customer.appeal({ requestId: res.id, version: (await read()).version, comment: "到货时就有划痕" });
    await ops.caller.staff.approve({ requestId: res.id, version: (await read()).version });
    r = await read();
    expect(r.status).toBe("pending_replacement");
    expect((await sku(variantOf(made).id)).reserved).toBe(1);
    expect((await reservationsOf(res.id)).map((x) => x.status).sort()).toEqual(["released", "reserved"]);

    await wh.caller.staff.shipReplacement({ requestId: res.id, version: r.version, carrier: "jd", trackingNo: "JDVA00012345678" });
    expect(await sku(variantOf(made).id)).toMatchObject({ stock: 4, reserved: 0 });
    expect((await reservationsOf(res.id)).map((x) => x.status).sort()).toEqual(["released", "taken"]);
    expect(await verifyHistory(db, res.id)).toEqual({ ok: true, count: 9 }); // staff.receive records the parcel, then the receipt
  });
});

describe("shipment", () => {
  it("takes the reserved unit through a stock movement, records carrier and tracking number, and the customer sees them", async () => {
    const made = await makeOrder(db, [{ priceFen: 80_00, variants: 1 }]);
    const { res, read, customer } = await submitFor(db, made, "exchange");
    const cs = await staffCaller(db, "customer_service");
    const wh = await staffCaller(db, "warehouse");
    await cs.caller.staff.approve({ requestId: res.id, version: 1 });
    await customer.customer.ship({ requestId: res.id, version: (await read()).version, carrier: "zto", trackingNo: "7312345678901" });
    let r = await read();
    await wh.caller.staff.receive({ requestId: res.id, version: r.version, lines: asDeclared(r.lines) });
    r = await read();
    expect(r.status).toBe("pending_replacement");

    // Carrier and tracking number are required and checked.
    const on = { requestId: res.id, version: r.version };
    const bad = [
      { ...on, carrier: "", trackingNo: "SF1234567890" },
      { ...on, carrier: "sf", trackingNo: "SF12" },
      { ...on, carrier: "sf", trackingNo: "SF 1234 5678" },
      { ...on, carrier: "x".repeat(41), trackingNo: "SF1234567890" },
      { ...on, carrier: "sf", trackingNo: "S".repeat(41) },
    ];
    for (const input of bad) expect((await failureOf(wh.caller.staff.shipReplacement(input))).code, JSON.stringify(input)).toBe("BAD_REQUEST");
    expect((await failureOf(wh.caller.staff.shipReplacement(on as never))).code).toBe("BAD_REQUEST");
    expect(await sku(variantOf(made).id)).toMatchObject({ stock: 5, reserved: 1 });

    // A carrier not on the list is typed in full.
    await wh.caller.staff.shipReplacement({ ...on, carrier: "德邦快递", trackingNo: "DPK-3001234567" });
    r = await read();
    expect(r.status).toBe("completed");
    expect(r.replacementShipment).toEqual({ carrier: "德邦快递", trackingNo: "DPK-3001234567" });
    expect(await sku(variantOf(made).id)).toMatchObject({ stock: 4, reserved: 0 });

    const [reservation] = await reservationsOf(res.id);
    expect(reservation).toMatchObject({ status: "taken", quantity: 1 });
    const movements = await db.select().from(stockMovements).where(eq(stockMovements.requestId, res.id));
    expect(movements).toEqual([
      expect.objectContaining({ id: reservation!.movementId, skuId: variantOf(made).id, delta: -1, reason: "replacement_shipped", sourceRef: reservation!.id, staffId: wh.staff.id, stockAfter: 4 }),
    ]);
    const [event] = await db.select().from(returnEvents).where(and(eq(returnEvents.requestId, res.id), eq(returnEvents.action, "ship_replacement")));
    expect(event!.changes).toMatchObject({ replacementCarrier: "德邦快递", replacementTrackingNo: "DPK-3001234567", taken: [{ quantity: 1, stockAfter: 4 }] });
    const staffView = await wh.caller.staff.request({ id: res.id });
    expect(staffView.request).toMatchObject({ replacementCarrier: "德邦快递", replacementTrackingNo: "DPK-3001234567" });
  });

  it("the replacement's tracking number is personal data: anonymising the request erases it and the history still verifies", async () => {
    const made = await makeOrder(db, [{ priceFen: 80_00, variants: 1 }]);
    const { res, read, customer } = await submitFor(db, made, "exchange");
    const cs = await staffCaller(db, "customer_service");
    const wh = await staffCaller(db, "warehouse");
    await cs.caller.staff.approve({ requestId: res.id, version: 1 });
    await customer.customer.ship({ requestId: res.id, version: (await read()).version, carrier: "sf", trackingNo: "SF1234567890" });
    let r = await read();
    await wh.caller.staff.receive({ requestId: res.id, version: r.version, lines: asDeclared(r.lines) });
    r = await read();
    await wh.caller.staff.shipReplacement({ requestId: res.id, version: r.version, carrier: "sf", trackingNo: "SF2468013579" });

    expect(await anonymiseRequests(db, new LocalDiskStorage(storageDir), [res.id], new Date())).toEqual([res.id]);
    const [row] = await db.select().from(returnRequests).where(eq(returnRequests.id, res.id));
    expect(row).toMatchObject({ replacementTrackingNo: null, replacementCarrier: "sf" });
    const events = await db.select().from(returnEvents).where(eq(returnEvents.requestId, res.id));
    expect(JSON.stringify(events)).not.toContain("SF2468013579");
    expect(await verifyHistory(db, res.id)).toEqual({ ok: true, count: 6 }); // staff.receive records the parcel, then the receipt
  });

  it("an exchange approved before reservations existed ships from free stock, or is refused when there is none", async () => {
    const made = await makeOrder(db, [{ priceFen: 40_00, variants: 1 }]);
    const { res, read, customer } = await submitFor(db, made, "exchange");
    const cs = await staffCaller(db, "customer_service");
    const wh = await staffCaller(db, "warehouse");
    await cs.caller.staff.approve({ requestId: res.id, version: 1 });
    // As if approved by the old code: no reservation row, nothing reserved.
    await db.delete(stockReservations).where(eq(stockReservations.requestId, res.id));
    await db.update(skus).set({ stock: 0, reserved: 0 }).where(eq(skus.id, variantOf(made).id));
    await customer.customer.ship({ requestId: res.id, version: (await read()).version, carrier: "sf", trackingNo: "SF1234567890" });
    let r = await read();
    await wh.caller.staff.receive({ requestId: res.id, version: r.version, lines: asDeclared(r.lines) });
    r = await read();
    const refused = await failureOf(wh.caller.staff.shipReplacement({ requestId: res.id, version: r.version, carrier: "sf", trackingNo: "SF0987654321" }));
    expect(appCodeOf(refused)).toBe("replacement_out_of_stock");
    expect((await read()).status).toBe("pending_replacement");

    await db.update(skus).set({ stock: 2 }).where(eq(skus.id, variantOf(made).id));
    await wh.caller.staff.shipReplacement({ requestId: res.id, version: r.version, carrier: "sf", trackingNo: "SF0987654321" });
    expect(await sku(variantOf(made).id)).toMatchObject({ stock: 1, reserved: 0 });
  });
});

describe("out of stock before approval: conversion to a refund", () => {
  /** An exchange whose variant was sold out after submission (another customer's exchange holds the last unit). */
  async function soldOut(lines: Parameters<typeof makeOrder>[1] = [{ priceFen: 99_99, quantity: 1, variants: 1 }]) {
    const made = await makeOrder(db, lines);
    const s = await submitFor(db, made, "exchange");
    await db.update(skus).set({ stock: 0, reserved: 0 }).where(eq(skus.id, variantOf(made).id));
    return { made, ...s };
  }

  it("customer_chooses (default): approval is refused, the customer sees it and converts; the refund is what was paid", async () => {
    await usePolicy("customer_chooses");
    const { made, res, read, customer } = await soldOut();
    const cs = await staffCaller(db, "customer_service", { locale: "en" });
    const refused = await failureOf(cs.caller.staff.approve({ requestId: res.id, version: 1 }));
    expect(appCodeOf(refused)).toBe("replacement_out_of_stock");
    expect(refused.message).toContain("out of stock");

    let r = await read();
    expect(r.replacementShortLineIds).toEqual([r.lines[0]!.id]);
    expect(r.exchangeOutOfStock).toBe("customer_chooses");
    expect(r.allowedActions).toContain("convert_to_refund");
    const staffView = await cs.caller.staff.request({ id: res.id });
    expect(staffView.allowedActions).not.toContain("convert_to_refund");
    expect((await failureOf(cs.caller.staff.convertToRefund({ requestId: res.id, version: r.version, comment: "缺货" }))).code).toBe("FORBIDDEN");

    await customer.customer.convertToRefund({ requestId: res.id, version: r.version });
    r = await read();
    expect(r).toMatchObject({ type: "return_refund", status: "pending_cs_review", requestedRefundFen: 99_99, stages: ["cs_review", "customer_shipment", "warehouse_inspection", "refund"] });
    expect(r.lines[0]).toMatchObject({ refundFen: 99_99, exchangeSkuId: null });
    expect(r.replacementShortLineIds).toEqual([]);
    expect(r.allowedActions).not.toContain("convert_to_refund");
    const [event] = await db.select().from(returnEvents).where(and(eq(returnEvents.requestId, res.id), eq(returnEvents.action, "convert_to_refund")));
    expect(event).toMatchObject({ fromStatus: "pending_cs_review", toStatus: "pending_cs_review", role: "customer" });
    expect(event!.changes).toMatchObject({ type: "return_refund", requestedRefundFen: 99_99, reason: "replacement_out_of_stock", lines: [{ refundFen: 99_99, exchangeSkuId: variantOf(made).id }] });

    // Now an ordinary return: approved without touching stock, and never converted twice.
    await cs.caller.staff.approve({ requestId: res.id, version: r.version });
    expect((await read()).status).toBe("awaiting_shipment");
    expect(await reservationsOf(res.id)).toEqual([]);
    expect(appCodeOf(await failureOf(customer.customer.convertToRefund({ requestId: res.id, version: (await read()).version })))).toBe("invalid_transition");
    expect(await verifyHistory(db, res.id)).toEqual({ ok: true, count: 3 });
  });

  it("staff_decide: the customer may not; customer service converts with a reason the customer reads", async () => {
    await usePolicy("staff_decide");
    const { res, read, customer } = await soldOut();
    let r = await read();
    expect(r.exchangeOutOfStock).toBe("staff_decide");
    expect(r.allowedActions).not.toContain("convert_to_refund");
    expect((await failureOf(customer.customer.convertToRefund({ requestId: res.id, version: r.version }))).code).toBe("FORBIDDEN");

    const cs = await staffCaller(db, "customer_service");
    const view = await cs.caller.staff.request({ id: res.id });
    expect(view.allowedActions).toContain("convert_to_refund");
    expect(view.replacementStock?.decider).toBe("staff_decide");
    // A reason is required.
    expect((await failureOf(cs.caller.staff.convertToRefund({ requestId: res.id, version: r.version, comment: " " }))).code).toBe("BAD_REQUEST");
    await cs.caller.staff.convertToRefund({ requestId: res.id, version: r.version, comment: "您要换的尺码已售罄，已改为退货退款" });
    r = await read();
    expect(r.type).toBe("return_refund");
    expect(r.timeline.at(-1)).toMatchObject({ action: "convert_to_refund", comment: "您要换的尺码已售罄，已改为退货退款" });
    await usePolicy("customer_chooses");
  });

  it("operations converts in its own review when staff decide; customer service may not convert there", async () => {
    await usePolicy("staff_decide");
    const { res, read } = await soldOut([{ priceFen: 3000_00, variants: 1, highValue: true }]);
    let r = await read();
    expect(r.status).toBe("pending_cs_review");
    expect(r.stages).toContain("ops_review");
    const cs = await staffCaller(db, "customer_service");
    const ops = await staffCaller(db, "operations_manager");
    // Customer service passes it on (no reservation yet: operations still reviews).
    await cs.caller.staff.approve({ requestId: res.id, version: r.version });
    r = await read();
    expect(r.status).toBe("pending_ops_review");
    expect((await failureOf(cs.caller.staff.convertToRefund({ requestId: res.id, version: r.version, comment: "缺货" }))).code).toBe("FORBIDDEN");
    await ops.caller.staff.convertToRefund({ requestId: res.id, version: r.version, comment: "缺货，改退款" });
    r = await read();
    // ¥3000 as a refund: the policy's second finance approval joins the route.
    expect(r).toMatchObject({ type: "return_refund", status: "pending_ops_review", requestedRefundFen: 3000_00 });
    expect(r.stages).toEqual(["cs_review", "ops_review", "customer_shipment", "warehouse_inspection", "refund_approval", "refund"]);
    await usePolicy("customer_chooses");
  });

  it("a variant whose last unit is promised is not offered to, nor accepted from, the next customer", async () => {
    const first = await makeOrder(db, [{ priceFen: 50_00, variants: 1 }]);
    const second = await sameProductOrder(first);
    const variant = variantOf(first);
    await db.update(skus).set({ stock: 1, reserved: 0 }).where(eq(skus.id, variant.id));
    const { res } = await submitFor(db, first, "exchange");
    await (await staffCaller(db, "customer_service")).caller.staff.approve({ requestId: res.id, version: 1 });
    const buyer = customerCaller(db, second.customer);
    const offered = await buyer.customer.returnableLines({ orderNo: second.order.orderNo });
    expect(offered.lines[0]!.exchangeVariants).toEqual([]);
    expect(appCodeOf(await failureOf(submitFor(db, second, "exchange")))).toBe("exchange_variant_invalid");
  });

  it("refused while the replacement is in stock", async () => {
    const made = await makeOrder(db, [{ priceFen: 20_00, variants: 1 }]);
    const { res, customer } = await submitFor(db, made, "exchange");
    expect(appCodeOf(await failureOf(customer.customer.convertToRefund({ requestId: res.id, version: 1 })))).toBe("replacement_in_stock");
  });

  it("prices the units by what is left of the line: the order's refunds never pass what was paid", async () => {
    // Three units paid ¥100.00 together (33.33 + 33.33 + 33.34); two are returned for money first.
    const made = await makeOrder(db, [{ priceFen: 33_33, quantity: 3, paidFen: 100_00, variants: 1 }]);
    const refund = await submitFor(db, made, "return_refund", { quantity: 2 });
    const exchange = await submitFor(db, made, "exchange", { quantity: 1 });
    await db.update(skus).set({ stock: 0, reserved: 0 }).where(eq(skus.id, variantOf(made).id));
    await exchange.customer.customer.convertToRefund({ requestId: exchange.res.id, version: 1 });
    const converted = await exchange.read();
    expect((await refund.read()).requestedRefundFen + converted.requestedRefundFen).toBe(100_00);
    const lines = await db.select().from(returnLines).where(eq(returnLines.orderLineId, made.lines[0]!.line.id));
    expect(lines.reduce((a, l) => a + l.refundFen, 0)).toBe(100_00);
  });

  it("a customer cannot convert someone else's request", async () => {
    const { res } = await soldOut();
    const other = await makeOrder(db, [{ priceFen: 10_00 }]);
    const e = await failureOf(customerCaller(db, other.customer).customer.convertToRefund({ requestId: res.id, version: 1 }));
    expect(e.code).toBe("NOT_FOUND");
  });
});
