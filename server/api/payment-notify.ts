import type { Db } from "../../db/client";
import type { GatewayChannel, GatewayReply } from "../payments/refund-gateway";
import type { GatewayRegistry } from "../payments/registry";
import { refundIdByNumber } from "../services/data/refunds";
import { recordGatewayAnswer } from "../services/refunds/record-answer";
import { BodyTooLarge, readBodyCapped } from "./body-limit";

/** A gateway's refund notification is a few kilobytes; anything much larger is not one. */
export const NOTIFY_MAX_BYTES = 64 * 1024;

/** The URL segment of each gateway's notification route (/api/payments/<segment>/notify). */
const CHANNELS: Record<string, GatewayChannel> = { alipay: "alipay", "wechat-pay": "wechat_pay" };

/** "Try again later" in each gateway's own terms (Alipay: anything but `success`; WeChat: 5xx with code FAIL). */
const RETRY: Record<GatewayChannel, GatewayReply> = {
  alipay: { status: 500, contentType: "text/plain; charset=utf-8", body: "fail" },
  wechat_pay: { status: 500, contentType: "application/json", body: JSON.stringify({ code: "FAIL", message: "retry later" }) },
};

/** The adapter's reply as a Response; a 204 (WeChat's "received") must have no body at all, or Response refuses it. */
const reply = (r: GatewayReply) =>
  r.status === 204 || r.body === ""
    ? new Response(null, { status: r.status, headers: { "cache-control": "no-store" } })
    : new Response(r.body, { status: r.status, headers: { "content-type": r.contentType, "cache-control": "no-store" } });
const plain = (status: number, body: string) => new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

/**
 * A refund notification from a gateway (POST /api/payments/alipay/notify,
 * /api/payments/wechat-pay/notify): no session, the gateway's signature is the only credential.
 * The raw body (capped) goes to the adapter, which verifies the signature (and decrypts, for
 * WeChat) before anything is believed; a notification it rejects changes nothing and gets the
 * adapter's refusal. A verified one is recorded like any other answer (recordGatewayAnswer:
 * once, whatever arrives twice or late) and acknowledged in the gateway's terms. Nothing
 * internal is ever in the answer; the reason for a refusal goes to the log.
 */
export async function handlePaymentNotification(req: Request, segment: string, deps: { db: Db; gateways: GatewayRegistry; log: (line: string) => void }): Promise<Response> {
  const channel = CHANNELS[segment];
  const gateway = channel && deps.gateways.get(channel);
  if (!channel || !gateway) return plain(404, "not found");
  if (req.method !== "POST") return plain(405, "method not allowed");
  let rawBody: string;
  try {
    rawBody = new TextDecoder("utf-8", { fatal: true }).decode(await readBodyCapped(req, NOTIFY_MAX_BYTES));
  } catch (e) {
    if (e instanceof BodyTooLarge) return plain(413, "too large");
    return plain(400, "bad request");
  }
  const headers: Record<string, string> = {};
  req.headers.forEach((value, key) => (headers[key.toLowerCase()] = value));

  const parsed = await gateway.parseNotification({ headers, rawBody });
  if (!parsed.ok) {
    deps.log(`[payments] ${channel} notification rejected: ${parsed.why}`);
    return reply(parsed.reply);
  }
  try {
    const refundId = await refundIdByNumber(deps.db.$client, parsed.outRefundNo);
    if (!refundId) {
      // Signed by the gateway but not a refund of ours: nothing to change, and retrying will not help.
      deps.log(`[payments] ${channel} notification for an unknown refund number ${parsed.outRefundNo}`);
      return reply(parsed.reply);
    }
    const recorded = await recordGatewayAnswer(deps.db, refundId, parsed.answer, { call: false });
    deps.log(`[payments] ${channel} notification ${parsed.outRefundNo}: ${recorded?.effect ?? "no refund"}`);
    return reply(parsed.reply);
  } catch (e) {
    deps.log(`[payments] ${channel} notification ${parsed.outRefundNo} not recorded: ${e instanceof Error ? e.message : String(e)}`);
    return reply(RETRY[channel]);
  }
}
