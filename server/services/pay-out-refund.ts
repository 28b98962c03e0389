import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { orders, refunds, returnRequests } from "../../db/schema";
import { AppError } from "../domain/errors";
import type { RefundGateway } from "../payments/gateway";
import { actOnRequest } from "./act-on-request";

const SYSTEM = { type: "system", id: "system", role: "system" } as const;

/**
 * Sends a reserved refund to the gateway, outside any transaction (no row is locked while the
 * network is slow), then records the outcome through the state machine. A pending outcome
 * leaves the request in `refunding` for the notification handler or the reconciler.
 */
export async function payOutRefund(db: Db, refundId: string, gateway: RefundGateway): Promise<"succeeded" | "failed" | "pending"> {
  const [row] = await db
    .select({ refund: refunds, order: orders, rmaNo: returnRequests.rmaNo })
    .from(refunds)
    .innerJoin(orders, eq(orders.id, refunds.orderId))
    .innerJoin(returnRequests, eq(returnRequests.id, refunds.requestId))
    .where(eq(refunds.id, refundId));
  if (!row) throw new AppError("not_found");
  const outcome = await gateway.refund({
    outRefundNo: row.refund.outRefundNo,
    gatewayTxnId: row.order.gatewayTxnId,
    amountFen: row.refund.amountFen,
    totalPaidFen: row.order.totalPaidFen,
    reason: `退换货 ${row.rmaNo}`,
  });
  if (outcome.status === "succeeded") {
    await actOnRequest(db, SYSTEM, { requestId: row.refund.requestId, action: "refund_succeeded", gatewayRefundId: outcome.gatewayRefundId });
  } else if (outcome.status === "failed") {
    await actOnRequest(db, SYSTEM, { requestId: row.refund.requestId, action: "refund_failed", failureReason: outcome.reason });
  }
  return outcome.status;
}
