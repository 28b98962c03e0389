/**
 * Finance's refund actions through the API (docs/decisions/024-finance-refund-actions.md): lower
 * the amount with a reason (four-eyes restarts after the first signature), retry a failed or closed
 * refund, record an offline refund with a reference and a receipt. Each allowed and refused per
 * role and state; the reservation on the order is held exactly once; a double submit has one effect.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { asc, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { orders, refundReceipts, refunds } from "../../../../db/schema";
import type { Context } from "../../../api/context";
import { serveReceipt, uploadReceipt } from "../../../api/refund-receipt-routes";
import type { PaymentMethod } from "../../../domain/vocabulary";
import type { RefundGateway, RefundOrder, RefundOutcome } from "../../../payments/gateway";
import { SimulatedGateway } from "../../../payments/simulated-gateway";
import { noisyJpeg } from "../../../photos/test-images";
import { LocalDiskStorage } from "../../../storage";
import { createTestDatabase } from "../../../test/db";
import { appCodeOf, failureOf, makeOrder, staffCaller, submitFor, testContext, type Made } from "../../../test/fixtures";

const { db } = await createTestDatabase();
const dir = mkdtempSync(path.join(os.tmpdir(), "receipts-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const storage = new LocalDiskStorage(dir);
const HOST = "shop.test";

/** A gateway that answers the first calls as told, then pays like the simulated one; handles only the given methods. */
class ScriptedGateway implements RefundGateway {
  readonly seen: RefundOrder[] = [];
  private readonly inner = new SimulatedGateway();
  constructor(
    private script: RefundOutcome["status"][] = [],
    private methods: PaymentMethod[] = ["alipay", "wechat_pay"],
  ) {}
  handles(method: PaymentMethod) {
    return this.methods.includes(method);
  }
  async refund(order: RefundOrder): Promise<RefundOutcome> {
    this.seen.push(order);
    const next = this.script.shift();
    if (next === "failed") return { status: "failed", reason: "余额不足" };
    if (next === "pending") return { status: "pending" };
    return this.inner.refund(order);
  }
  get payouts() {
    return this.inner.payouts;
  }
}

const orderOf = async (made: Made) => (await db.select().from(orders).where(eq(orders.id, made.order.id)))[0]!;
const refundsOf = (requestId: string) => db.select().from(refunds).where(eq(refunds.requestId, requestId)).orderBy(asc(refunds.createdAt), asc(refunds.outRefundNo));

/** A refund-only request approved by customer service (and operations over ¥200): waiting for finance. */
async function awaitingFinance(priceFen: number, method: PaymentMethod = "alipay") {
  const made = await makeOrder(db, [{ priceFen }]);
  if (method !== "alipay") await db.update(orders).set({ paymentMethod: method }).where(eq(orders.id, made.order.id));
  const s = await submitFor(db, made, "refund_only");
  const cs = await staffCaller(db, "customer_service");
  await cs.caller.staff.approve({ requestId: s.res.id, version: (await s.read()).version });
  if ((await s.read()).status === "pending_ops_review") {
    const ops = await staffCaller(db, "operations_manager");
    await ops.caller.staff.approve({ requestId: s.res.id, version: (await s.read()).version });
  }
  return { made, s, id: s.res.id, version: async () => (await s.read()).version };
}

