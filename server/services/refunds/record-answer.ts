import { sqlOf, type Db } from "../../../db/client";
import type { GatewayAnswerRecord } from "../../../db/schema/refunds";
import { answerEffect, statusAfter, type AnswerEffect } from "../../domain/refund-answer";
import { nextCheckAt } from "../../domain/refund-schedule";
import type { RefundStatus } from "../../domain/vocabulary";
import type { GatewayAnswer } from "../../payments/refund-gateway";
import { applyStep } from "../act-on-request";
import { lockRefund, markAbnormal, markEndedUnpaid, markSucceeded, markWaiting, requestOfRefund } from "../data/refunds";
import { lockRequest } from "../data/request-steps";
import { withDbErrors } from "../pg-errors";

const SYSTEM = { type: "system", id: "system", role: "system" } as const;

export interface Recorded {
  effect: AnswerEffect;
  status: RefundStatus;
}

/**
 * Records what a gateway said about one refund — from the worker's start, the reconciler's
 * query, or a notification — in one transaction (docs/decisions/021-refunds-exactly-once.md):
 * the request and then the refund are locked, the answer's effect decided from the refund's
 * CURRENT status (domain/refund-answer.ts), and every change guarded by that status, so a
 * duplicate, late or racing answer changes nothing. A final answer moves the request too
 * (refund_succeeded / refund_failed / refund_abnormal, recorded by the system in its history).
 * `call` says the answer came from a gateway call we made (counted in attempts).
 */
export async function recordGatewayAnswer(db: Db, refundId: string, answer: GatewayAnswer, opts: { call: boolean; now?: Date }): Promise<Recorded | null> {
  const now = opts.now ?? new Date();
  return withDbErrors(() =>
    db.transaction(async (tx) => {
      const sql = sqlOf(tx);
      const requestId = await requestOfRefund(sql, refundId);
      if (!requestId) return null;
      // Request first, then refund: the order every step that touches both takes its locks in.
      const req = await lockRequest(sql, requestId, null);
      const refund = await lockRefund(sql, refundId);
      if (!req || !refund) return null;
      const effect = answerEffect(refund.status, answer.state);
      const status = statusAfter(refund.status, effect, answer.state);
      if (effect === "ignore") return { effect, status: refund.status };

      const record: GatewayAnswerRecord = { state: answer.state, code: answer.code, message: answer.message, at: now.toISOString() };
      const calls = opts.call ? 1 : 0;
      const reason = answer.message ? `${answer.code ?? answer.state}: ${answer.message}` : (answer.code ?? answer.state);
      const step = (action: "refund_succeeded" | "refund_failed" | "refund_abnormal", extra: { gatewayRefundId?: string; failureReason?: string } = {}) =>
        // A refund of another kind (price difference, postage) may end while the request is elsewhere: only the goods refund moves it.
        req.status === "refunding" && refund.kind === "goods"
          ? applyStep(tx, SYSTEM, { requestId, action, refund: { id: refund.id, status, amountFen: refund.amountFen }, ...extra }, now)
          : null;

      switch (effect) {
        case "succeed": {
          const a = answer as Extract<GatewayAnswer, { state: "succeeded" }>;
          if (await markSucceeded(sql, refund.id, { gatewayRefundId: a.gatewayRefundId || null, succeededAt: a.succeededAt ?? now, answer: record, calls, now })) {
            await step("refund_succeeded", { gatewayRefundId: a.gatewayRefundId });
          }
          break;
        }
        case "close":
        case "fail":
          if (await markEndedUnpaid(sql, refund.id, { status: effect === "close" ? "closed" : "failed", reason, answer: record, calls, now })) {
            await step("refund_failed", { failureReason: reason });
          }
          break;
        case "abnormal":
          if (await markAbnormal(sql, refund.id, { reason, answer: record, calls, now })) await step("refund_abnormal", { failureReason: reason });
          break;
        case "wait": {
          const gatewayRefundId = answer.state === "processing" ? (answer.gatewayRefundId ?? null) : null;
          const next = nextCheckAt({ createdAt: refund.createdAt, calls: refund.attempts + calls, now });
          await markWaiting(sql, refund.id, { status: status as "pending" | "processing", gatewayRefundId, answer: record, calls, nextCheckAt: next, now });
          break;
        }
      }
      return { effect, status };
    }),
  );
}
