import { createCipheriv, createSign, generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { WechatPayConfig } from "./config";
import { parseWechatNotification } from "./notification";

const wechat = generateKeyPairSync("rsa", { modulusLength: 2048 });
const merchant = generateKeyPairSync("rsa", { modulusLength: 2048 });
const config: WechatPayConfig = {
  baseUrl: "https://api.mch.weixin.qq.com",
  mchid: "1900000109",
  merchantSerial: "5157F09EFDC096DE15EBE81A47057A7232F1B8E1",
  merchantPrivateKey: merchant.privateKey,
  platformPublicKey: wechat.publicKey,
  platformKeyId: "PUB_KEY_ID_0119000001092026112900000000000001",
  apiV3Key: "0123456789abcdefghijklmnopqrstuv",
  timeoutMs: 1000,
};
const NOW = Date.parse("2026-11-29T02:00:00Z");

function notification(opts: { resource?: object; eventType?: string; at?: number; serial?: string } = {}) {
  const resource = { mchid: "1900000109", out_trade_no: "SO1", transaction_id: "4200000001", out_refund_no: "RFR1-1", refund_id: "50300001", refund_status: "SUCCESS", success_time: "2026-11-29T09:59:58+08:00", amount: { total: 5000, refund: 1990, payer_total: 5000, payer_refund: 1990 }, ...opts.resource };
  const c = createCipheriv("aes-256-gcm", Buffer.from(config.apiV3Key), Buffer.from("fdasflkja484"));
  c.setAAD(Buffer.from("refund"));
  const ciphertext = Buffer.concat([c.update(JSON.stringify(resource)), c.final(), c.getAuthTag()]).toString("base64");
  const body = JSON.stringify({ id: "EV-1", create_time: "2026-11-29T10:00:00+08:00", resource_type: "encrypt-resource", event_type: opts.eventType ?? "REFUND.SUCCESS", summary: "退款成功", resource: { original_type: "refund", algorithm: "AEAD_AES_256_GCM", ciphertext, associated_data: "refund", nonce: "fdasflkja484" } });
  const ts = String(Math.floor((opts.at ?? NOW) / 1000));
  const signature = createSign("sha256").update(`${ts}\nnonce1\n${body}\n`).sign(wechat.privateKey, "base64");
  return { headers: { "wechatpay-timestamp": ts, "wechatpay-nonce": "nonce1", "wechatpay-serial": opts.serial ?? config.platformKeyId, "wechatpay-signature": signature }, rawBody: body };
}

describe("WeChat Pay refund notification", () => {
  it("a signed, fresh, decryptable REFUND.SUCCESS is the refund's success, acknowledged with 204", () => {
    expect(parseWechatNotification(config, notification(), NOW)).toEqual({
      ok: true,
      outRefundNo: "RFR1-1",
      answer: { state: "succeeded", gatewayRefundId: "50300001", amountFen: 1990, succeededAt: new Date("2026-11-29T01:59:58Z"), code: "SUCCESS" },
      reply: { status: 204, contentType: "text/plain; charset=utf-8", body: "" },
    });
  });

  it("REFUND.CLOSED and REFUND.ABNORMAL are closed and abnormal", () => {
    expect(parseWechatNotification(config, notification({ eventType: "REFUND.CLOSED", resource: { refund_status: "CLOSED" } }), NOW)).toMatchObject({ ok: true, answer: { state: "closed" } });
    expect(parseWechatNotification(config, notification({ eventType: "REFUND.ABNORMAL", resource: { refund_status: "ABNORMAL" } }), NOW)).toMatchObject({ ok: true, answer: { state: "abnormal" } });
  });

  it("a timestamp more than five minutes old or ahead is rejected; four minutes is fine", () => {
    expect(parseWechatNotification(config, notification({ at: NOW - 301_000 }), NOW)).toMatchObject({ ok: false, reply: { status: 401 } });
    expect(parseWechatNotification(config, notification({ at: NOW + 301_000 }), NOW)).toMatchObject({ ok: false });
    expect(parseWechatNotification(config, notification({ at: NOW - 240_000 }), NOW).ok).toBe(true);
  });

  it("rejects missing headers, another merchant's refund, an event that contradicts its status, and other event types", () => {
    const { "wechatpay-signature": _s, ...unsigned } = notification().headers;
    expect(parseWechatNotification(config, { headers: unsigned, rawBody: notification().rawBody }, NOW)).toMatchObject({ ok: false, reply: { status: 400 } });
    expect(parseWechatNotification(config, notification({ resource: { mchid: "1900000999" } }), NOW)).toMatchObject({ ok: false, why: expect.stringMatching(/another merchant/) });
    expect(parseWechatNotification(config, notification({ resource: { refund_status: "CLOSED" } }), NOW)).toMatchObject({ ok: false, why: expect.stringMatching(/says refund_status CLOSED/) });
    expect(parseWechatNotification(config, notification({ eventType: "TRANSACTION.SUCCESS" }), NOW)).toMatchObject({ ok: false, why: expect.stringMatching(/not a refund event/) });
  });

  it("every rejection is WeChat's FAIL body, so WeChat sends it again later", () => {
    const parsed = parseWechatNotification(config, notification({ serial: "PUB_KEY_ID_OTHER" }), NOW);
    expect(parsed.ok).toBe(false);
    expect(parsed.reply.contentType).toMatch(/application\/json/);
    expect(JSON.parse(parsed.reply.body)).toMatchObject({ code: "FAIL", message: expect.stringMatching(/unknown Wechatpay-Serial/) });
  });
});
