import type { RefundStatus } from "./vocabulary";

/** The states a gateway's answer maps onto (server/payments/refund-gateway.ts GatewayAnswer). */
export type AnswerState = "succeeded" | "processing" | "closed" | "abnormal" | "refused" | "unknown";

/**
 * What recording a gateway's answer does to a refund in status `status`
 * (docs/decisions/021-refunds-exactly-once.md):
 * - succeed: the money moved; the refund succeeds and the request completes;
 * - close / fail: nothing was paid and nothing will be under this number; the reservation is
 *   released (exactly once) and the request goes back to pending_refund. After close a retry
 *   needs a new number; after fail (a refusal) the same number may be tried again;
 * - abnormal: the payout failed at the bank; the reservation stays, a person acts;
 * - wait: no final answer yet; remember what was said, ask again later;
 * - ignore: the refund already has its final state (a duplicate or late answer changes nothing).
 * An abnormal refund still accepts a success: the gateway may pay it after the merchant's
 * intervention, and the money having moved is the one fact that must never be lost.
 */
export type AnswerEffect = "succeed" | "close" | "fail" | "abnormal" | "wait" | "ignore";

export function answerEffect(status: RefundStatus, answer: AnswerState): AnswerEffect {
  if (status === "abnormal") return answer === "succeeded" ? "succeed" : "ignore";
  if (status !== "pending" && status !== "processing") return "ignore";
  switch (answer) {
    case "succeeded":
      return "succeed";
    case "closed":
      return "close";
    case "refused":
      return "fail";
    case "abnormal":
      return "abnormal";
    case "processing":
    case "unknown":
      return "wait";
  }
}

/** The refund status after `effect` (unchanged for wait / ignore). */
export function statusAfter(status: RefundStatus, effect: AnswerEffect, answer: AnswerState): RefundStatus {
  switch (effect) {
    case "succeed":
      return "succeeded";
    case "close":
      return "closed";
    case "fail":
      return "failed";
    case "abnormal":
      return "abnormal";
    case "wait":
      return answer === "processing" ? "processing" : status;
    case "ignore":
      return status;
  }
}
