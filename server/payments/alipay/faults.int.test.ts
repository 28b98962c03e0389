/**
 * Each fault mode of the sandbox (scripts/sandboxes/pay-faults.ts) as the Alipay adapter sees it:
 * what the refund call answers, what the query answers afterwards, what the ledger paid, and
 * which notifications arrive at our notify URL (verified by the adapter itself).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SpawnedAlipaySandbox } from "../../../scripts/sandboxes/spawn-alipay";
import { eventually, notifyReceiver, orderNo, refundNo, sandboxAndGateway, type NotifyReceiver } from "../../test/alipay-sandbox";
import type { AlipayRefundGateway } from "./adapter";

let sandbox: SpawnedAlipaySandbox;
let gateway: AlipayRefundGateway;
let receiver: NotifyReceiver;
beforeAll(async () => {
  // The `timeout` fault holds the call until the adapter gives up: short, but long enough for a busy machine.
  ({ sandbox, gateway } = await sandboxAndGateway(4000));
  receiver = await notifyReceiver(gateway);
}, 30_000);
afterAll(async () => {
  await receiver?.close();
  await sandbox?.stop();
});

function refund(amountFen = 800) {
  const r = { outRefundNo: refundNo(), orderNo: orderNo(), gatewayTxnId: null, amountFen };
  return {
    ...r,
    start: () => gateway.start({ ...r, totalPaidFen: 10_000, reason: "质量问题", notifyUrl: receiver.url }),
    query: () => gateway.query(r),
    paid: async () => (await sandbox.ledger()).filter((e) => e.outRefundNo === r.outRefundNo),
    notifications: () => receiver.received.filter((n) => n.parsed.ok && n.parsed.outRefundNo === r.outRefundNo),
  };
}

describe("Alipay sandbox fault modes through the adapter", () => {
  it("none: paid, and one verified notification that the query confirms", async () => {
    const r = refund();
    expect(await r.start()).toMatchObject({ state: "succeeded", amountFen: 800 });
    const [n] = await eventually(() => r.notifications().length === 1 && r.notifications());
    expect(n!.parsed).toMatchObject({ ok: true, answer: { state: "succeeded", amountFen: 800 }, reply: { body: "success" } });
  });

  it("timeout: the call is unknown, yet the sandbox paid; the query finds it, and a retry pays nothing more", async () => {
    const r = refund();
    await sandbox.armFault({ mode: "timeout", outRefundNo: r.outRefundNo });
    expect(await r.start()).toMatchObject({ state: "unknown", code: "TIMEOUT" });
    // Paid before the adapter gave up, as a gateway that answered too slowly would have.
    expect(await r.paid()).toEqual([expect.objectContaining({ status: "SUCCESS", requests: 1 })]);
    expect(await r.query()).toMatchObject({ state: "succeeded", amountFen: 800 });
    expect(await r.start()).toMatchObject({ state: "processing" });
    expect(await r.paid()).toEqual([expect.objectContaining({ status: "SUCCESS", requests: 2 })]);
  });

  it("server_error: HTTP 5xx is unknown and nothing was paid; the retry with the same number pays", async () => {
    const r = refund();
    await sandbox.armFault({ mode: "server_error", outRefundNo: r.outRefundNo });
    const answer = await r.start();
    expect(answer.state).toBe("unknown");
    expect(answer.code).toMatch(/^HTTP_50[03]$/);
    expect(await r.paid()).toEqual([]);
    expect(await r.start()).toMatchObject({ state: "succeeded" });
  });

  it("no_notify: paid and answered, no notification ever sent", async () => {
    const r = refund();
    await sandbox.armFault({ mode: "no_notify", outRefundNo: r.outRefundNo });
    expect(await r.start()).toMatchObject({ state: "succeeded" });
    const other = refund();
    await other.start();
    // A later refund's notification arrives; this one's never does.
    await eventually(() => other.notifications().length === 1);
    expect((await sandbox.notifications()).filter((d) => d.outRefundNo === r.outRefundNo)).toEqual([]);
  });

  it("notify_twice: the same notification arrives twice, both verify and say the same", async () => {
    const r = refund();
    await sandbox.armFault({ mode: "notify_twice", outRefundNo: r.outRefundNo });
    await r.start();
    const both = await eventually(() => r.notifications().length === 2 && r.notifications());
    expect(both.map((n) => n.parsed.ok && n.parsed.answer.state)).toEqual(["succeeded", "succeeded"]);
  });

  it("notify_late: the notification comes after the delay", async () => {
    const r = refund();
    await sandbox.armFault({ mode: "notify_late", outRefundNo: r.outRefundNo, delaySeconds: 3 });
    await r.start();
    expect(r.notifications()).toEqual([]);
    await eventually(() => r.notifications().length === 1);
  });

  it("bad_signature_notify: the forged notification is refused with `fail` and believed nowhere", async () => {
    const r = refund();
    await sandbox.armFault({ mode: "bad_signature_notify", outRefundNo: r.outRefundNo });
    expect(await r.start()).toMatchObject({ state: "succeeded" });
    const [forged] = await eventually(() => {
      const hits = receiver.received.filter((n) => n.rawBody.includes(encodeURIComponent(r.outRefundNo)) || n.rawBody.includes(r.outRefundNo));
      return hits.length > 0 && hits;
    });
    expect(forged!.parsed).toMatchObject({ ok: false, reply: { body: "fail" } });
    expect(r.notifications()).toEqual([]);
  });

  it("processing_for_a_while: fund_change=N then REFUND_PROCESSING for `times` queries, then paid", async () => {
    const r = refund();
    await sandbox.armFault({ mode: "processing_for_a_while", outRefundNo: r.outRefundNo, times: 2 });
    expect(await r.start()).toMatchObject({ state: "processing" });
    expect(await r.paid()).toEqual([expect.objectContaining({ status: "PROCESSING" })]);
    expect(await r.query()).toMatchObject({ state: "processing", code: "REFUND_PROCESSING" });
    expect(await r.query()).toMatchObject({ state: "processing", code: "REFUND_PROCESSING" });
    expect(await r.query()).toMatchObject({ state: "succeeded", amountFen: 800 });
    expect(await r.paid()).toEqual([expect.objectContaining({ status: "SUCCESS", requests: 1 })]);
  });

  it("closed: accepted without paying, the query never shows it (refused: retry the same number), and the retry pays once", async () => {
    const r = refund();
    await sandbox.armFault({ mode: "closed", outRefundNo: r.outRefundNo });
    expect(await r.start()).toMatchObject({ state: "processing" });
    expect(await r.query()).toMatchObject({ state: "refused", code: "REFUND_NOT_FOUND" });
    expect(await r.paid()).toEqual([expect.objectContaining({ status: "CLOSED" })]);
    expect(await r.start()).toMatchObject({ state: "succeeded", amountFen: 800 });
    expect(await r.paid()).toEqual([expect.objectContaining({ status: "SUCCESS", requests: 2 })]);
  });

  it("a timeout or 5xx armed for a number hits its query too (unknown), and the next query answers", async () => {
    const r = refund();
    expect((await r.start()).state).toBe("succeeded");
    await sandbox.armFault({ mode: "server_error", outRefundNo: r.outRefundNo });
    expect((await r.query()).state).toBe("unknown");
    await sandbox.armFault({ mode: "timeout", outRefundNo: r.outRefundNo });
    expect(await r.query()).toMatchObject({ state: "unknown", code: "TIMEOUT" });
    expect(await r.query()).toMatchObject({ state: "succeeded" });
  });

  it("abnormal: refused by the control API — Alipay has no such refund state", async () => {
    await expect(sandbox.armFault({ mode: "abnormal" })).rejects.toThrow(/not supported by Alipay/);
  });

  it("a fault armed for any number hits the next refund calls, `times` in a row (queries meanwhile do not use it up), and reset disarms", async () => {
    const earlier = refund();
    await earlier.start();
    await sandbox.armFault({ mode: "server_error", times: 2 });
    expect((await earlier.query()).state).toBe("succeeded");
    expect((await refund().start()).state).toBe("unknown");
    expect((await refund().start()).state).toBe("unknown");
    expect((await refund().start()).state).toBe("succeeded");
    await sandbox.armFault({ mode: "server_error", times: 5 });
    await sandbox.reset();
    expect((await refund().start()).state).toBe("succeeded");
  });
});
