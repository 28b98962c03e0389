import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { returnLines, returnRequests, skus } from "../../../../db/schema";
import { verifyHistory } from "../../../services/history-store";
import { createTestDatabase } from "../../../test/db";
import { appCodeOf, failureOf, staffCaller } from "../../../test/fixtures";
import { awaitingGoods, eventsOf, movementsOf, parcelsIn } from "./helpers";

const { db } = await createTestDatabase();
const wh = await staffCaller(db, "warehouse");

type Lines = Awaited<ReturnType<typeof awaitingGoods>>["lines"];
const everything = (lines: Lines, over: Partial<{ condition: "as_new" | "opened" | "used" | "damaged"; disposition: "restock" | "quarantine" | "scrap" | "repair" }> = {}) =>
  lines.map((l) => ({ returnLineId: l.id, quantity: l.quantity, condition: over.condition ?? ("as_new" as const), disposition: over.disposition ?? ("restock" as const) }));

async function stockOf(skuId: string) {
  const [row] = await db.select({ stock: skus.stock }).from(skus).where(eq(skus.id, skuId));
  return row!.stock;
}

describe("a full acceptable match moves the request on by itself", () => {
  it("return & refund: one parcel with everything intact → the refund stage, restocked through stock movements", async () => {
    const req = await awaitingGoods(db, [{ priceFen: 50_00, quantity: 2 }, { priceFen: 30_00 }]);
    const stockBefore = await Promise.all(req.made.lines.map((l) => stockOf(l.sku.id)));

    const out = await wh.caller.warehouse.recordParcel({ requestId: req.requestId, version: req.version, trackingNo: req.trackingNo, carrier: "sf", lines: everything(req.lines), close: false });

    expect(out).toMatchObject({ status: "pending_refund", closed: true, outcome: "refund", differences: [] });
    expect(out.version).toBe(req.version + 2);
    const events = await eventsOf(db, req.requestId);
    expect(events.slice(-2).map((e) => [e.action, e.fromStatus, e.toStatus])).toEqual([
      ["record_parcel", "in_transit", "in_transit"],
      ["receive", "in_transit", "pending_refund"],
    ]);
    expect(events.at(-1)!.changes).toMatchObject({ inspectionMatches: true, differences: [] });
    expect(await verifyHistory(db, req.requestId)).toMatchObject({ ok: true });

    // Every restocked unit is a stock movement naming its parcel line; the SKU's stock went up by as much.
    const { parcels, lines } = await parcelsIn(db, req.requestId);
    expect(parcels).toHaveLength(1);
    expect(parcels[0]).toMatchObject({ seq: 1, trackingNo: req.trackingNo, receivedBy: wh.staff.id });
    const movements = await movementsOf(db, req.requestId);
    expect(movements.map((m) => ({ reason: m.reason, delta: m.delta, sourceRef: m.sourceRef, staffId: m.staffId })).sort((a, b) => a.delta - b.delta)).toEqual(
      lines.map((l) => ({ reason: "return_restocked", delta: l.quantity, sourceRef: l.id, staffId: wh.staff.id })).sort((a, b) => a.delta - b.delta),
    );
    const stockAfter = await Promise.all(req.made.lines.map((l) => stockOf(l.sku.id)));
    expect(stockAfter).toEqual(stockBefore.map((s, i) => s + req.lines.find((l) => l.orderLineId === req.made.lines[i]!.line.id)!.quantity));
    // The lines' inspection columns hold the sum and the condition.
    const inspected = await db.select().from(returnLines).where(eq(returnLines.requestId, req.requestId));
    expect(inspected.every((l) => l.receivedQuantity === l.quantity && l.condition === "as_new")).toBe(true);
  });

  it("exchange: a full match goes to the replacement shipment", async () => {
    const req = await awaitingGoods(db, [{ priceFen: 60_00, variants: 1 }], { type: "exchange" });
    const out = await wh.caller.warehouse.recordParcel({ requestId: req.requestId, version: req.version, lines: everything(req.lines, { condition: "opened" }), close: true });
    expect(out).toMatchObject({ status: "pending_replacement", closed: true, outcome: "replacement", differences: [] });
  });

  it("only restock changes the stock: quarantine, scrap and repair write no movement", async () => {
    const req = await awaitingGoods(db, [{ priceFen: 20_00 }, { priceFen: 20_00 }, { priceFen: 20_00 }]);
    const dispositions = ["quarantine", "scrap", "repair"] as const;
    const before = await Promise.all(req.made.lines.map((l) => stockOf(l.sku.id)));
    await wh.caller.warehouse.recordParcel({
      requestId: req.requestId,
      version: req.version,
      lines: req.lines.map((l, i) => ({ returnLineId: l.id, quantity: l.quantity, condition: "as_new" as const, disposition: dispositions[i]! })),
      close: true,
    });
    expect(await movementsOf(db, req.requestId)).toEqual([]);
    expect(await Promise.all(req.made.lines.map((l) => stockOf(l.sku.id)))).toEqual(before);
  });
});

