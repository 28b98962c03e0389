import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../../db/client";
import type { PaymentMethod, RefundChannel, RefundStatus } from "../../domain/vocabulary";

/** The refund as its customer is told about it: never the gateway's failure text, never internal numbers of failed tries. */
export type CustomerRefundState = "queued" | "processing" | "done" | "being_handled";

export interface CustomerRefund {
  state: CustomerRefundState;
  /** What was paid back (done), or what is on its way. */
  amountFen: number;
  /** How the money comes back: to the original Alipay / WeChat Pay payment, by bank transfer or cash, or by the platform. */
  method: RefundChannel | "bank_transfer" | "cash";
  /** The gateway's refund reference, or the bank transfer's, once paid. */
  reference: string | null;
  doneAt: Date | null;
}

interface Row {
  status: RefundStatus;
  amountFen: number;
  channel: RefundChannel;
  offlineMethod: string | null;
  gatewayRefundId: string | null;
  offlineReference: string | null;
  succeededAt: Date | string | null;
  paymentMethod: PaymentMethod;
}

const STATE: Record<RefundStatus, CustomerRefundState> = {
  pending: "queued",
  processing: "processing",
  succeeded: "done",
  // Nothing reached the customer and finance is on it: the customer is not shown why.
  failed: "being_handled",
  closed: "being_handled",
  abnormal: "being_handled",
};

/**
 * The request's goods refund for the H5 page: the paid one if any (amount, method, reference),
 * else the newest one's state. Null before any refund was started.
 */
export async function customerRefundOf(db: DbOrTx, requestId: string): Promise<CustomerRefund | null> {
  const rows = await db.execute<Row & Record<string, unknown>>(sql`
    SELECT f.status, f.amount_fen AS "amountFen", f.channel, f.offline_method AS "offlineMethod", f.gateway_refund_id AS "gatewayRefundId",
           f.offline_reference AS "offlineReference", f.succeeded_at AS "succeededAt", o.payment_method AS "paymentMethod"
    FROM refunds f JOIN orders o ON o.id = f.order_id
    WHERE f.request_id = ${requestId} AND f.kind = 'goods'
    ORDER BY (f.status = 'succeeded') DESC, f.created_at DESC, f.id DESC
    LIMIT 1`);
  const row = [...rows][0];
  if (!row) return null;
  const paid = row.status === "succeeded";
  return {
    state: STATE[row.status],
    amountFen: Number(row.amountFen),
    method: row.channel === "offline" && (row.offlineMethod === "bank_transfer" || row.offlineMethod === "cash") ? row.offlineMethod : row.channel,
    reference: paid ? (row.gatewayRefundId ?? row.offlineReference) : null,
    doneAt: paid && row.succeededAt ? new Date(row.succeededAt) : null,
  };
}
