import type { Db } from "../../../db/client";
import { sqlOf, type Tx } from "../../../db/client";
import { AppError } from "../../domain/errors";
import { actOnRequest, type ActResult, type Actor } from "../act-on-request";
import { goodsRefundState, insertRefund, lockRefund, nextRefundNo, reserveOnOrder } from "./refund-records";

export interface RetryRefundInput {
  requestId: string;
  version: number;
  refundId: string;
  comment?: string | null;
}

/**
 * Hands the refund's payout to the gateway, inside the same transaction as the record (the job
 * queue of docs/decisions/021 enqueues here; until then the caller pays out after commit).
 */
export type QueuePayout = (tx: Tx, refundId: string) => Promise<void>;

/**
 * Finance sends a refund that did not pay to the gateway again. A `failed` refund keeps its
 * record and number (the gateway still knows the number and pays it at most once) when the
 * amount to pay is still its amount; after `closed` (the gateway will never accept that number
 * again) or a lowered amount, a new record with the next number replaces it and says so. Either
 * way the amount is reserved once more, because the failure released it.
 */
export async function retryRefund(db: Db, actor: Actor, input: RetryRefundInput, queuePayout?: QueuePayout, now = new Date()): Promise<ActResult> {
  return actOnRequest(
    db,
    actor,
    {
      requestId: input.requestId,
      expectedVersion: input.version,
      action: "retry_refund",
      comment: input.comment ?? null,
      effect: async (req, tx) => {
        const sql = sqlOf(tx);
        const old = await lockRefund(sql, req.id, input.refundId);
        if (!old || (old.status !== "failed" && old.status !== "closed") || old.channel === "offline") throw new AppError("refund_not_retryable");
        const { paidFen, live } = await goodsRefundState(sql, req.id);
        const toPay = (req.approvedRefundFen ?? req.requestedRefundFen) - paidFen;
        if (live > 0 || toPay <= 0) throw new AppError("refund_not_retryable");

        let refundId = old.id;
        const changes: Record<string, unknown> = { refundId: old.id, outRefundNo: old.outRefundNo, amountFen: toPay };
        if (old.status === "failed" && old.amountFen === toPay) {
          const rearmed = await sql`
            UPDATE refunds SET status = 'pending', failure_reason = NULL, updated_at = ${now.toISOString()}::timestamptz
            WHERE id = ${old.id} AND status = 'failed'`;
          if (rearmed.count !== 1) throw new AppError("refund_not_retryable");
        } else {
          const outRefundNo = await nextRefundNo(sql, req.id, req.rmaNo);
          refundId = await insertRefund(sql, {
            requestId: req.id,
            orderId: req.orderId,
            amountFen: toPay,
            outRefundNo,
            channel: old.channel as "alipay" | "wechat_pay" | "platform",
            status: "pending",
            replacesRefundId: old.id,
            createdBy: actor.id,
            now,
          });
          Object.assign(changes, { refundId, outRefundNo, replacesRefundId: old.id });
        }
        await reserveOnOrder(sql, req.orderId, toPay);
        if (queuePayout) await queuePayout(tx, refundId);
        return { changes, refundId };
      },
    },
    now,
  );
}
