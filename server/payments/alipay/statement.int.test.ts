/**
 * The day's trade bill through the adapter: alipay.data.dataservice.bill.downloadurl.query, then
 * the download (a zip of GBK CSV files, as Alipay serves it), parsed into the refunds paid that
 * Beijing day — and only those (a refund that never paid is not in it).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SpawnedAlipaySandbox } from "../../../scripts/sandboxes/spawn-alipay";
import { orderNo, refundNo, sandboxAndGateway } from "../../test/alipay-sandbox";
import type { AlipayRefundGateway } from "./adapter";
import { beijingDay } from "./beijing-time";

let sandbox: SpawnedAlipaySandbox;
let gateway: AlipayRefundGateway;
beforeAll(async () => {
  ({ sandbox, gateway } = await sandboxAndGateway());
}, 30_000);
afterAll(() => sandbox?.stop());

describe("Alipay statement (trade bill)", () => {
  it("lists each refund paid today with its number, trade, order and exact amount", async () => {
    const order = orderNo();
    const trade = await sandbox.registerTrade({ outTradeNo: order, totalFen: 100_000, subject: "连衣裙, 红色" });
    const paid = [
      { outRefundNo: refundNo(), amountFen: 1 },
      { outRefundNo: refundNo(), amountFen: 12_345 },
      { outRefundNo: refundNo(), amountFen: 50_000 },
    ];
    for (const p of paid) {
      const a = await gateway.start({ ...p, orderNo: order, gatewayTxnId: trade.tradeNo, totalPaidFen: 100_000, reason: "退货, 尺码不合", notifyUrl: "http://127.0.0.1:9/" });
      expect(a.state).toBe("succeeded");
    }
    const neverPaid = refundNo();
    await sandbox.armFault({ mode: "closed", outRefundNo: neverPaid });
    await gateway.start({ outRefundNo: neverPaid, orderNo: order, gatewayTxnId: null, amountFen: 700, totalPaidFen: 100_000, reason: "", notifyUrl: "http://127.0.0.1:9/" });

    const lines = await gateway.statement(beijingDay(new Date()));
    const ours = lines.filter((l) => l.orderNo === order);
    expect(ours.map((l) => [l.outRefundNo, l.amountFen]).sort()).toEqual(paid.map((p) => [p.outRefundNo, p.amountFen]).sort());
    for (const l of ours) {
      expect(l).toMatchObject({ gatewayRefundId: trade.tradeNo, status: "SUCCESS" });
      expect(Math.abs(l.at.getTime() - Date.now())).toBeLessThan(3600_000);
    }
    expect(lines.some((l) => l.outRefundNo === neverPaid)).toBe(false);
  });

  it("another day's bill holds none of today's refunds", async () => {
    await gateway.start({ outRefundNo: refundNo(), orderNo: orderNo(), gatewayTxnId: null, amountFen: 100, totalPaidFen: 100, reason: "", notifyUrl: "http://127.0.0.1:9/" });
    expect(await gateway.statement("2020-01-01")).toEqual([]);
  });

  it("a day that is not a day is refused before any call", async () => {
    await expect(gateway.statement("2026-11")).rejects.toThrow(/not a day/);
  });
});
