import type { GatewayAnswer } from "../refund-gateway";
import { yuanToFen } from "./amount";
import { parseBeijingTime } from "./beijing-time";

/**
 * How Alipay's answers map onto the refund flow's states (docs/decisions/022-alipay-refunds.md).
 * Pure functions over the response objects the SDK returned after verifying their signature.
 */
export type AlipayResponse = Record<string, unknown>;

const text = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

/**
 * Public gateway codes (opendocs "公共错误码"): 10000 success; 20000 service unavailable (the call
 * may or may not have happened); 20001 authorisation; 40001 missing parameter; 40002 invalid
 * parameter (incl. a bad request signature); 40004 business failure (sub_code ACQ.*); 40006
 * insufficient permission. `null` = code 10000, the method-specific mapping decides.
 */
export function failureAnswer(response: AlipayResponse): GatewayAnswer | null {
  const code = text(response.code) ?? "";
  if (code === "10000") return null;
  const subCode = text(response.sub_code);
  const message = text(response.sub_msg) ?? text(response.msg) ?? "Alipay did not say why";
  // ACQ.SYSTEM_ERROR: Alipay's own docs say "retry with the same parameters" — the refund may have happened.
  if (code === "20000" || subCode === "ACQ.SYSTEM_ERROR" || subCode?.startsWith("isp.")) {
    return { state: "unknown", code: subCode ?? code, message };
  }
  if (["20001", "40001", "40002", "40004", "40006"].includes(code)) {
    return { state: "refused", code: subCode ?? code, message };
  }
  return { state: "unknown", code: subCode ?? code, message };
}

/**
 * alipay.trade.refund. `refund_fee` there is the trade's refunded TOTAL, not this refund's amount,
 * so the amount paid is the one we asked for (Alipay refuses an out_request_no repeated with another
 * amount: ACQ.DISCORDANT_REPEAT_REQUEST). fund_change=Y: this call moved the money. fund_change=N:
 * no money moved by this call — already refunded earlier under the same number, or still being
 * processed — and only the refund query tells which.
 */
export function refundAnswer(response: AlipayResponse, requestedFen: number): GatewayAnswer {
  const failure = failureAnswer(response);
  if (failure) return failure;
  const tradeNo = text(response.trade_no) ?? "";
  if (response.fund_change === "Y") {
    return {
      state: "succeeded",
      gatewayRefundId: tradeNo,
      amountFen: requestedFen,
      succeededAt: parseBeijingTime(text(response.gmt_refund_pay)),
      code: "10000",
      message: "fund_change=Y",
    };
  }
  return { state: "processing", ...(tradeNo ? { gatewayRefundId: tradeNo } : {}), code: "10000", message: "fund_change=N: the refund query decides" };
}

/**
 * alipay.trade.fastpay.refund.query. Alipay: code 10000 only means the query ran. refund_status
 * REFUND_SUCCESS = refunded. No refund_status = "the refund request was not received, or the
 * refund failed": nothing was paid under this number, and Alipay's documented remedy is to call
 * alipay.trade.refund again WITH THE SAME out_request_no — so it is `refused` (same number may be
 * tried again), never `closed` (which would make the flow take a new number while the old one
 * could still be paid). REFUND_PROCESSING (asynchronous refunds) → processing; REFUND_FAIL → refused.
 */
export function refundQueryAnswer(response: AlipayResponse): GatewayAnswer {
  const failure = failureAnswer(response);
  if (failure) return failure;
  const status = text(response.refund_status);
  const tradeNo = text(response.trade_no) ?? "";
  if (status === "REFUND_SUCCESS") {
    const amountFen = yuanToFen(text(response.refund_amount));
    if (amountFen === null) return { state: "unknown", code: "REFUND_SUCCESS", message: `refund_amount is not an amount: ${String(response.refund_amount)}` };
    return {
      state: "succeeded",
      gatewayRefundId: tradeNo,
      amountFen,
      succeededAt: parseBeijingTime(text(response.gmt_refund_pay)),
      code: status,
      message: "refund_status=REFUND_SUCCESS",
    };
  }
  if (status === undefined) {
    return { state: "refused", code: "REFUND_NOT_FOUND", message: "Alipay shows no refund under this out_request_no (not received, or failed); retry it with the same number" };
  }
  if (status === "REFUND_FAIL") return { state: "refused", code: status, message: "refund_status=REFUND_FAIL" };
  return { state: "processing", ...(tradeNo ? { gatewayRefundId: tradeNo } : {}), code: status, message: `refund_status=${status}` };
}
