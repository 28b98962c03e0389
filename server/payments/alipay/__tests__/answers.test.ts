import { describe, expect, it } from "vitest";
import { unknownFromError } from "../adapter";
import { failureAnswer, refundAnswer, refundQueryAnswer } from "../answers";

describe("alipay.trade.refund answers", () => {
  it("fund_change=Y is success for the amount asked (refund_fee is the trade's total, not this refund's)", () => {
    const a = refundAnswer({ code: "10000", msg: "Success", trade_no: "2026112922001404560000000001", fund_change: "Y", refund_fee: "88.00", gmt_refund_pay: "2026-11-29 10:00:00" }, 1234);
    expect(a).toEqual({
      state: "succeeded",
      gatewayRefundId: "2026112922001404560000000001",
      amountFen: 1234,
      succeededAt: new Date("2026-11-29T02:00:00Z"),
      code: "10000",
      message: "fund_change=Y",
    });
  });

  it("fund_change=N (a retried number, or not yet paid) is processing: the query decides", () => {
    expect(refundAnswer({ code: "10000", fund_change: "N", trade_no: "T1" }, 100)).toMatchObject({ state: "processing", gatewayRefundId: "T1" });
    expect(refundAnswer({ code: "10000" }, 100).state).toBe("processing");
  });

  it("ACQ.* business failures are refused with Alipay's code and message", () => {
    expect(refundAnswer({ code: "40004", msg: "Business Failed", sub_code: "ACQ.TRADE_NOT_EXIST", sub_msg: "交易不存在" }, 1)).toEqual({
      state: "refused",
      code: "ACQ.TRADE_NOT_EXIST",
      message: "交易不存在",
    });
    expect(refundAnswer({ code: "40002", sub_code: "isv.invalid-signature", sub_msg: "验签出错" }, 1)).toMatchObject({ state: "refused", code: "isv.invalid-signature" });
  });

  it("ACQ.SYSTEM_ERROR, 20000 and isp.* are unknown: the refund may have happened", () => {
    expect(failureAnswer({ code: "40004", sub_code: "ACQ.SYSTEM_ERROR", sub_msg: "系统错误" })).toMatchObject({ state: "unknown", code: "ACQ.SYSTEM_ERROR" });
    expect(failureAnswer({ code: "20000", sub_code: "isp.unknow-error", sub_msg: "系统繁忙" })).toMatchObject({ state: "unknown" });
    expect(failureAnswer({ code: "40004", sub_code: "isp.bill_not_exist" })).toMatchObject({ state: "unknown" });
    expect(failureAnswer({ code: "99999" })).toMatchObject({ state: "unknown" });
  });
});

describe("alipay.trade.fastpay.refund.query answers", () => {
  it("REFUND_SUCCESS is success with this refund's amount and time", () => {
    expect(refundQueryAnswer({ code: "10000", trade_no: "T", refund_amount: "12.30", refund_status: "REFUND_SUCCESS", gmt_refund_pay: "2026-11-29 08:00:01" })).toMatchObject({
      state: "succeeded",
      amountFen: 1230,
      gatewayRefundId: "T",
      succeededAt: new Date("2026-11-29T00:00:01Z"),
    });
  });

  it("no refund_status means not received or failed: refused, to be retried with the same number", () => {
    expect(refundQueryAnswer({ code: "10000", msg: "Success", out_request_no: "RF1-1" })).toMatchObject({ state: "refused", code: "REFUND_NOT_FOUND" });
  });

  it("REFUND_PROCESSING is processing; REFUND_FAIL refused; an unreadable amount unknown", () => {
    expect(refundQueryAnswer({ code: "10000", refund_status: "REFUND_PROCESSING" }).state).toBe("processing");
    expect(refundQueryAnswer({ code: "10000", refund_status: "REFUND_FAIL" })).toMatchObject({ state: "refused", code: "REFUND_FAIL" });
    expect(refundQueryAnswer({ code: "10000", refund_status: "REFUND_SUCCESS", refund_amount: "1.234" }).state).toBe("unknown");
  });

  it("a business failure of the query is refused (ACQ.TRADE_NOT_EXIST: nothing to refund from)", () => {
    expect(refundQueryAnswer({ code: "40004", sub_code: "ACQ.TRADE_NOT_EXIST", sub_msg: "交易不存在" }).state).toBe("refused");
  });
});

describe("the SDK's errors", () => {
  it("are all unknown, told apart for finance, without the request URL", () => {
    const network = unknownFromError(new Error("HttpClient Request error: connect ECONNREFUSED 127.0.0.1:1 https://x/gateway.do?sign=secret"));
    expect(network).toMatchObject({ state: "unknown", code: "NETWORK_ERROR" });
    expect(network.message).not.toContain("sign=");
    expect(unknownFromError(new Error("HttpClient Request error: Request timeout for 1000 ms"))).toMatchObject({ code: "TIMEOUT" });
    expect(unknownFromError(new Error("HTTP 请求错误, status: 502"))).toMatchObject({ state: "unknown", code: "HTTP_502" });
    expect(unknownFromError(new Error("验签失败，服务端返回的 sign: 'x' 无效"))).toMatchObject({ code: "INVALID_RESPONSE_SIGNATURE" });
    expect(unknownFromError(new Error("Response 格式错误"))).toMatchObject({ code: "INVALID_RESPONSE" });
    expect(unknownFromError("boom")).toMatchObject({ state: "unknown", code: "ERROR" });
  });
});
