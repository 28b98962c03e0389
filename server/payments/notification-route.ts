import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { refunds } from "../../db/schema";
import { recordGatewayAnswer } from "../services/refunds/record-answer";
import type { GatewayRegistry } from "./registry";
import type { GatewayChannel } from "./refund-gateway";

/**
 * A gateway's refund notification (POST /api/payments/<gateway>/notify) as a plain function of
 * the Request, so the route file only supplies the database and the gateways and tests call it
 * with a Request. Nothing is believed before the adapter has verified the signature (and, for
 * WeChat Pay, the timestamp and serial, and decrypted the resource); a verified answer is
 * recorded like the reconciler's (recordGatewayAnswer: status-guarded, so a duplicate or late
 * notification is acknowledged and changes nothing). The reply is what the gateway expects.
 */
export async function handleRefundNotification(req: Request, channel: GatewayChannel, deps: { db: Db; gateways: GatewayRegistry }): Promise<Response> {
  const gateway = deps.gateways.get(channel);
  if (!gateway) return new Response("not configured", { status: 404 });
  const headers: Record<string, string> = {};
  req.headers.forEach((value, key) => (headers[key.toLowerCase()] = value));
  const parsed = await gateway.parseNotification({ headers, rawBody: await req.text() });
  if (parsed.ok) {
    const [refund] = await deps.db
      .select({ id: refunds.id })
      .from(refunds)
      .where(and(eq(refunds.outRefundNo, parsed.outRefundNo), eq(refunds.channel, channel)));
    // A number we never issued: acknowledged (the gateway would retry for a day) and nothing recorded.
    if (refund) await recordGatewayAnswer(deps.db, refund.id, parsed.answer, { call: false });
  }
  const empty = parsed.reply.status === 204 || parsed.reply.body === "";
  return new Response(empty ? null : parsed.reply.body, { status: parsed.reply.status, headers: empty ? {} : { "content-type": parsed.reply.contentType } });
}
