import { env } from "@/server/env";
import { appDb } from "@/server/db";
import { handleRefundNotification } from "@/server/payments/notification-route";
import { gatewayRegistry } from "@/server/payments/registry";

/** The gateway's refund notifications (server/payments/notification-route.ts). */
export async function POST(req: Request) {
  return handleRefundNotification(req, "alipay", { db: appDb(), gateways: gatewayRegistry(env()) });
}