describe("any difference goes to operations with the difference recorded", () => {
  it("a damaged item → inspection_mismatch; the receive event records the line's expected, received and conditions", async () => {
    const req = await awaitingGoods(db, [{ priceFen: 80_00 }, { priceFen: 40_00 }]);
    const [damaged, fine] = req.lines;
    const out = await wh.caller.warehouse.recordParcel({
      requestId: req.requestId,
      version: req.version,
      lines: [
        { returnLineId: damaged!.id, quantity: 1, condition: "damaged", disposition: "quarantine", note: "外壳碎裂" },
        { returnLineId: fine!.id, quantity: 1, condition: "as_new", disposition: "restock" },
      ],
      close: true,
    });
    const difference = { returnLineId: damaged!.id, expected: 1, received: 1, conditions: ["damaged"], acceptable: false };
    expect(out).toMatchObject({ status: "inspection_mismatch", closed: true, outcome: "operations", differences: [difference] });
    const receive = (await eventsOf(db, req.requestId)).at(-1)!;
    expect(receive).toMatchObject({ action: "receive", toStatus: "inspection_mismatch" });
    expect(receive.changes).toMatchObject({ inspectionMatches: false, differences: [difference] });
    const [line] = await db.select().from(returnLines).where(eq(returnLines.id, damaged!.id));
    expect(line).toMatchObject({ receivedQuantity: 1, condition: "damaged" });
  });

  it("closed early with a short receipt → operations, the missing units in the difference", async () => {
    const req = await awaitingGoods(db, [{ priceFen: 30_00, quantity: 3 }]);
    const line = req.lines[0]!;
    const first = await wh.caller.warehouse.recordParcel({ requestId: req.requestId, version: req.version, lines: [{ returnLineId: line.id, quantity: 2, condition: "as_new", disposition: "restock" }], close: false });
    expect(first).toMatchObject({ status: "in_transit", closed: false, outcome: "waiting" });
    const closed = await wh.caller.warehouse.closeReceipt({ requestId: req.requestId, version: first.version });
    expect(closed).toMatchObject({
      status: "inspection_mismatch",
      closed: true,
      outcome: "operations",
      differences: [{ returnLineId: line.id, expected: 3, received: 2, conditions: ["as_new"], acceptable: true }],
    });
    const [row] = await db.select().from(returnLines).where(eq(returnLines.id, line.id));
    expect(row!.receivedQuantity).toBe(2);
  });
});

