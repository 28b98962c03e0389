/**
 * Refund notifications from the sandbox process to a receiver that does what the app's notify
 * route does (hand the raw request to parseNotification and send back its reply): good ones are
 * accepted and decrypted, broken ones rejected with WeChat's 4xx FAIL body, and the sandbox's
 * fault modes shape what arrives.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnWechatPaySandbox, type SpawnedWechatPaySandbox } from "../../../scripts/sandboxes/spawn-wechat-pay";
import type { ParsedNotification, RefundGateway } from "../refund-gateway";
import { adapterFor, refundFor, settled } from "./sandbox-gateway.test-helpers";

let sandbox: SpawnedWechatPaySandbox;
let gw: RefundGateway;
let receiver: Server;
let notifyUrl: string;
const received: ParsedNotification[] = [];
/** How many of the next notifications the receiver answers with 500 before it starts accepting. */
let failNext = 0;

beforeAll(async () => {
  sandbox = await spawnWechatPaySandbox({ notifyRetryDelaysMs: [100, 200] });
  gw = adapterFor(sandbox.env);
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (failNext > 0) {
        failNext -= 1;
        res.writeHead(500).end();
        return;
      }
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : (v ?? "")]));
      void gw.parseNotification({ headers, rawBody: Buffer.concat(chunks).toString("utf8") }).then((parsed) => {
        received.push(parsed);
        res.writeHead(parsed.reply.status, { "content-type": parsed.reply.contentType }).end(parsed.reply.body);
      });
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  notifyUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/payments/wechat-pay/notify`;
}, 30_000);
afterAll(async () => {
  await sandbox?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
});

const about = (outRefundNo: string) => received.filter((p) => p.ok && p.outRefundNo === outRefundNo);
const sentFor = async (outRefundNo: string) => (await sandbox.notifications()).filter((s) => s.outRefundNo === outRefundNo);
const asArrived = (n: { headers: Record<string, string>; body: string }) => gw.parseNotification({ headers: n.headers, rawBody: n.body });

describe("notifications the sandbox sends on its own", () => {
  it("a paid refund's REFUND.SUCCESS arrives, verifies, decrypts, and is acknowledged with 204", async () => {
    const r = refundFor({ notifyUrl, amountFen: 777 });
    const started = await gw.start(r);
    await settled(() => about(r.outRefundNo).length).toBe(1);
    const n = about(r.outRefundNo)[0]!;
    if (!n.ok) throw new Error("unreachable");
    expect(n.answer).toMatchObject({ state: "succeeded", amountFen: 777, gatewayRefundId: started.state === "succeeded" ? started.gatewayRefundId : "?" });
    expect(n.reply.status).toBe(204);
    await settled(() => sentFor(r.outRefundNo)).toMatchObject([{ eventType: "REFUND.SUCCESS", status: 204 }]);
  });

  it("a receiver answering 500 gets the notification again until it accepts", async () => {
    const r = refundFor({ notifyUrl });
    failNext = 1;
    await gw.start(r);
    await settled(() => sentFor(r.outRefundNo)).toMatchObject([{ attempt: 1, status: 500 }, { attempt: 2, status: 204 }]);
    expect(about(r.outRefundNo)).toHaveLength(1);
  });

  it("notify_twice: the same notification arrives twice and both verify (the refund flow ignores the second)", async () => {
    const r = refundFor({ notifyUrl });
    await sandbox.armFault({ mode: "notify_twice", outRefundNo: r.outRefundNo });
    await gw.start(r);
    await settled(() => about(r.outRefundNo).length).toBe(2);
  });

  it("notify_late: the notification still arrives, after the delay", async () => {
    const r = refundFor({ notifyUrl });
    await sandbox.armFault({ mode: "notify_late", outRefundNo: r.outRefundNo, delaySeconds: 1 });
    expect((await gw.start(r)).state).toBe("succeeded");
    await settled(() => about(r.outRefundNo).length).toBe(1);
  });

  it("no_notify: nothing arrives for the refund, while a later refund's notification does", async () => {
    const silent = refundFor({ notifyUrl });
    await sandbox.armFault({ mode: "no_notify", outRefundNo: silent.outRefundNo });
    expect((await gw.start(silent)).state).toBe("succeeded");
    const after = refundFor({ notifyUrl });
    await gw.start(after);
    await settled(() => about(after.outRefundNo).length).toBe(1);
    expect(await sentFor(silent.outRefundNo)).toEqual([]);
  });

  it("bad_signature_notify: every attempt is rejected with WeChat's FAIL body, and no good one follows", async () => {
    const r = refundFor({ notifyUrl });
    await sandbox.armFault({ mode: "bad_signature_notify", outRefundNo: r.outRefundNo });
    await gw.start(r);
    // One attempt and two retries (the sandbox was started with two retry delays), all refused.
    await settled(async () => (await sentFor(r.outRefundNo)).map((s) => s.status)).toEqual([401, 401, 401]);
    expect(about(r.outRefundNo)).toEqual([]);
    const rejection = received.find((p) => !p.ok && /does not verify/.test(p.why));
    expect(JSON.parse(rejection!.reply.body)).toMatchObject({ code: "FAIL" });
  });

  it("closed and abnormal refunds are told as REFUND.CLOSED and REFUND.ABNORMAL", async () => {
    const closed = refundFor({ notifyUrl });
    const abnormal = refundFor({ notifyUrl });
    await sandbox.armFault({ mode: "closed", outRefundNo: closed.outRefundNo });
    await sandbox.armFault({ mode: "abnormal", outRefundNo: abnormal.outRefundNo });
    await gw.start(closed);
    await gw.start(abnormal);
    await settled(() => about(closed.outRefundNo).map((p) => p.ok && p.answer.state)).toEqual(["closed"]);
    await settled(() => about(abnormal.outRefundNo).map((p) => p.ok && p.answer.state)).toEqual(["abnormal"]);
  });
});

describe("notifications presented to the adapter directly", () => {
  let paid: string;
  beforeAll(async () => {
    const r = refundFor();
    await gw.start(r);
    paid = r.outRefundNo;
  });

  it("a correctly signed one is accepted and decrypted", async () => {
    const parsed = await asArrived(await sandbox.signedNotification(paid, "good"));
    expect(parsed).toMatchObject({ ok: true, outRefundNo: paid, answer: { state: "succeeded" }, reply: { status: 204 } });
  });

  it.each([
    ["forged", "signed with a key that is not WeChat's", 401, /does not verify/],
    ["tampered", "changed after it was signed", 401, /does not verify/],
    ["wrong_serial", "naming a key id we do not know", 401, /unknown Wechatpay-Serial/],
    ["old_timestamp", "replayed ten minutes later", 401, /5 minutes/],
    ["wrong_apiv3_key", "encrypted with another APIv3 key", 400, /decrypt/],
  ] as const)("%s (%s) is rejected with a 4xx FAIL and no answer", async (variant, _what, status, why) => {
    const parsed = await asArrived(await sandbox.signedNotification(paid, variant));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) throw new Error("unreachable");
    expect(parsed.why).toMatch(why);
    expect(parsed.reply.status).toBe(status);
    expect(JSON.parse(parsed.reply.body)).toEqual({ code: "FAIL", message: parsed.why });
  });

  it("a good notification with its headers in any letter case still verifies (HTTP header names are case-insensitive)", async () => {
    const n = await sandbox.signedNotification(paid, "good");
    const upper = Object.fromEntries(Object.entries(n.headers).map(([k, v]) => [k.toUpperCase(), v]));
    expect((await gw.parseNotification({ headers: upper, rawBody: n.body })).ok).toBe(true);
  });
});
