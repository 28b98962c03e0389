import type { Db } from "../../../db/client";
import { sqlOf } from "../../../db/client";
import { AppError } from "../../domain/errors";
import type { OfflineMethod } from "../../schemas/refunds";
import { actOnRequest, type ActResult, type Actor } from "../act-on-request";
import { goodsRefundState, insertRefund, lockLatestGoodsRefund, nextRefundNo, reserveOnOrder } from "./refund-records";

export interface RecordOfflineRefundInput {
  requestId: string;
  version: number;
  reference: string;
  method: OfflineMethod;
  receiptId: string;
  comment?: string | null;
}

/** Refund statuses finance may settle by hand instead: nothing is on its way any more, or a person must act. */
const SETTLEABLE = new Set(["failed", "closed", "abnormal"]);

/**
 * Finance paid the request back by bank transfer or cash and records it: an offline refund record
 * (succeeded, with the reference and the receipt image) for what is still to pay, and the
 * request completed, in one transaction. Allowed after a failed, closed or abnormal refund, or
 * when the order's payment method has no gateway here (`hasGateway` false).
 *
 * The reservation is held exactly once: a failed or closed refund released its amount, so it is
 * reserved again; an abnormal refund still holds it, so it is handed to the offline record (the
 * abnormal one ends `failed`, replaced) and nothing is added.
 */
export async function recordOfflineRefund(db: Db, actor: Actor, input: RecordOfflineRefundInput, hasGateway: boolean, now = new Date()): Promise<ActResult> {
  return actOnRequest(
    db,
    actor,
    {
      requestId: input.requestId,
      expectedVersion: input.version,
      action: "record_offline_refund",
      comment: input.comment ?? null,
      effect: async (req, tx) => {
        const sql = sqlOf(tx);
        const old = await lockLatestGoodsRefund(sql, req.id);
        if (old ? !SETTLEABLE.has(old.status) : hasGateway) throw new AppError("offline_refund_not_allowed");
        const { paidFen, live } = await goodsRefundState(sql, req.id);
        const toPay = (req.approvedRefundFen ?? req.requestedRefundFen) - paidFen;
        if (live > 0 || toPay <= 0) throw new AppError("offline_refund_not_allowed");

        let held = 0;
        if (old?.status === "abnormal") {
          // Its reservation becomes the offline record's: marked failed without releasing it.
          const settled = await sql`
            UPDATE refunds SET status = 'failed', failure_reason = 'resolved_offline', next_check_at = NULL, updated_at = ${now.toISOString()}::timestamptz
            WHERE id = ${old.id} AND status = 'abnormal'`;
          if (settled.count !== 1) throw new AppError("offline_refund_not_allowed");
          held = old.amountFen;
        }
        const outRefundNo = await nextRefundNo(sql, req.id, req.rmaNo);
        const refundId = await insertRefund(sql, {
          requestId: req.id,
          orderId: req.orderId,
          amountFen: toPay,
          outRefundNo,
          channel: "offline",
          status: "succeeded",
          replacesRefundId: old?.id ?? null,
          createdBy: actor.id,
          offline: { reference: input.reference, method: input.method },
          now,
        });
        await reserveOnOrder(sql, req.orderId, toPay - held);
        const attached = await sql`
          UPDATE refund_receipts SET refund_id = ${refundId} WHERE id = ${input.receiptId} AND uploaded_by = ${actor.id} AND refund_id IS NULL`;
        if (attached.count !== 1) throw new AppError("receipt_unavailable", { field: "receiptId" });
        return {
          changes: { refundId, outRefundNo, amountFen: toPay, method: input.method, reference: input.reference, receiptId: input.receiptId, replacesRefundId: old?.id ?? null },
          refundId,
        };
      },
    },
    now,
  );
}
