import type { Db } from "../../db/client";
import { AppError } from "../domain/errors";
import type { RefundGateway } from "../payments/gateway";
import { actOnRequest } from "./act-on-request";
import { paymentMethodOfRequest, refundToPay } from "./data/refunds";

const SYSTEM = { type: "system", id: "system", role: "system" } as const;

/**
 * Sends a reserved refund to the gateway, outside any transaction (no row is locked while the
 * network is slow), then records the outcome through the state machine. A pending outcome
 * leaves the request in `refunding` for the notification handler or the reconciler.
 */
export async function payOutRefund(db: Db, refundId: string, gateway: RefundGateway, now = new Date()): Promise<"succeeded" | "failed" | "pending"> {
  const refund = await refundToPay(db.$client, refundId);
  if (!refund) throw new AppError("not_found");
  // Never marked paid by a gateway that does not pay this method (docs/decisions/012).
  if (!gateway.handles(refund.method)) throw new AppError("no_gateway_for_method", { method: refund.method });
  const outcome = await gateway.refund({
    outRefundNo: refund.outRefundNo,
    method: refund.method,
    gatewayTxnId: refund.gatewayTxnId,
    amountFen: refund.amountFen,
    totalPaidFen: refund.totalPaidFen,
    reason: `退换货 ${refund.rmaNo}`,
  });
  if (outcome.status === "succeeded") {
    await actOnRequest(db, SYSTEM, { requestId: refund.requestId, action: "refund_succeeded", gatewayRefundId: outcome.gatewayRefundId }, now);
  } else if (outcome.status === "failed") {
    await actOnRequest(db, SYSTEM, { requestId: refund.requestId, action: "refund_failed", failureReason: outcome.reason }, now);
  }
  return outcome.status;
}

/**
 * Refuses to start an online refund for a request whose payment method has no gateway here,
 * before anything is reserved: finance refunds it offline (or on the platform) instead.
 */
export async function assertGatewayFor(db: Db, requestId: string, gateway: RefundGateway): Promise<void> {
  const method = await paymentMethodOfRequest(db.$client, requestId);
  if (method && !gateway.handles(method)) throw new AppError("no_gateway_for_method", { method });
}
