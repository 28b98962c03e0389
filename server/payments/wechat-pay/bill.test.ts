import { describe, expect, it } from "vitest";
import { parseRefundBill, yuanToFen } from "./bill";

const BILL = [
  "\uFEFF交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,退款申请时间,退款成功时间,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注",
  "`2026-11-29 09:58:01,`wx8888888888888888,`1900000109,`0,`,`4200001234202611291234567890,`SO20261129001,`oUser1,`JSAPI,`REFUND,`OTHERS,`CNY,`0.00,`0.00,`2026-11-29 10:00:00,`2026-11-29 10:00:05,`50300001232026112900001,`RFR20261129001-1,`19.90,`0.00,`ORIGINAL,`SUCCESS,`T恤, 白色,`,`0.00000,`0.60%,`50.00,`19.90,`",
  "`2026-11-29 11:00:00,`wx8888888888888888,`1900000109,`0,`,`4200001234202611291234567891,`SO20261129002,`oUser2,`JSAPI,`REFUND,`OTHERS,`CNY,`0.00,`0.00,`2026-11-29 11:30:00,`,`50300001232026112900002,`RFR20261129002-1,`0.01,`0.00,`ORIGINAL,`PROCESSING,`袜子,`,`0.00000,`0.60%,`0.01,`0.01,`",
  "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额",
  "`2,`0.00,`19.91,`0.00,`0.00000,`0.00,`19.91",
].join("\r\n");

describe("WeChat Pay refund bill", () => {
  it("reads one line per refund by column name, in fen, in Beijing time, and stops at the summary", () => {
    expect(parseRefundBill(BILL)).toEqual([
      { outRefundNo: "RFR20261129001-1", gatewayRefundId: "50300001232026112900001", orderNo: "SO20261129001", amountFen: 1990, status: "SUCCESS", at: new Date("2026-11-29T02:00:05Z") },
      // No success time yet: the refund's application time.
      { outRefundNo: "RFR20261129002-1", gatewayRefundId: "50300001232026112900002", orderNo: "SO20261129002", amountFen: 1, status: "PROCESSING", at: new Date("2026-11-29T03:30:00Z") },
    ]);
  });

  it("an empty file has no lines; a file without the refund columns is an error", () => {
    expect(parseRefundBill("")).toEqual([]);
    expect(() => parseRefundBill("交易时间,商户号\r\n`2026-11-29 10:00:00,`1900000109")).toThrow(/商户退款单号/);
  });

  it("converts yuan to fen exactly", () => {
    expect(yuanToFen("0.01")).toBe(1);
    expect(yuanToFen("19.9")).toBe(1990);
    expect(yuanToFen("1234567.89")).toBe(123456789);
    expect(yuanToFen("5")).toBe(500);
    expect(() => yuanToFen("-1.00")).toThrow();
  });
});
