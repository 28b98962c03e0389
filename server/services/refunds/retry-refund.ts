import type { Db } from "../../../db/client";
import { sqlOf } from "../../../db/client";
import { AppError } from "../../domain/errors";
import { checkDelayMinutes } from "../../domain/refund-schedule";
import type { JobSender } from "../../jobs/boss";
import { QUEUES } from "../../jobs/queues";
import type { GatewayRegistry } from "../../payments/registry";
import { actOnRequest, type ActResult, type Actor } from "../act-on-request";
import { createRefund } from "../data/refunds";
import { goodsRefundState, lockRefund, nextRefundNo } from "./refund-records";
import { startRefund } from "./start-refund";

export interface RetryRefundInput {
  requestId: string;
  version: number;
  refundId: string;
  comment?: string | null;
}

/**
 * Finance sends a refund that did not pay to the gateway again, from the refund panel. A `failed`
 * refund keeps its record and number (the gateway still knows the number and pays it at most
 * once) when the amount to pay is still its amount; after `closed` (the gateway will never accept
 * that number again) a new record with the next number replaces it — both through the refund
 * step's own startRefund. After a lowered amount a failed record is replaced the same way. Either
 * way the amount is reserved once more (the failure released it) and the gateway call is queued
 * in the same transaction.
 */
export async function retryRefund(db: Db, actor: Actor, input: RetryRefundInput, deps: { gateways: GatewayRegistry; jobs: JobSender }, now = new Date()): Promise<ActResult> {
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
        if (!old || (old.status !== "failed" && old.status !== "closed") || old.channel === "offline" || old.channel === "platform") {
          throw new AppError("refund_not_retryable");
        }
        const { paidFen, live, latestId } = await goodsRefundState(sql, req.id);
        const toPay = (req.approvedRefundFen ?? req.requestedRefundFen) - paidFen;
        // Only the newest record is continued: an older one was already replaced.
        if (live > 0 || toPay <= 0 || latestId !== old.id) throw new AppError("refund_not_retryable");

        if (old.status === "closed" || old.amountFen === toPay) {
          const started = await startRefund(sql, req, { ...deps, createdBy: actor.id, now });
          return { changes: started.changes, refundId: started.refundId };
        }
        const channel = deps.gateways.channelFor(old.gateway as never);
        if (!channel) throw new AppError("no_gateway_for_method", { method: old.gateway });
        const outRefundNo = await nextRefundNo(sql, req.id, req.rmaNo);
        const refundId = await createRefund(sql, {
          requestId: req.id,
          orderId: req.orderId,
          kind: "goods",
          amountFen: toPay,
          outRefundNo,
          channel,
          replacesRefundId: old.id,
          createdBy: actor.id,
          nextCheckAt: new Date(now.getTime() + checkDelayMinutes(1) * 60_000),
          now,
        });
        if (!refundId) throw new AppError("not_found");
        await deps.jobs.send(sql, QUEUES.refundExecute, { refundId });
        return { changes: { refundId, outRefundNo, amountFen: toPay, channel, replacesRefundId: old.id }, refundId };
      },
    },
    now,
  );
}
