import type { GatewayAnswer } from "../refund-gateway";

/**
 * WeChat's words mapped onto the refund flow's states (docs/decisions/023-wechat-pay-refunds.md).
 * Only verified answers come here: an unsigned or badly signed one is `unknown` before this.
 */

/** The refund object of the apply and query APIs; notifications carry the same facts as `refund_status`. */
export interface WechatRefund {
  refund_id?: string;
  out_refund_no?: string;
  status?: string;
  refund_status?: string;
  success_time?: string;
  user_received_account?: string;
  amount?: { refund?: number; total?: number; payer_refund?: number };
}

export function answerFromRefund(refund: WechatRefund, expectedOutRefundNo: string): GatewayAnswer {
  if (refund.out_refund_no !== expectedOutRefundNo) {
    return { state: "unknown", message: `the answer is about refund ${String(refund.out_refund_no)}, not ${expectedOutRefundNo}` };
  }
  const status = refund.status ?? refund.refund_status;
  switch (status) {
    case "SUCCESS": {
      const amount = refund.amount?.refund;
      if (!refund.refund_id || typeof amount !== "number" || !Number.isInteger(amount)) {
        return { state: "unknown", code: "SUCCESS", message: "SUCCESS without refund_id or amount.refund" };
      }
      const at = refund.success_time ? new Date(refund.success_time) : null;
      return {
        state: "succeeded",
        gatewayRefundId: refund.refund_id,
        amountFen: amount,
        succeededAt: at && !Number.isNaN(at.getTime()) ? at : null,
        code: "SUCCESS",
        ...(refund.user_received_account ? { message: refund.user_received_account } : {}),
      };
    }
    case "PROCESSING":
      return { state: "processing", code: "PROCESSING", ...(refund.refund_id ? { gatewayRefundId: refund.refund_id } : {}) };
    case "CLOSED":
      return { state: "closed", code: "CLOSED", message: "退款关闭：需以新的退款单号重新发起" };
    case "ABNORMAL":
      return { state: "abnormal", code: "ABNORMAL", message: "退款异常：用户账户异常或已注销，需人工处理" };
    default:
      return { state: "unknown", message: `unexpected refund status ${String(status)}` };
  }
}

/**
 * A verified non-2xx answer: WeChat's `{code, message}`. 4xx means the call was refused and paid
 * nothing (the same number may be sent again: WeChat asks never to change it); 429 and 5xx mean
 * "try again later" and say nothing about whether the refund exists, so they are `unknown`.
 */
export function answerFromError(status: number, body: unknown): GatewayAnswer {
  const { code, message } = errorWords(body);
  if (status === 429 || status >= 500 || code === "SYSTEM_ERROR" || code === "FREQUENCY_LIMITED") {
    return { state: "unknown", code: code ?? `HTTP_${status}`, message: message ?? `HTTP ${status}` };
  }
  if (status >= 400 && code) return { state: "refused", code, message: message ?? code };
  return { state: "unknown", code: `HTTP_${status}`, message: `unexpected HTTP ${status}` };
}

export function errorWords(body: unknown): { code?: string; message?: string } {
  if (!body || typeof body !== "object") return {};
  const b = body as { code?: unknown; message?: unknown };
  return {
    ...(typeof b.code === "string" ? { code: b.code } : {}),
    ...(typeof b.message === "string" ? { message: b.message } : {}),
  };
}
