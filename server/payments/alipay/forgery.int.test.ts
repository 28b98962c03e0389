/**
 * Nothing unverified is believed: a gateway answering with another key (a second sandbox process
 * that does pay), a response changed on the way, or one without a signature is `unknown`; a
 * notification forged, tampered with or unsigned is refused with `fail`. The real adapter
 * (alipay-sdk, validateSign) against sandbox processes.
 */
import { createPrivateKey, createPublicKey } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnAlipaySandbox, type SpawnedAlipaySandbox } from "../../../scripts/sandboxes/spawn-alipay";
import { eventually, notifyReceiver, orderNo, refundNo, sandboxAndGateway, type NotifyReceiver } from "../../test/alipay-sandbox";
import { AlipayRefundGateway } from "./adapter";

let sandbox: SpawnedAlipaySandbox;
let impostor: SpawnedAlipaySandbox;
let gateway: AlipayRefundGateway;
let receiver: NotifyReceiver;
let proxy: Server;
let proxyUrl = "";
let tamper: (body: string) => string = (b) => b;

beforeAll(async () => {
  ({ sandbox, gateway } = await sandboxAndGateway());
  receiver = await notifyReceiver(gateway);
  // A second gateway that trusts our merchant key (so it accepts and pays our calls) but signs with its own key, not Alipay's.
  const merchantPublicKey = createPublicKey(createPrivateKey({ key: Buffer.from(sandbox.env.ALIPAY_PRIVATE_KEY!, "base64"), format: "der", type: "pkcs8" }))
    .export({ format: "der", type: "spki" })
    .toString("base64");
  impostor = await spawnAlipaySandbox({ merchantPublicKey, appId: sandbox.env.ALIPAY_APP_ID });
  // A man in the middle: forwards to the real sandbox and rewrites its answer with `tamper`.
  proxy = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void fetch(`${sandbox.env.ALIPAY_GATEWAY_URL!}${req.url!.slice(req.url!.indexOf("?"))}`, {
        method: "POST",
        headers: { "content-type": req.headers["content-type"] ?? "application/x-www-form-urlencoded" },
        body: Buffer.concat(chunks),
      }).then(async (upstream) => {
        res.writeHead(upstream.status, { "content-type": "application/json;charset=utf-8" });
        res.end(tamper(await upstream.text()));
      });
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", () => resolve()));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/gateway.do`;
}, 60_000);
afterAll(async () => {
  proxy?.closeAllConnections();
  proxy?.close();
  await receiver?.close();
  await impostor?.stop();
  await sandbox?.stop();
});

const through = (gatewayUrl: string) =>
  new AlipayRefundGateway({
    appId: sandbox.env.ALIPAY_APP_ID!,
    privateKey: sandbox.env.ALIPAY_PRIVATE_KEY!,
    alipayPublicKey: sandbox.env.ALIPAY_PUBLIC_KEY!,
    gateway: gatewayUrl,
    timeoutMs: 5000,
  });
const startWith = (g: AlipayRefundGateway, r: { outRefundNo: string; orderNo: string }) =>
  g.start({ ...r, gatewayTxnId: null, amountFen: 300, totalPaidFen: 300, reason: "退货", notifyUrl: receiver.url });

describe("forged and tampered Alipay responses", () => {
  it("an answer signed with another key is unknown, though that server paid", async () => {
    const r = { outRefundNo: refundNo(), orderNo: orderNo() };
    expect(await startWith(through(impostor.env.ALIPAY_GATEWAY_URL!), r)).toMatchObject({ state: "unknown", code: "INVALID_RESPONSE_SIGNATURE" });
    expect((await impostor.ledger()).filter((e) => e.outRefundNo === r.outRefundNo)).toHaveLength(1);
  });

  it("an answer changed on the way (fund_change N → Y on a retried number) is unknown", async () => {
    const r = { outRefundNo: refundNo(), orderNo: orderNo() };
    expect(await startWith(gateway, r)).toMatchObject({ state: "succeeded" });
    tamper = (b) => b.replace('"fund_change":"N"', '"fund_change":"Y"');
    try {
      expect(await startWith(through(proxyUrl), r)).toMatchObject({ state: "unknown", code: "INVALID_RESPONSE_SIGNATURE" });
      tamper = (b) => b;
      expect(await startWith(through(proxyUrl), r)).toMatchObject({ state: "processing" });
    } finally {
      tamper = (b) => b;
    }
  });

  it("an answer without its signature is unknown", async () => {
    tamper = (b) => b.replace(/,"sign":"[^"]*"/, "");
    try {
      expect((await startWith(through(proxyUrl), { outRefundNo: refundNo(), orderNo: orderNo() })).state).toBe("unknown");
    } finally {
      tamper = (b) => b;
    }
  });
});

describe("forged and tampered Alipay notifications", () => {
  async function genuineNotification(): Promise<{ outRefundNo: string; fields: Record<string, string> }> {
    const r = { outRefundNo: refundNo(), orderNo: orderNo() };
    await startWith(gateway, r);
    const delivery = await eventually(async () => (await sandbox.notifications()).find((d) => d.outRefundNo === r.outRefundNo && d.delivered));
    return { outRefundNo: r.outRefundNo, fields: delivery.fields };
  }
  const parse = (fields: Record<string, string>) => gateway.parseNotification({ headers: { "content-type": "application/x-www-form-urlencoded" }, rawBody: new URLSearchParams(fields).toString() });

  it("a genuine notification verifies; replayed, it verifies again and says the same (recording it twice is the flow's to refuse)", async () => {
    const { outRefundNo, fields } = await genuineNotification();
    for (let i = 0; i < 2; i++) {
      expect(await parse(fields)).toMatchObject({ ok: true, outRefundNo, answer: { state: "succeeded", amountFen: 300 }, reply: { body: "success" } });
    }
  });

  it("a tampered field (refund_fee, out_biz_no, trade_status) breaks the signature: fail", async () => {
    const { fields } = await genuineNotification();
    const changes: Record<string, string>[] = [{ refund_fee: "3000.00" }, { out_biz_no: refundNo() }, { trade_status: "TRADE_CLOSED" }];
    for (const change of changes) {
      expect(await parse({ ...fields, ...change })).toMatchObject({ ok: false, reply: { body: "fail" } });
    }
  });

  it("an unsigned notification, one signed by someone else, or an empty body: fail", async () => {
    const { fields } = await genuineNotification();
    const { sign: _sign, ...unsigned } = fields;
    expect(await parse(unsigned)).toMatchObject({ ok: false, reply: { body: "fail" } });
    expect(await parse({ ...fields, sign: Buffer.from("forged".repeat(40)).toString("base64") })).toMatchObject({ ok: false, reply: { body: "fail" } });
    expect(await gateway.parseNotification({ headers: {}, rawBody: "" })).toMatchObject({ ok: false, reply: { body: "fail" } });
    expect(await gateway.parseNotification({ headers: {}, rawBody: "%%%not a form" })).toMatchObject({ ok: false, reply: { body: "fail" } });
  });

  it("a notification signed by a gateway with another key (the impostor's) is refused", async () => {
    const r = { outRefundNo: refundNo(), orderNo: orderNo() };
    await startWith(through(impostor.env.ALIPAY_GATEWAY_URL!), r);
    // The impostor delivers to our receiver; the adapter refuses it.
    const hit = await eventually(() => receiver.received.find((n) => n.rawBody.includes(r.outRefundNo)));
    expect(hit.parsed).toMatchObject({ ok: false, reply: { body: "fail" } });
  });
});
