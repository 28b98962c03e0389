import { handlePaymentNotification } from "@/server/api/payment-notify";
import { appDb } from "@/server/db";
import { appGateways } from "@/server/payments/app-gateways";

// Gateways' refund notifications (docs/decisions/021-refunds-exactly-once.md): no session, verified by the adapter.
export async function POST(req: Request, ctx: { params: Promise<{ channel: string }> }) {
  const { channel } = await ctx.params;
  return handlePaymentNotification(req, channel, { db: appDb(), gateways: appGateways(), log: (line) => console.log(line) });
}