describe("parcels add up", () => {
  it("a partial receipt waits; the second parcel completes it and the request moves on", async () => {
    const req = await awaitingGoods(db, [{ priceFen: 30_00, quantity: 3 }, { priceFen: 10_00 }]);
    const [three, one] = req.lines;
    const first = await wh.caller.warehouse.recordParcel({
      requestId: req.requestId,
      version: req.version,
      trackingNo: req.trackingNo,
      lines: [{ returnLineId: three!.id, quantity: 2, condition: "as_new", disposition: "restock" }],
      close: false,
    });
    expect(first).toMatchObject({ status: "in_transit", closed: false, outcome: "waiting" });
    expect(first.differences.map((d) => [d.returnLineId, d.expected, d.received])).toEqual([
      [three!.id, 3, 2],
      [one!.id, 1, 0],
    ]);
    const seen = await wh.caller.warehouse.lookup({ code: req.rmaNo });
    if (seen.kind !== "request") throw new Error("expected the request");
    expect(seen.request.lines.find((l) => l.returnLineId === three!.id)).toMatchObject({ expectedQuantity: 3, receivedSoFar: 2 });
    expect(seen.request.parcels).toHaveLength(1);
    expect(seen.request).toMatchObject({ awaitingGoods: true, notAwaiting: null, version: first.version });

    const second = await wh.caller.warehouse.recordParcel({
      requestId: req.requestId,
      version: first.version,
      lines: [
        { returnLineId: three!.id, quantity: 1, condition: "opened", disposition: "restock" },
        { returnLineId: one!.id, quantity: 1, condition: "as_new", disposition: "restock" },
      ],
      close: false,
    });
    expect(second).toMatchObject({ status: "pending_refund", closed: true, outcome: "refund", differences: [] });
    const { parcels } = await parcelsIn(db, req.requestId);
    expect(parcels.map((p) => p.seq)).toEqual([1, 2]);
    const [row] = await db.select().from(returnLines).where(eq(returnLines.id, three!.id));
    expect(row).toMatchObject({ receivedQuantity: 3, condition: "opened" });
    expect((await eventsOf(db, req.requestId)).map((e) => e.action).slice(-3)).toEqual(["record_parcel", "record_parcel", "receive"]);
  });

  it("a first parcel ends cancelling: the goods are in", async () => {
    const req = await awaitingGoods(db, [{ priceFen: 30_00, quantity: 2 }]);
    const first = await wh.caller.warehouse.recordParcel({ requestId: req.requestId, version: req.version, lines: [{ returnLineId: req.lines[0]!.id, quantity: 1, condition: "as_new", disposition: "quarantine" }], close: false });
    const e = await failureOf(req.customer.customer.cancel({ requestId: req.requestId, version: first.version }));
    expect(appCodeOf(e)).toBe("cancel_after_receipt");
  });

  it("a parcel before the customer entered a tracking number: awaiting shipment → in transit, and the parcel's number is the request's", async () => {
    const req = await awaitingGoods(db, [{ priceFen: 30_00, quantity: 2 }], { ship: false });
    expect(req.status).toBe("awaiting_shipment");
    const out = await wh.caller.warehouse.recordParcel({
      requestId: req.requestId,
      version: req.version,
      trackingNo: "YT1234567890123",
      carrier: "yto",
      lines: [{ returnLineId: req.lines[0]!.id, quantity: 1, condition: "as_new", disposition: "restock" }],
      close: false,
    });
    expect(out.status).toBe("in_transit");
    const [row] = await db.select().from(returnRequests).where(eq(returnRequests.id, req.requestId));
    expect(row).toMatchObject({ returnTrackingNo: "YT1234567890123", returnCarrier: "yto", goodsReceived: true });
  });
});

