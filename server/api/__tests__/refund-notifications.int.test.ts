/**
 * Issue 8's third reliability bar: a forged, replayed, tampered or wrong-serial notification is
 * refused by the notification route and changes nothing. The notifications are the sandbox
 * processes' own (WeChat Pay: its signed variants; Alipay: what it sent, then altered), handed to
 * the route's exported handler as HTTP requests. Nothing else may move the refund meanwhile: the
 * worker is stopped once the refund is waiting at the gateway (PROCESSING).
 */
import { createSign, generateKeyPairSync } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { orders, refunds, returnEvents } from "../../../db/schema";
import { createTestDatabase } from "../../test/db";
import { firstRefundNo } from "../../test/exactly-once";
import { pollUntil } from "../../test/poll";
import { executeRefund, NOTIFY_PATHS, refundsSettled, startRefundWorld, type RefundWorld } from "../../test/refund-flow";
import { waitingRequests, type WaitingRequest } from "../../test/refund-storm";

const database = await createTestDatabase();
const { db } = database;
const worlds: RefundWorld[] = [];
afterAll(async () => {
  for (const w of worlds) await w.stop();
});

/** What a notification could change: the refund rows, the order's refunded_fen, the request's history. */
async function snapshot(reqs: WaitingRequest[]) {
  const ids = reqs.map((r) => r.requestId);
  return {
    refunds: await db.select().from(refunds).where(inArray(refunds.requestId, ids)),
    orders: await db.select().from(orders).where(inArray(orders.id, reqs.map((r) => r.made.order.id))),
    events: await db.select().from(returnEvents).where(inArray(returnEvents.requestId, ids)),
  };
}

/** A refund left PROCESSING at the gateway, recorded as such, with the worker stopped. */
async function refundWaitingAtGateway(world: RefundWorld, gateway: "alipay" | "wechat_pay") {
  const [req] = await waitingRequests(db, 1, gateway);
  const no = firstRefundNo(req!.rmaNo);
  await world.flow.sandbox.arm({ mode: "processing_for_a_while", outRefundNo: no, times: 10_000 });
  const fin = await world.flow.finance();
  await executeRefund(fin.caller, req!, (await req!.read()).version);
  await pollUntil("the refund recorded as processing", async () => {
    const [row] = await db.select().from(refunds).where(eq(refunds.outRefundNo, no));
    return row?.status === "processing" ? row : undefined;
  });
  await world.worker().kill("SIGTERM");
  return { req: req!, no };
}

/** A refund paid and recorded the ordinary way, its genuine notification kept by the relay. */
async function paidRefund(world: RefundWorld, gateway: "alipay" | "wechat_pay") {
  const [req] = await waitingRequests(db, 1, gateway);
  const fin = await world.flow.finance();
  await executeRefund(fin.caller, req!, (await req!.read()).version);
  await refundsSettled(db, [req!.requestId]);
  const genuine = await pollUntil("its notification delivered", async () => world.relay.received.find((n) => n.status !== null && n.status < 300 && n.body.includes(gateway === "alipay" ? firstRefundNo(req!.rmaNo) : "REFUND.SUCCESS")));
  return { req, genuine };
}

describe("WeChat Pay notifications that must not be believed", () => {
  it("forged, tampered, wrong serial, old timestamp, wrong APIv3 key: refused, nothing changes; a replay of a delivered one changes nothing", async () => {
    const world = await startRefundWorld(database, "wechat_pay");
    worlds.push(world);
    const paid = await paidRefund(world, "wechat_pay");
    const { req, no } = await refundWaitingAtGateway(world, "wechat_pay");
    const before = await snapshot([req, paid.req!]);

    for (const variant of ["forged", "tampered", "wrong_serial", "old_timestamp", "wrong_apiv3_key"] as const) {
      const n = await world.sandbox.wechatPay!.signedNotification(no, variant);
      const answer = await world.relay.deliver({ path: NOTIFY_PATHS.wechat_pay, headers: n.headers, body: n.body });
      expect(answer.status, variant).toBeGreaterThanOrEqual(400);
    }
    // The same genuine notification a second time: acknowledged (so WeChat stops sending), nothing recorded again.
    const replay = await world.relay.deliver({ path: NOTIFY_PATHS.wechat_pay, headers: paid.genuine.headers, body: paid.genuine.body });
    expect(replay.status).toBeLessThan(300);

    expect(await snapshot([req, paid.req!])).toEqual(before);
  }, 120_000);
});

describe("Alipay notifications that must not be believed", () => {
  it("forged (another key), tampered, replayed: nothing changes", async () => {
    const world = await startRefundWorld(database, "alipay");
    worlds.push(world);
    const paid = await paidRefund(world, "alipay");
    const { req, no } = await refundWaitingAtGateway(world, "alipay");
    const before = await snapshot([req, paid.req!]);
    const genuine = Object.fromEntries(new URLSearchParams(paid.genuine.body));
    const form = (fields: Record<string, string>) => ({ path: NOTIFY_PATHS.alipay, headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" }, body: new URLSearchParams(fields).toString() });

    // The genuine fields pointed at the waiting refund: the signature no longer matches.
    const tampered = { ...genuine, out_request_no: no, out_trade_no: req.made.order.orderNo, refund_fee: (req.amountFen / 100).toFixed(2) };
    // Signed properly, but with a key that is not Alipay's.
    const forgerKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
    const unsigned = Object.fromEntries(Object.entries(tampered).filter(([k]) => k !== "sign" && k !== "sign_type"));
    const text = Object.keys(unsigned)
      .filter((k) => unsigned[k] !== "")
      .sort()
      .map((k) => `${k}=${unsigned[k]}`)
      .join("&");
    const forged = { ...unsigned, sign_type: "RSA2", sign: createSign("RSA-SHA256").update(text, "utf8").sign(forgerKey, "base64") };

    for (const [what, fields] of [
      ["tampered", tampered],
      ["forged", forged],
    ] as const) {
      const answer = await world.relay.deliver(form(fields));
      expect(await answer.text(), what).not.toBe("success");
    }
    // A replay of what was delivered: acknowledged, nothing recorded twice.
    const replay = await world.relay.deliver(form(genuine));
    expect(await replay.text()).toBe("success");

    expect(await snapshot([req, paid.req!])).toEqual(before);
  }, 120_000);
});
