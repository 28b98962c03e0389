/**
 * The refund bill (交易账单, bill_type=REFUND) from the sandbox process: the signed tradebill
 * answer gives a download URL and a SHA1, the file is WeChat's backtick CSV, and the adapter turns
 * it into one statement line per refund of that Beijing day.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnWechatPaySandbox, type SpawnedWechatPaySandbox } from "../../../scripts/sandboxes/spawn-wechat-pay";
import { adapterFor, refundFor, settled } from "./sandbox-gateway.test-helpers";

let sandbox: SpawnedWechatPaySandbox;
beforeAll(async () => {
  sandbox = await spawnWechatPaySandbox();
}, 30_000);
afterAll(() => sandbox?.stop());

const beijingDay = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

describe("WeChat Pay refund statement against the sandbox process", () => {
  it("lists the day's refunds with WeChat's refund ids, amounts in fen and statuses", async () => {
    const gw = adapterFor(sandbox.env);
    const a = refundFor({ amountFen: 1999 });
    const b = refundFor({ amountFen: 1 });
    const closed = refundFor({ amountFen: 250 });
    await sandbox.armFault({ mode: "closed", outRefundNo: closed.outRefundNo });
    const answerA = await gw.start(a);
    const answerB = await gw.start(b);
    await gw.start(closed);
    await settled(async () => (await gw.query({ outRefundNo: closed.outRefundNo, orderNo: closed.orderNo, gatewayTxnId: null })).state).toBe("closed");

    // The bill of the Beijing day the sandbox booked them on (not "today", which may have turned).
    const bookedOn = (await sandbox.ledger()).find((e) => e.outRefundNo === a.outRefundNo)!.createdAt;
    const lines = await gw.statement(beijingDay(new Date(bookedOn)));
    const byNo = new Map(lines.map((l) => [l.outRefundNo, l]));
    expect(lines).toHaveLength(3);
    expect(byNo.get(a.outRefundNo)).toMatchObject({ orderNo: a.orderNo, amountFen: 1999, status: "SUCCESS", gatewayRefundId: answerA.state === "succeeded" ? answerA.gatewayRefundId : "?" });
    expect(byNo.get(b.outRefundNo)).toMatchObject({ amountFen: 1, status: "SUCCESS", gatewayRefundId: answerB.state === "succeeded" ? answerB.gatewayRefundId : "?" });
    expect(byNo.get(closed.outRefundNo)).toMatchObject({ amountFen: 250, status: "REFUNDCLOSE" });
    for (const l of lines) expect(Math.abs(l.at.getTime() - Date.now())).toBeLessThan(3600_000);
  });

  it("a day without refunds has no bill (NO_STATEMENT_EXIST) and an empty statement", async () => {
    expect(await adapterFor(sandbox.env).statement("2020-01-01")).toEqual([]);
  });

  it("a tradebill answer that cannot be trusted is an error, not an empty statement", async () => {
    await expect(adapterFor(sandbox.env, { WECHATPAY_PLATFORM_KEY_ID: "PUB_KEY_ID_OTHER" }).statement(beijingDay(new Date()))).rejects.toThrow(/unknown key/);
  });
});
