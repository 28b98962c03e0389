import type { SandboxRefund } from "./ledger";

/**
 * The refund bill (交易账单, bill_type=REFUND) in WeChat Pay's CSV form: a header line, one line
 * per refund with every field prefixed by a backtick, then the summary header and line.
 * Status words are the bill's own (SUCCESS, PROCESSING, REFUNDCLOSE, CHANGE for abnormal).
 */
const HEADER =
  "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,退款申请时间,退款成功时间,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注";
const SUMMARY_HEADER = "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额";

const BILL_STATUS = { SUCCESS: "SUCCESS", PROCESSING: "PROCESSING", CLOSED: "REFUNDCLOSE", ABNORMAL: "CHANGE" } as const;

/** The Beijing calendar day (YYYY-MM-DD) of an instant. */
export function beijingDay(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);
}

function beijingClock(iso: string | null): string {
  if (!iso) return "";
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 19).replace("T", " ");
}

const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, "0")}`;

export function refundBill(refunds: SandboxRefund[], mchid: string): string {
  const lines = [HEADER];
  let total = 0;
  for (const r of refunds) {
    const e = r.entry;
    total += e.amountFen;
    const fields = [
      beijingClock(e.createdAt),
      "wx8888888888888888",
      mchid,
      "0",
      "",
      r.transactionId,
      r.outTradeNo,
      "oSandboxUser",
      "JSAPI",
      "REFUND",
      "OTHERS",
      "CNY",
      "0.00",
      "0.00",
      beijingClock(e.createdAt),
      beijingClock(e.succeededAt),
      e.gatewayRefundId,
      e.outRefundNo,
      yuan(e.amountFen),
      "0.00",
      "ORIGINAL",
      BILL_STATUS[e.status],
      "退换货退款",
      "",
      "0.00000",
      "0.60%",
      yuan(r.totalFen),
      yuan(e.amountFen),
      "",
    ];
    lines.push(fields.map((f) => `\`${f}`).join(","));
  }
  lines.push(SUMMARY_HEADER);
  lines.push([String(refunds.length), "0.00", yuan(total), "0.00", "0.00000", "0.00", yuan(total)].map((f) => `\`${f}`).join(","));
  return lines.join("\r\n") + "\r\n";
}
