/**
 * The Alipay adapter (official alipay-sdk, RSA2, validateSign) against the Alipay sandbox started
 * as its own process: a refund pays once, a retried number never pays twice, a refund above the
 * trade's amount is refused, and the refund query confirms what the ledger holds.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SpawnedAlipaySandbox } from "../../../scripts/sandboxes/spawn-alipay";
import { orderNo, refundNo, sandboxAndGateway } from "../../test/alipay-sandbox";
import type { AlipayRefundGateway } from "./adapter";

let sandbox: SpawnedAlipaySandbox;
let gateway: AlipayRefundGateway;
beforeAll(async () => {
  ({ sandbox, gateway } = await sandboxAndGateway());
}, 30_000);
afterAll(() => sandbox?.stop());

const start = (over: { outRefundNo?: string; orderNo?: string; gatewayTxnId?: string | null; amountFen?: number } = {}) =>
  gateway.start({
    outRefundNo: over.outRefundNo ?? refundNo(),
    orderNo: over.orderNo ?? orderNo(),
    gatewayTxnId: over.gatewayTxnId ?? null,
    amountFen: over.amountFen ?? 1234,
    totalPaidFen: 5000,
    reason: "退货退款",
    notifyUrl: "http://127.0.0.1:9/api/payments/alipay/notify",
  });

describe("Alipay refunds against the sandbox", () => {
  it("pays a refund once: fund_change=Y is success with the amount asked, and the query confirms it", async () => {
    const outRefundNo = refundNo();
    const order = orderNo();
    const answer = await start({ outRefundNo, orderNo: order, amountFen: 1234 });
    expect(answer).toMatchObject({ state: "succeeded", amountFen: 1234 });
    const ledger = (await sandbox.ledger()).filter((e) => e.outRefundNo === outRefundNo);
    expect(ledger).toEqual([expect.objectContaining({ amountFen: 1234, status: "SUCCESS", requests: 1, orderNo: order })]);
    if (answer.state !== "succeeded") throw new Error("unreachable");
    expect(answer.gatewayRefundId).toBe(ledger[0]!.gatewayRefundId);

    const queried = await gateway.query({ outRefundNo, orderNo: order, gatewayTxnId: null });
    expect(queried).toMatchObject({ state: "succeeded", amountFen: 1234, gatewayRefundId: answer.gatewayRefundId });
    if (queried.state === "succeeded") expect(queried.succeededAt).toBeInstanceOf(Date);
  });

  it("a retried refund number pays nothing more: fund_change=N is processing until the query says REFUND_SUCCESS", async () => {
    const outRefundNo = refundNo();
    const order = orderNo();
    expect((await start({ outRefundNo, orderNo: order, amountFen: 999 })).state).toBe("succeeded");
    const retries = await Promise.all([1, 2, 3].map(() => start({ outRefundNo, orderNo: order, amountFen: 999 })));
    for (const r of retries) expect(r.state).toBe("processing");
    expect(await gateway.query({ outRefundNo, orderNo: order, gatewayTxnId: null })).toMatchObject({ state: "succeeded", amountFen: 999 });
    const ledger = (await sandbox.ledger()).filter((e) => e.outRefundNo === outRefundNo);
    expect(ledger).toEqual([expect.objectContaining({ amountFen: 999, status: "SUCCESS", requests: 4 })]);
  });

  it("ten concurrent first calls with one number pay once", async () => {
    const outRefundNo = refundNo();
    const order = orderNo();
    const answers = await Promise.all(Array.from({ length: 10 }, () => start({ outRefundNo, orderNo: order, amountFen: 100 })));
    expect(answers.filter((a) => a.state === "succeeded")).toHaveLength(1);
    expect(answers.filter((a) => a.state === "processing")).toHaveLength(9);
    const ledger = (await sandbox.ledger()).filter((e) => e.outRefundNo === outRefundNo);
    expect(ledger).toHaveLength(1);
    expect(ledger[0]!.requests).toBe(10);
  });

  it("refuses a refund above what the trade has left, with Alipay's code, and pays nothing", async () => {
    const order = orderNo();
    const trade = await sandbox.registerTrade({ outTradeNo: order, totalFen: 5000 });
    expect((await start({ orderNo: order, gatewayTxnId: trade.tradeNo, amountFen: 3000 })).state).toBe("succeeded");
    const outRefundNo = refundNo();
    const answer = await start({ outRefundNo, orderNo: order, gatewayTxnId: trade.tradeNo, amountFen: 2001 });
    expect(answer).toMatchObject({ state: "refused", code: "ACQ.REFUND_AMT_NOT_EQUAL_TOTAL" });
    expect((await sandbox.ledger()).some((e) => e.outRefundNo === outRefundNo)).toBe(false);
    expect(await start({ orderNo: order, gatewayTxnId: trade.tradeNo, amountFen: 2000 })).toMatchObject({ state: "succeeded", amountFen: 2000 });
  });

  it("refuses the same number repeated with another amount (ACQ.DISCORDANT_REPEAT_REQUEST)", async () => {
    const outRefundNo = refundNo();
    const order = orderNo();
    await start({ outRefundNo, orderNo: order, amountFen: 500 });
    expect(await start({ outRefundNo, orderNo: order, amountFen: 501 })).toMatchObject({ state: "refused", code: "ACQ.DISCORDANT_REPEAT_REQUEST" });
  });

  it("a number Alipay never saw is refused by the query (retry it with the same number); an unknown trade is ACQ.TRADE_NOT_EXIST", async () => {
    const order = orderNo();
    await sandbox.registerTrade({ outTradeNo: order, totalFen: 100 });
    expect(await gateway.query({ outRefundNo: refundNo(), orderNo: order, gatewayTxnId: null })).toMatchObject({ state: "refused", code: "REFUND_NOT_FOUND" });
    expect(await gateway.query({ outRefundNo: refundNo(), orderNo: orderNo(), gatewayTxnId: null })).toMatchObject({ state: "refused", code: "ACQ.TRADE_NOT_EXIST" });
  });
});
