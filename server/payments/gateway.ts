import type { PaymentMethod } from "../domain/vocabulary";

/**
 * A payment gateway as the refund flow sees it. Alipay and WeChat Pay adapters implement this
 * in the payments work; every call carries the merchant refund number (outRefundNo) that never
 * changes across retries, which is the gateway-side idempotency key.
 */
export interface RefundOrder {
  outRefundNo: string;
  /** How the order was paid: which gateway pays the refund back. */
  method: PaymentMethod;
  gatewayTxnId: string | null;
  amountFen: number;
  totalPaidFen: number;
  reason: string;
}

export type RefundOutcome =
  | { status: "succeeded"; gatewayRefundId: string }
  | { status: "failed"; reason: string }
  /** Accepted, final state comes by notification or by the reconciler. */
  | { status: "pending" };

export interface RefundGateway {
  /** Whether refunds of orders paid this way go through this gateway (else: offline, or by the platform). */
  handles(method: PaymentMethod): boolean;
  refund(order: RefundOrder): Promise<RefundOutcome>;
}
