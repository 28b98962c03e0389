import type { Db } from "../../../db/client";
import { sqlOf } from "../../../db/client";
import { AppError } from "../../domain/errors";
import { formatYuan } from "../../domain/money";
import { actOnRequest, type ActResult, type Actor } from "../act-on-request";
import { goodsRefundState } from "./refund-records";

export interface LowerRefundInput {
  requestId: string;
  version: number;
  amountFen: number;
  comment: string;
}

/**
 * Finance lowers the amount a request will pay back, before it is paid, with the reason kept in
 * the history. Never raised (the amount operations accepted, or the computed one, is the
 * ceiling), never ¥0 (a request worth ¥0 is decided at submission), never while a payout is on
 * its way. After the first of two signatures the state machine sends it back to be signed twice.
 */
export async function lowerRefund(db: Db, actor: Actor, input: LowerRefundInput, now = new Date()): Promise<ActResult> {
  return actOnRequest(
    db,
    actor,
    {
      requestId: input.requestId,
      expectedVersion: input.version,
      action: "lower_refund",
      comment: input.comment,
      effect: async (req, tx) => {
        const current = req.approvedRefundFen ?? req.requestedRefundFen;
        if (!Number.isSafeInteger(input.amountFen) || input.amountFen <= 0 || input.amountFen >= current) {
          throw new AppError("refund_amount_not_lower", { field: "amountFen", currentYuan: formatYuan(current) });
        }
        const { paidFen, live } = await goodsRefundState(sqlOf(tx), req.id);
        // A lower amount applies to what is still to pay; with money on its way or paid it could only confuse.
        if (live > 0 || paidFen > 0) throw new AppError("invalid_transition", { action: "lower_refund", status: req.status });
        return { changes: { approvedRefundFen: input.amountFen, previousRefundFen: current }, approvedRefundFen: input.amountFen };
      },
    },
    now,
  );
}