describe("refusals change nothing", () => {
  it("a stale version is a conflict: no parcel, no movement, no event", async () => {
    const req = await awaitingGoods(db, [{ priceFen: 30_00 }]);
    const before = await eventsOf(db, req.requestId);
    const e = await failureOf(wh.caller.warehouse.recordParcel({ requestId: req.requestId, version: req.version - 1, lines: everything(req.lines), close: true }));
    expect(e.code).toBe("CONFLICT");
    expect(appCodeOf(e)).toBe("version_conflict");
    expect(await parcelsIn(db, req.requestId)).toEqual({ parcels: [], lines: [] });
    expect(await movementsOf(db, req.requestId)).toEqual([]);
    expect(await eventsOf(db, req.requestId)).toEqual(before);
  });

  it("more units than the customer is returning, a line of another request, or a line twice are refused per field", async () => {
    const req = await awaitingGoods(db, [{ priceFen: 30_00 }]);
    const other = await awaitingGoods(db, [{ priceFen: 30_00 }]);
    const line = req.lines[0]!;
    const over = await failureOf(wh.caller.warehouse.recordParcel({ requestId: req.requestId, version: req.version, lines: [{ returnLineId: line.id, quantity: 2, condition: "as_new", disposition: "restock" }], close: false }));
    expect(appCodeOf(over)).toBe("parcel_quantity_over");
    expect(over.message).toBe("数量不能超过申请退回的 1 件");
    const foreign = await failureOf(
      wh.caller.warehouse.recordParcel({ requestId: req.requestId, version: req.version, lines: [{ returnLineId: other.lines[0]!.id, quantity: 1, condition: "as_new", disposition: "restock" }], close: false }),
    );
    expect(appCodeOf(foreign)).toBe("parcel_line_invalid");
    const twice = await failureOf(
      wh.caller.warehouse.recordParcel({
        requestId: req.requestId,
        version: req.version,
        lines: [
          { returnLineId: line.id, quantity: 1, condition: "as_new", disposition: "restock" },
          { returnLineId: line.id, quantity: 0, condition: "missing", disposition: "scrap" },
        ],
        close: false,
      }),
    );
    expect(appCodeOf(twice)).toBe("parcel_line_invalid");
    expect(await parcelsIn(db, req.requestId)).toEqual({ parcels: [], lines: [] });
  });

  it("closing a receipt with no parcel is refused", async () => {
    const req = await awaitingGoods(db, [{ priceFen: 30_00 }]);
    expect(appCodeOf(await failureOf(wh.caller.warehouse.closeReceipt({ requestId: req.requestId, version: req.version })))).toBe("receipt_empty");
  });

  it("a request that is not waiting for goods takes no parcel", async () => {
    const req = await awaitingGoods(db, [{ priceFen: 30_00 }]);
    const done = await wh.caller.warehouse.recordParcel({ requestId: req.requestId, version: req.version, lines: everything(req.lines), close: true });
    const e = await failureOf(wh.caller.warehouse.recordParcel({ requestId: req.requestId, version: done.version, lines: everything(req.lines), close: true }));
    expect(appCodeOf(e)).toBe("not_awaiting_goods");
    expect(e.message).toBe("此申请（待退款）不在等待退货，未做任何更改");
    expect((await parcelsIn(db, req.requestId)).parcels).toHaveLength(1);
  });
});

describe("the request screen's one-step receipt", () => {
  it("is one parcel with everything, closed at once, quarantined (no stock movement)", async () => {
    const req = await awaitingGoods(db, [{ priceFen: 30_00, quantity: 2 }]);
    const out = await wh.caller.staff.receive({ requestId: req.requestId, version: req.version, lines: [{ returnLineId: req.lines[0]!.id, receivedQuantity: 2, condition: "as_new" }], comment: "外包装完好" });
    expect(out).toMatchObject({ id: req.requestId, status: "pending_refund", version: req.version + 2 });
    const { parcels, lines } = await parcelsIn(db, req.requestId);
    expect(parcels).toHaveLength(1);
    expect(lines).toMatchObject([{ quantity: 2, condition: "as_new", disposition: "quarantine" }]);
    expect(await movementsOf(db, req.requestId)).toEqual([]);
    expect((await eventsOf(db, req.requestId)).at(-1)).toMatchObject({ action: "receive", comment: "外包装完好" });
  });
});