/** A receipt image uploaded by `staff` through the route, as the dialog does. */
async function receiptBy(staff: Context["staff"]): Promise<string> {
  const form = new FormData();
  form.append("photo", new Blob([new Uint8Array(await noisyJpeg(400, 300))], { type: "image/jpeg" }), "receipt.jpg");
  const req = new Request(`http://${HOST}/api/staff/refund-receipts`, { method: "POST", body: form, headers: { host: HOST, origin: `http://${HOST}` } });
  const res = await uploadReceipt(req, testContext(db, { staff }), storage);
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

describe("lowering the amount", () => {
  it("finance lowers it with a reason; the history keeps it, and the refund pays the lowered amount", async () => {
    const r = await awaitingFinance(150_00);
    const gateway = new ScriptedGateway();
    const fin = await staffCaller(db, "finance", { gateway });
    await fin.caller.refunds.lower({ requestId: r.id, version: await r.version(), amountFen: 120_00, comment: "包装缺失，少退 30 元" });
    const view = await r.s.read();
    expect(view.status).toBe("pending_refund");
    expect(view.timeline.at(-1)).toMatchObject({ action: "lower_refund" });
    const panel = await fin.caller.refunds.panel({ id: r.id });
    expect(panel).toMatchObject({ computedFen: 150_00, totalFen: 120_00, toPayFen: 120_00 });
    expect(panel.deductions).toEqual([expect.objectContaining({ action: "lower_refund", deductionFen: 30_00, amountAfterFen: 120_00, comment: "包装缺失，少退 30 元" })]);

    await fin.caller.staff.refund({ requestId: r.id, version: await r.version() });
    expect(gateway.seen.map((o) => o.amountFen)).toEqual([120_00]);
    expect((await orderOf(r.made)).refundedFen).toBe(120_00);
  });

  it("never raises it, never to ¥0, never without a reason (field errors in the user's language)", async () => {
    const r = await awaitingFinance(80_00);
    const fin = await staffCaller(db, "finance", { locale: "en" });
    const version = await r.version();
    const same = await failureOf(fin.caller.refunds.lower({ requestId: r.id, version, amountFen: 80_00, comment: "x" }));
    expect(appCodeOf(same)).toBe("refund_amount_not_lower");
    expect(same.message).toContain("¥80.00");
    expect(appCodeOf(await failureOf(fin.caller.refunds.lower({ requestId: r.id, version, amountFen: 90_00, comment: "x" })))).toBe("refund_amount_not_lower");
    const zero = await failureOf(fin.caller.refunds.lower({ requestId: r.id, version, amountFen: 0, comment: "x" }));
    expect(zero.code).toBe("BAD_REQUEST");
    const noReason = await failureOf(fin.caller.refunds.lower({ requestId: r.id, version, amountFen: 10_00, comment: " " }));
    expect(noReason.code).toBe("BAD_REQUEST");
    expect((await r.s.read()).version).toBe(version);
  });

  it("after the first of two finance signatures, a lower amount restarts the four-eyes approval", async () => {
    const r = await awaitingFinance(2500_00);
    expect((await r.s.read()).status).toBe("pending_refund_approval");
    const first = await staffCaller(db, "finance");
    const second = await staffCaller(db, "finance");
    await first.caller.staff.approveRefund({ requestId: r.id, version: await r.version() });
    expect((await r.s.read()).status).toBe("pending_refund");

    await second.caller.refunds.lower({ requestId: r.id, version: await r.version(), amountFen: 2400_00, comment: "少退配件" });
    const view = await second.caller.staff.request({ id: r.id });
    expect(view.request.status).toBe("pending_refund_approval");
    expect(view.request.refundApprovedBy).toBeNull();
    expect(view.timeline.at(-1)).toMatchObject({ action: "lower_refund", fromStatus: "pending_refund", toStatus: "pending_refund_approval" });
    // The second signer cannot pay on the first signature any more; two signatures again.
    expect(appCodeOf(await failureOf(second.caller.staff.refund({ requestId: r.id, version: await r.version() })))).toBe("invalid_transition");
    await first.caller.staff.approveRefund({ requestId: r.id, version: await r.version() });
    expect(appCodeOf(await failureOf(first.caller.staff.refund({ requestId: r.id, version: await r.version() })))).toBe("four_eyes_required");
    await second.caller.staff.refund({ requestId: r.id, version: await r.version() });
    expect((await r.s.read()).status).toBe("completed");
    expect((await orderOf(r.made)).refundedFen).toBe(2400_00);
  });

  it("only finance lowers; the store manager reads the panel but may not act", async () => {
    const r = await awaitingFinance(60_00);
    const version = await r.version();
    for (const role of ["customer_service", "operations_manager", "warehouse", "admin"] as const) {
      const { caller } = await staffCaller(db, role);
      expect((await failureOf(caller.refunds.lower({ requestId: r.id, version, amountFen: 10_00, comment: "x" }))).code).toBe("FORBIDDEN");
    }
    const admin = await staffCaller(db, "admin");
    const panel = await admin.caller.refunds.panel({ id: r.id });
    expect(panel.actions).toEqual({ lower: false, retryRefundId: null, recordOffline: false });
    const cs = await staffCaller(db, "customer_service");
    expect((await failureOf(cs.caller.refunds.panel({ id: r.id }))).code).toBe("FORBIDDEN");
  });
});

describe("retrying a refund", () => {
  it("a failed refund is retried under the same record and number, paid once, reserved once", async () => {
    const r = await awaitingFinance(66_00);
    const gateway = new ScriptedGateway(["failed"]);
    const fin = await staffCaller(db, "finance", { gateway });
    await fin.caller.staff.refund({ requestId: r.id, version: await r.version() });
    const [failed] = await refundsOf(r.id);
    expect(failed).toMatchObject({ status: "failed" });
    expect((await orderOf(r.made)).refundedFen).toBe(0);
    const panel = await fin.caller.refunds.panel({ id: r.id });
    expect(panel.actions.retryRefundId).toBe(failed!.id);

    await fin.caller.refunds.retry({ requestId: r.id, version: await r.version(), refundId: failed!.id });
    const all = await refundsOf(r.id);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ id: failed!.id, status: "succeeded", outRefundNo: failed!.outRefundNo });
    expect(gateway.seen.map((o) => o.outRefundNo)).toEqual([failed!.outRefundNo, failed!.outRefundNo]);
    expect(gateway.payouts).toBe(1);
    expect((await orderOf(r.made)).refundedFen).toBe(66_00);
    expect((await r.s.read()).timeline.map((e) => e.action).slice(-2)).toEqual(["retry_refund", "refund_succeeded"]);
  });

  it("after the gateway CLOSED a number, the retry gets a new recorded number that says which one it replaces", async () => {
    const r = await awaitingFinance(70_00);
    const gateway = new ScriptedGateway(["failed"]);
    const fin = await staffCaller(db, "finance", { gateway });
    await fin.caller.staff.refund({ requestId: r.id, version: await r.version() });
    // The gateway's CLOSED answer, as the reconciler records it: nothing paid, reservation released.
    await db.update(refunds).set({ status: "closed" }).where(eq(refunds.requestId, r.id));
    const [closed] = await refundsOf(r.id);

    await fin.caller.refunds.retry({ requestId: r.id, version: await r.version(), refundId: closed!.id });
    const all = await refundsOf(r.id);
    expect(all).toHaveLength(2);
    const fresh = all.find((f) => f.id !== closed!.id)!;
    expect(fresh).toMatchObject({ status: "succeeded", replacesRefundId: closed!.id, outRefundNo: `RF${r.s.res.rmaNo}-2`, amountFen: 70_00 });
    expect(all.find((f) => f.id === closed!.id)).toMatchObject({ status: "closed" });
    expect(gateway.seen.map((o) => o.outRefundNo)).toEqual([closed!.outRefundNo, fresh.outRefundNo]);
    expect((await orderOf(r.made)).refundedFen).toBe(70_00);
    const panel = await fin.caller.refunds.panel({ id: r.id });
    expect(panel.refunds.find((f) => f.id === closed!.id)?.replacedById).toBe(fresh.id);
  });

  it("is refused for a refund that is paid or still on its way, and for other roles", async () => {
    const r = await awaitingFinance(50_00);
    const gateway = new ScriptedGateway(["pending"]);
    const fin = await staffCaller(db, "finance", { gateway });
    await fin.caller.staff.refund({ requestId: r.id, version: await r.version() });
    const [onItsWay] = await refundsOf(r.id);
    expect(appCodeOf(await failureOf(fin.caller.refunds.retry({ requestId: r.id, version: await r.version(), refundId: onItsWay!.id })))).toBe("refund_not_retryable");
    const cs = await staffCaller(db, "customer_service");
    expect((await failureOf(cs.caller.refunds.retry({ requestId: r.id, version: await r.version(), refundId: onItsWay!.id }))).code).toBe("FORBIDDEN");
    expect((await orderOf(r.made)).refundedFen).toBe(50_00);
  });

  it("two finance users retrying at once: one retry, one payout", async () => {
    const r = await awaitingFinance(40_00);
    const gateway = new ScriptedGateway(["failed"]);
    const a = await staffCaller(db, "finance", { gateway });
    const b = await staffCaller(db, "finance", { gateway });
    await a.caller.staff.refund({ requestId: r.id, version: await r.version() });
    const [failed] = await refundsOf(r.id);
    const version = await r.version();
    const results = await Promise.allSettled([
      a.caller.refunds.retry({ requestId: r.id, version, refundId: failed!.id }),
      b.caller.refunds.retry({ requestId: r.id, version, refundId: failed!.id }),
    ]);
    expect(results.filter((x) => x.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((x) => x.status === "rejected") as PromiseRejectedResult;
    expect(appCodeOf(refused.reason)).toBe("version_conflict");
    expect(gateway.payouts).toBe(1);
    expect((await orderOf(r.made)).refundedFen).toBe(40_00);
  });
});

describe("recording an offline refund", () => {
  it("an abnormal refund resolved offline keeps its one reservation and completes the request, with the receipt attached", async () => {
    const r = await awaitingFinance(88_00);
    const fin = await staffCaller(db, "finance", { gateway: new ScriptedGateway(["pending"]) });
    await fin.caller.staff.refund({ requestId: r.id, version: await r.version() });
    // The gateway's ABNORMAL answer (paid to a closed bank account): nothing arrived, the amount stays reserved.
    await db.update(refunds).set({ status: "abnormal", lastAnswer: { state: "abnormal", code: "ABNORMAL", at: new Date().toISOString() } }).where(eq(refunds.requestId, r.id));
    expect((await orderOf(r.made)).refundedFen).toBe(88_00);
    expect((await fin.caller.refunds.panel({ id: r.id })).actions).toMatchObject({ recordOffline: true, retryRefundId: null });

    const receiptId = await receiptBy(fin.staff);
    await fin.caller.refunds.recordOffline({ requestId: r.id, version: await r.version(), reference: "CMB20261129-0042", method: "bank_transfer", receiptId });
    expect((await r.s.read()).status).toBe("completed");
    expect((await orderOf(r.made)).refundedFen).toBe(88_00);
    const all = await refundsOf(r.id);
    const offline = all.find((f) => f.channel === "offline")!;
    expect(offline).toMatchObject({ status: "succeeded", amountFen: 88_00, offlineReference: "CMB20261129-0042", offlineMethod: "bank_transfer", createdBy: fin.staff.id });
    expect(all.find((f) => f.id !== offline.id)).toMatchObject({ status: "failed", failureReason: "resolved_offline" });
    expect(offline.replacesRefundId).toBe(all.find((f) => f.id !== offline.id)!.id);
    const [receipt] = await db.select().from(refundReceipts).where(eq(refundReceipts.id, receiptId));
    expect(receipt!.refundId).toBe(offline.id);
    expect((await r.s.read()).timeline.at(-1)).toMatchObject({ action: "record_offline_refund", toStatus: "completed" });

    // The receipt is served to finance and the store manager, to nobody else.
    const get = async (staff: Context["staff"]) =>
      (await serveReceipt(new Request(`http://${HOST}/api/staff/refund-receipts/${receiptId}`, { headers: { host: HOST } }), testContext(db, { staff }), storage, receiptId)).status;
    expect(await get((await staffCaller(db, "admin")).staff)).toBe(200);
    expect(await get((await staffCaller(db, "finance")).staff)).toBe(200);
    expect(await get((await staffCaller(db, "customer_service")).staff)).toBe(404);
    expect(await get(null)).toBe(401);
  });

  it("a failed refund recorded offline reserves the amount once more (the failure released it)", async () => {
    const r = await awaitingFinance(30_00);
    const fin = await staffCaller(db, "finance", { gateway: new ScriptedGateway(["failed"]) });
    await fin.caller.staff.refund({ requestId: r.id, version: await r.version() });
    expect((await orderOf(r.made)).refundedFen).toBe(0);
    await fin.caller.refunds.recordOffline({ requestId: r.id, version: await r.version(), reference: "现金收据 007", method: "cash", receiptId: await receiptBy(fin.staff) });
    expect((await orderOf(r.made)).refundedFen).toBe(30_00);
    expect((await r.s.read()).status).toBe("completed");
  });

  it("an order paid with a method no gateway handles (UnionPay) is refunded offline from the start; one with a gateway is not", async () => {
    const gateway = new ScriptedGateway([], ["alipay"]);
    const union = await awaitingFinance(45_00, "unionpay");
    const fin = await staffCaller(db, "finance", { gateway });
    expect((await fin.caller.refunds.panel({ id: union.id })).actions.recordOffline).toBe(true);
    await fin.caller.refunds.recordOffline({ requestId: union.id, version: await union.version(), reference: "UP-1", method: "bank_transfer", receiptId: await receiptBy(fin.staff) });
    expect((await orderOf(union.made)).refundedFen).toBe(45_00);
    expect(await refundsOf(union.id)).toEqual([expect.objectContaining({ channel: "offline", status: "succeeded", replacesRefundId: null, outRefundNo: `RF${union.s.res.rmaNo}-1` })]);

    const alipay = await awaitingFinance(45_00);
    const e = await failureOf(fin.caller.refunds.recordOffline({ requestId: alipay.id, version: await alipay.version(), reference: "X", method: "cash", receiptId: await receiptBy(fin.staff) }));
    expect(appCodeOf(e)).toBe("offline_refund_not_allowed");
    expect((await orderOf(alipay.made)).refundedFen).toBe(0);
  });

  it("needs a reference, a method and the uploader's own unused receipt", async () => {
    const r = await awaitingFinance(20_00, "unionpay");
    const fin = await staffCaller(db, "finance", { gateway: new ScriptedGateway([], ["alipay"]) });
    const other = await staffCaller(db, "finance");
    const version = await r.version();
    const someoneElses = await receiptBy(other.staff);
    expect((await failureOf(fin.caller.refunds.recordOffline({ requestId: r.id, version, reference: "", method: "cash", receiptId: someoneElses }))).code).toBe("BAD_REQUEST");
    expect(appCodeOf(await failureOf(fin.caller.refunds.recordOffline({ requestId: r.id, version, reference: "R-1", method: "cash", receiptId: someoneElses })))).toBe("receipt_unavailable");
    expect(await refundsOf(r.id)).toHaveLength(0);
    expect((await orderOf(r.made)).refundedFen).toBe(0);
    // Customer service may not even upload a receipt.
    const cs = await staffCaller(db, "customer_service");
    const form = new FormData();
    form.append("photo", new Blob([new Uint8Array(await noisyJpeg(40, 30))], { type: "image/jpeg" }), "r.jpg");
    const res = await uploadReceipt(new Request(`http://${HOST}/x`, { method: "POST", body: form, headers: { host: HOST, origin: `http://${HOST}` } }), testContext(db, { staff: cs.staff }), storage);
    expect(res.status).toBe(403);
  });

  it("a double submit records one offline refund", async () => {
    const r = await awaitingFinance(25_00, "unionpay");
    const gateway = new ScriptedGateway([], ["alipay"]);
    const a = await staffCaller(db, "finance", { gateway });
    const version = await r.version();
    const input = { requestId: r.id, version, reference: "UP-2", method: "bank_transfer" as const };
    const [ra, rb] = [await receiptBy(a.staff), await receiptBy(a.staff)];
    const results = await Promise.allSettled([a.caller.refunds.recordOffline({ ...input, receiptId: ra }), a.caller.refunds.recordOffline({ ...input, receiptId: rb })]);
    expect(results.filter((x) => x.status === "fulfilled")).toHaveLength(1);
    expect(await refundsOf(r.id)).toHaveLength(1);
    expect((await orderOf(r.made)).refundedFen).toBe(25_00);
  });
});

describe("finance's queue flags refunds that need a person", () => {
  it("a failed, abnormal or stuck refund is flagged, counted and filtered; a fresh one is not", async () => {
    const gateway = new ScriptedGateway(["failed", "pending", "pending", "pending"]);
    const fin = await staffCaller(db, "finance", { gateway });
    const make = async () => {
      const r = await awaitingFinance(12_00);
      await fin.caller.staff.refund({ requestId: r.id, version: await r.version() });
      return r;
    };
    const failed = await make();
    const abnormal = await make();
    await db.update(refunds).set({ status: "abnormal" }).where(eq(refunds.requestId, abnormal.id));
    const stuck = await make();
    await db.update(refunds).set({ status: "processing", updatedAt: new Date(Date.now() - 31 * 60_000) }).where(eq(refunds.requestId, stuck.id));
    const fresh = await make();
    const before = (await fin.caller.staff.queueCounts()).attention!;

    const page = await fin.caller.staff.queue({ attention: true, limit: 100 });
    const flags = new Map(page.items.map((i) => [i.id, i.refundFlag]));
    expect(flags.get(failed.id)).toBe("failed");
    expect(flags.get(abnormal.id)).toBe("abnormal");
    expect(flags.get(stuck.id)).toBe("stuck");
    expect(flags.has(fresh.id)).toBe(false);
    expect((await fin.caller.staff.queue({ limit: 100 })).items.find((i) => i.id === fresh.id)?.refundFlag).toBeNull();
    expect(before).toBeGreaterThanOrEqual(3);

    // Settled offline: no longer needs anyone.
    await fin.caller.refunds.recordOffline({ requestId: abnormal.id, version: await abnormal.version(), reference: "B-1", method: "bank_transfer", receiptId: await receiptBy(fin.staff) });
    expect((await fin.caller.staff.queueCounts()).attention).toBe(before - 1);
    // Other roles get no refund count.
    expect((await (await staffCaller(db, "customer_service")).caller.staff.queueCounts()).attention).toBeNull();
  });
});

describe("the customer's view of the refund", () => {
  it("says being handled / done, with amount, method and the gateway's reference, never the failure text", async () => {
    const r = await awaitingFinance(33_00);
    expect((await r.s.read()).refund).toBeNull();
    const gateway = new ScriptedGateway(["failed"]);
    const fin = await staffCaller(db, "finance", { gateway });
    await fin.caller.staff.refund({ requestId: r.id, version: await r.version() });
    const failing = await r.s.read();
    expect(failing.refund).toMatchObject({ state: "being_handled", amountFen: 33_00, reference: null });
    expect(JSON.stringify(failing)).not.toContain("余额不足");

    await fin.caller.refunds.retry({ requestId: r.id, version: await r.version(), refundId: (await refundsOf(r.id))[0]!.id });
    const done = await r.s.read();
    const [paid] = await refundsOf(r.id);
    expect(done.refund).toMatchObject({ state: "done", amountFen: 33_00, method: "alipay", reference: paid!.gatewayRefundId });
    expect(paid!.gatewayRefundId).toBeTruthy();
    expect(done.timeline.map((e) => e.action)).toContain("retry_refund");
  });
});
