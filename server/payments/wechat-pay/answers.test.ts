import { describe, expect, it } from "vitest";
import { answerFromError, answerFromRefund } from "./answers";

const refund = (status: string, over: object = {}) => ({ refund_id: "50300000000000000000000001", out_refund_no: "RFR1-1", status, amount: { refund: 990, total: 5000 }, ...over });

describe("WeChat refund status → the refund flow's answer", () => {
  it("SUCCESS is succeeded with WeChat's refund id, amount in fen and success time", () => {
    expect(answerFromRefund(refund("SUCCESS", { success_time: "2026-11-29T10:00:01+08:00", user_received_account: "支付用户零钱" }), "RFR1-1")).toEqual({
      state: "succeeded",
      gatewayRefundId: "50300000000000000000000001",
      amountFen: 990,
      succeededAt: new Date("2026-11-29T02:00:01Z"),
      code: "SUCCESS",
      message: "支付用户零钱",
    });
  });

  it("PROCESSING, CLOSED and ABNORMAL are processing, closed and abnormal", () => {
    expect(answerFromRefund(refund("PROCESSING"), "RFR1-1")).toMatchObject({ state: "processing", gatewayRefundId: "50300000000000000000000001" });
    expect(answerFromRefund(refund("CLOSED"), "RFR1-1")).toMatchObject({ state: "closed", code: "CLOSED" });
    expect(answerFromRefund(refund("ABNORMAL"), "RFR1-1")).toMatchObject({ state: "abnormal", code: "ABNORMAL" });
  });

  it("an answer about another refund number, a SUCCESS without amount, or an unknown status is unknown", () => {
    expect(answerFromRefund(refund("SUCCESS"), "RFR1-2").state).toBe("unknown");
    expect(answerFromRefund(refund("SUCCESS", { amount: {} }), "RFR1-1").state).toBe("unknown");
    expect(answerFromRefund(refund("REFUNDING"), "RFR1-1").state).toBe("unknown");
  });
});

describe("WeChat error answers", () => {
  it.each([
    [400, "PARAM_ERROR"],
    [400, "INVALID_REQUEST"],
    [403, "NOT_ENOUGH"],
    [403, "NO_AUTH"],
    [404, "RESOURCE_NOT_EXISTS"],
    [401, "SIGN_ERROR"],
  ])("HTTP %i %s is refused with WeChat's code and message", (status, code) => {
    expect(answerFromError(status, { code, message: "说明" })).toEqual({ state: "refused", code, message: "说明" });
  });

  it.each([
    [500, { code: "SYSTEM_ERROR", message: "系统错误" }],
    [502, null],
    [429, { code: "FREQUENCY_LIMITED", message: "频率超限" }],
    [400, {}],
  ])("HTTP %i %j is unknown: it says nothing about whether the refund exists", (status, body) => {
    expect(answerFromError(status, body).state).toBe("unknown");
  });
});
