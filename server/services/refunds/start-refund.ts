import type { TxSql } from "../../../db/client";
import { AppError } from "../../domain/errors";
import { checkDelayMinutes } from "../../domain/refund-schedule";
import type { JobSender } from "../../jobs/boss";
import { QUEUES } from "../../jobs/queues";
import type { GatewayRegistry } from "../../payments/registry";
import { createRefund, rearmRefund, refundStepContext } from "../data/refunds";
import type { LockedRequest } from "../data/request-steps";

/**
 * Finance's `refund` step, inside the step's transaction (the request is locked): the refund
 * record with its merchant number, the reservation on the order, and the queued gateway call,
 * all committed together or not at all (docs/decisions/021-refunds-exactly-once.md). No gateway
 * is called here: the worker does that after commit, with the stored number.
 *
 * - first attempt: a new record `RF<rmaNo>-1`;
 * - after the gateway refused (failed): the same record and number again (the gateway allows it);
 * - after the gateway closed the number: a new record `RF<rmaNo>-<n+1>` that names the old one.
 */
export async function startRefund(
  sql: TxSql,
  req: LockedRequest,
  deps: { gateways: GatewayRegistry; jobs: JobSender; createdBy: string | null; now: Date },
): Promise<{ refundId: string; changes: Record<string, unknown> }> {
  const amountFen = req.approvedRefundFen ?? req.requestedRefundFen;
  if (amountFen <= 0) throw new AppError("refund_exceeds_paid");
  const { method, count, latest: previous } = await refundStepContext(sql, req.id, req.orderId, "goods");
  if (!method) throw new AppError("not_found");
  // Only a configured gateway pays money back; offline and platform refunds are recorded by finance instead.
  const channel = deps.gateways.channelFor(method);
  if (!channel) throw new AppError("no_gateway_for_method", { method });

  const nextCheckAt = new Date(deps.now.getTime() + checkDelayMinutes(1) * 60_000);
  let refundId: string | undefined;
  let changes: Record<string, unknown>;
  if (previous?.status === "failed") {
    refundId = await rearmRefund(sql, previous.id, nextCheckAt, deps.now);
    changes = { refundId, outRefundNo: previous.outRefundNo, amountFen: previous.amountFen, channel: previous.channel, retry: true };
  } else {
    const outRefundNo = `RF${req.rmaNo}-${count + 1}`;
    const replacesRefundId = previous?.status === "closed" ? previous.id : null;
    refundId = await createRefund(sql, {
      requestId: req.id,
      orderId: req.orderId,
      kind: "goods",
      amountFen,
      outRefundNo,
      channel,
      replacesRefundId,
      createdBy: deps.createdBy,
      nextCheckAt,
      now: deps.now,
    });
    changes = { refundId, outRefundNo, amountFen, channel, ...(replacesRefundId ? { replacesRefundId } : {}) };
  }
  if (!refundId) throw new AppError("not_found");
  await deps.jobs.send(sql, QUEUES.refundExecute, { refundId });
  return { refundId, changes };
}
