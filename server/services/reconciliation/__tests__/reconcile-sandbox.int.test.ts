/**
 * Reconciliation against the gateways' real statements: the WeChat Pay sandbox runs as its own
 * process (and so does the Alipay one), refunds are paid through the real adapters, our records are written as the refund flow
 * leaves them, and the day's bill is downloaded and compared. First everything matches; then a
 * refund the gateway paid that we have no record of, and an amount changed in our database,
 * show up as differences.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SpawnedAlipaySandbox } from "../../../../scripts/sandboxes/spawn-alipay";
import { spawnWechatPaySandbox, type SpawnedWechatPaySandbox } from "../../../../scripts/sandboxes/spawn-wechat-pay";
import { refunds } from "../../../../db/schema";
import { beijingDay } from "../../../domain/reconciliation";
import type { GatewayAnswer, RefundGateway } from "../../../payments/refund-gateway";
import { adapterFor } from "../../../payments/wechat-pay/sandbox-gateway.test-helpers";
import { sandboxAndGateway } from "../../../test/alipay-sandbox";
import { createTestDatabase } from "../../../test/db";
import { reconcileDay } from "../reconcile-day";
import { insertRefund, requestForRefunds } from "./refund-rows";

const { db } = await createTestDatabase();

let wechat: SpawnedWechatPaySandbox;
let alipay: SpawnedAlipaySandbox;
let alipayGateway: RefundGateway;
beforeAll(async () => {
  [wechat, { sandbox: alipay, gateway: alipayGateway }] = await Promise.all([spawnWechatPaySandbox(), sandboxAndGateway()]);
}, 30_000);
afterAll(async () => {
  await wechat?.stop();
  await alipay?.stop();
});

const paidAmount = (a: GatewayAnswer) => {
  if (a.state !== "succeeded") throw new Error(`the sandbox did not pay: ${JSON.stringify(a)}`);
  return a;
};

describe("WeChat Pay: our refunds against the sandbox's refund bill", () => {
  it("all match; then a payout we have no record of and an amount changed here are listed", async () => {
    const gateway: RefundGateway = adapterFor(wechat.env);
    const statements = () => gateway;
    const made: { outRefundNo: string; amountFen: number }[] = [];
    // Three requests, each refunded through the sandbox and recorded as the refund flow records it.
    for (const amountFen of [19_90, 1, 123_45]) {
      const r = await requestForRefunds(db, 200_00);
      const outRefundNo = `RF${r.rmaNo}-1`;
      const answer = paidAmount(await gateway.start({ outRefundNo, orderNo: r.orderNo, gatewayTxnId: r.gatewayTxnId, amountFen, totalPaidFen: 200_00, reason: "退货退款", notifyUrl: "http://127.0.0.1:9/api/payments/wechat-pay/notify" }));
      const booked = (await wechat.ledger()).find((e) => e.outRefundNo === outRefundNo)!;
      await insertRefund(db, { ...r, outRefundNo, amountFen, channel: "wechat_pay", gatewayRefundId: answer.gatewayRefundId, createdAt: new Date(booked.createdAt), succeededAt: answer.succeededAt ?? new Date(booked.createdAt) });
      made.push({ outRefundNo, amountFen });
    }
    // The Beijing day the sandbox booked them on (not "today", which may have turned meanwhile).
    const day = beijingDay(new Date((await wechat.ledger()).find((e) => e.outRefundNo === made[0]!.outRefundNo)!.createdAt));

    const matched = await reconcileDay(db, day, "wechat_pay", statements);
    expect(matched.statement).toBe("compared");
    expect(matched.result.differences).toEqual([]);
    expect(matched.result.ourTotalFen).toBe(19_90 + 1 + 123_45);
    expect(matched.result.gatewayTotalFen).toBe(matched.result.ourTotalFen);
    expect(matched.rows.filter((x) => made.some((m) => m.outRefundNo === x.outRefundNo)).every((x) => x.gatewayRefundId && x.differences.length === 0)).toBe(true);

    // The gateway pays a number we never recorded (a refund made by hand in the merchant platform, say)…
    const stranger = `RFMANUAL${Date.now().toString(36)}-1`;
    paidAmount(await gateway.start({ outRefundNo: stranger, orderNo: "SOMANUAL1", gatewayTxnId: null, amountFen: 7_00, totalPaidFen: 100_00, reason: "手工退款", notifyUrl: "http://127.0.0.1:9/x" }));
    // …and someone changes an amount in our database.
    await db.update(refunds).set({ amountFen: 20_00 }).where(eq(refunds.outRefundNo, made[0]!.outRefundNo));

    const after = await reconcileDay(db, day, "wechat_pay", statements);
    expect(after.result.differences.map((d) => [d.kind, d.outRefundNo, d.ours?.amountFen ?? null, d.gateway?.amountFen ?? null]).sort()).toEqual(
      [
        ["amount_differs", made[0]!.outRefundNo, 20_00, 19_90],
        ["missing_here", stranger, null, 7_00],
      ].sort(),
    );
    expect(after.result.gatewayTotalFen - after.result.ourTotalFen).toBe(7_00 - 10);
    expect(after.rows.find((x) => x.outRefundNo === stranger)).toMatchObject({ rmaNo: null, status: "SUCCESS", differences: ["missing_here"] });
  });

  it("a refund the gateway closed shows as a status difference when we say it succeeded", async () => {
    const gateway = adapterFor(wechat.env);
    const r = await requestForRefunds(db, 50_00);
    const outRefundNo = `RF${r.rmaNo}-1`;
    await wechat.armFault({ mode: "closed", outRefundNo });
    await gateway.start({ outRefundNo, orderNo: r.orderNo, gatewayTxnId: null, amountFen: 10_00, totalPaidFen: 50_00, reason: "退货退款", notifyUrl: "http://127.0.0.1:9/x" });
    await expect.poll(async () => (await gateway.query({ outRefundNo, orderNo: r.orderNo, gatewayTxnId: null })).state).toBe("closed");
    const booked = (await wechat.ledger()).find((e) => e.outRefundNo === outRefundNo)!;
    // Our record wrongly says succeeded.
    await insertRefund(db, { ...r, outRefundNo, amountFen: 10_00, channel: "wechat_pay", createdAt: new Date(booked.createdAt) });
    const result = await reconcileDay(db, beijingDay(new Date(booked.createdAt)), "wechat_pay", () => gateway);
    expect(result.result.differences.filter((d) => d.outRefundNo === outRefundNo)).toEqual([{ kind: "status_differs", outRefundNo, ours: { amountFen: 10_00, status: "succeeded" }, gateway: { amountFen: 10_00, status: "REFUNDCLOSE", lines: 1 } }]);
  });
});

describe("Alipay: our refunds against the sandbox's trade bill", () => {
  it("all match; then a payout we have no record of and an amount changed here are listed", async () => {
    const statements = () => alipayGateway;
    const made: { outRefundNo: string; amountFen: number }[] = [];
    for (const amountFen of [88_00, 5]) {
      const r = await requestForRefunds(db, 200_00);
      const outRefundNo = `RF${r.rmaNo}-1`;
      const answer = paidAmount(await alipayGateway.start({ outRefundNo, orderNo: r.orderNo, gatewayTxnId: r.gatewayTxnId, amountFen, totalPaidFen: 200_00, reason: "退货退款", notifyUrl: "http://127.0.0.1:9/api/payments/alipay/notify" }));
      const booked = (await alipay.ledger()).find((e) => e.outRefundNo === outRefundNo)!;
      await insertRefund(db, { ...r, outRefundNo, amountFen, gatewayRefundId: answer.gatewayRefundId, createdAt: new Date(booked.createdAt), succeededAt: answer.succeededAt ?? new Date(booked.createdAt) });
      made.push({ outRefundNo, amountFen });
    }
    const day = beijingDay(new Date((await alipay.ledger()).find((e) => e.outRefundNo === made[0]!.outRefundNo)!.createdAt));

    const matched = await reconcileDay(db, day, "alipay", statements);
    expect(matched.result.differences).toEqual([]);
    expect(matched.result.ourTotalFen).toBe(88_05);
    expect(matched.result.gatewayTotalFen).toBe(88_05);

    const stranger = `RFMANUAL${Date.now().toString(36)}-1`;
    paidAmount(await alipayGateway.start({ outRefundNo: stranger, orderNo: "SOMANUAL2", gatewayTxnId: null, amountFen: 3_00, totalPaidFen: 100_00, reason: "手工退款", notifyUrl: "http://127.0.0.1:9/x" }));
    await db.update(refunds).set({ amountFen: 6 }).where(eq(refunds.outRefundNo, made[1]!.outRefundNo));

    const after = await reconcileDay(db, day, "alipay", statements);
    expect(after.result.differences.map((d) => [d.kind, d.outRefundNo, d.ours?.amountFen ?? null, d.gateway?.amountFen ?? null]).sort()).toEqual(
      [
        ["amount_differs", made[1]!.outRefundNo, 6, 5],
        ["missing_here", stranger, null, 3_00],
      ].sort(),
    );
  });
});
