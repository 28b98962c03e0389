import type { GatewayAnswer, GatewayReply, IncomingNotification, ParsedNotification } from "../refund-gateway";
import { answerFromRefund, type WechatRefund } from "./answers";
import { MAX_SIGNATURE_AGE_SECONDS, type WechatPayConfig } from "./config";
import { decryptResource, responseMessage, verifySha256Rsa, type EncryptedResource } from "./signature";

/**
 * A refund notification (退款结果通知) as WeChat Pay v3 sends it: believed only after the
 * Wechatpay-Signature over `timestamp\nnonce\nbody\n` verifies with the public key whose id is in
 * Wechatpay-Serial, the timestamp is at most five minutes old, and the AEAD_AES_256_GCM resource
 * decrypts under our APIv3 key. Pure CPU, no network: WeChat wants an answer within 5 s.
 * Accepted → 204 (WeChat takes 200/204 as received); rejected → 4xx `{"code":"FAIL","message":…}`,
 * which WeChat treats as "retry later".
 */
const EVENT_TYPES = new Set(["REFUND.SUCCESS", "REFUND.ABNORMAL", "REFUND.CLOSED"]);

const ACCEPTED: GatewayReply = { status: 204, contentType: "text/plain; charset=utf-8", body: "" };

function rejected(status: number, why: string): ParsedNotification {
  return { ok: false, why, reply: { status, contentType: "application/json; charset=utf-8", body: JSON.stringify({ code: "FAIL", message: why }) } };
}

export function parseWechatNotification(config: WechatPayConfig, n: IncomingNotification, now = Date.now()): ParsedNotification {
  const header = (name: string) => {
    for (const [k, v] of Object.entries(n.headers)) if (k.toLowerCase() === name) return v;
    return undefined;
  };
  const timestamp = header("wechatpay-timestamp");
  const nonce = header("wechatpay-nonce");
  const serial = header("wechatpay-serial");
  const signature = header("wechatpay-signature");
  if (!timestamp || !nonce || !serial || !signature) return rejected(400, "missing Wechatpay-Timestamp/Nonce/Serial/Signature");
  if (serial !== config.platformKeyId) return rejected(401, `unknown Wechatpay-Serial ${serial.slice(0, 64)}`);
  if (!/^\d{1,12}$/.test(timestamp)) return rejected(400, "malformed Wechatpay-Timestamp");
  const age = now / 1000 - Number(timestamp);
  if (age > MAX_SIGNATURE_AGE_SECONDS || age < -MAX_SIGNATURE_AGE_SECONDS) return rejected(401, "Wechatpay-Timestamp is more than 5 minutes from now (replayed or delayed)");
  if (!verifySha256Rsa(responseMessage(timestamp, nonce, n.rawBody), signature, config.platformPublicKey)) return rejected(401, "Wechatpay-Signature does not verify");

  let event: { event_type?: unknown; resource?: Partial<EncryptedResource> };
  try {
    event = JSON.parse(n.rawBody) as typeof event;
  } catch {
    return rejected(400, "the body is not JSON");
  }
  if (typeof event.event_type !== "string" || !EVENT_TYPES.has(event.event_type)) return rejected(400, `not a refund event: ${String(event.event_type)}`);
  const r = event.resource;
  if (!r || typeof r.ciphertext !== "string" || typeof r.nonce !== "string" || typeof r.algorithm !== "string") return rejected(400, "the resource is missing");
  let refund: WechatRefund & { mchid?: string };
  try {
    refund = JSON.parse(decryptResource({ algorithm: r.algorithm, ciphertext: r.ciphertext, nonce: r.nonce, associated_data: typeof r.associated_data === "string" ? r.associated_data : "" }, config.apiV3Key)) as typeof refund;
  } catch {
    return rejected(400, "the resource does not decrypt with our APIv3 key");
  }
  if (refund.mchid !== config.mchid) return rejected(400, `the refund belongs to another merchant (${String(refund.mchid)})`);
  if (typeof refund.out_refund_no !== "string" || refund.out_refund_no === "") return rejected(400, "the resource has no out_refund_no");
  const expected = event.event_type.slice("REFUND.".length);
  if (refund.refund_status !== expected) return rejected(400, `event ${event.event_type} says refund_status ${String(refund.refund_status)}`);
  const answer: GatewayAnswer = answerFromRefund(refund, refund.out_refund_no);
  if (answer.state === "unknown") return rejected(400, answer.message);
  return { ok: true, outRefundNo: refund.out_refund_no, answer, reply: ACCEPTED };
}
