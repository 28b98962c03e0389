import { zipSync } from "fflate";
import { encodeGbk } from "./gbk";
import type { AlipayLedger } from "./ledger";

/**
 * The daily trade bill (bill_type=trade) as Alipay serves it: a zip of two GBK CSV files,
 * `<pid>_<yyyyMMdd>_业务明细.csv` (one line per payment and refund, cells padded with a tab so
 * spreadsheets keep long numbers as text) and `<pid>_<yyyyMMdd>_业务明细(汇总).csv`.
 */
const DETAIL_HEADER = [
  "支付宝交易号",
  "商户订单号",
  "业务类型",
  "商品名称",
  "创建时间",
  "完成时间",
  "门店编号",
  "门店名称",
  "操作员",
  "终端号",
  "对方账户",
  "订单金额（元）",
  "商家实收（元）",
  "支付宝红包（元）",
  "集分宝（元）",
  "支付宝优惠（元）",
  "商家优惠（元）",
  "券核销金额（元）",
  "券名称",
  "商家红包消费金额（元）",
  "卡消费金额（元）",
  "退款批次号/请求号",
  "服务费（元）",
  "分润（元）",
  "备注",
];

const bj = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace("T", " ");
const yuan = (fen: number) => `${fen < 0 ? "-" : ""}${Math.trunc(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, "0")}`;
const chineseDate = (day: string, time = "00:00:00") => `${day.slice(0, 4)}年${day.slice(5, 7)}月${day.slice(8, 10)}日 ${time}`;

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function billZip(ledger: AlipayLedger, day: string): { fileName: string; zip: Uint8Array } {
  const compact = day.replaceAll("-", "");
  const rows: string[][] = [];
  let paidFen = 0;
  let payments = 0;
  let refundedFen = 0;
  let refunds = 0;
  for (const trade of ledger.trades.values()) {
    if (trade.totalFen === null || bj(trade.createdAt).slice(0, 10) !== day) continue;
    payments += 1;
    paidFen += trade.totalFen;
    rows.push(line({ tradeNo: trade.tradeNo, orderNo: trade.outTradeNo, kind: "交易", subject: trade.subject, created: trade.createdAt, finished: trade.createdAt, fen: trade.totalFen, requestNo: "", note: "" }));
  }
  for (const refund of ledger.refunds.values()) {
    if (refund.status !== "SUCCESS" || !refund.succeededAt || bj(refund.succeededAt).slice(0, 10) !== day) continue;
    const trade = [...ledger.trades.values()].find((t) => t.tradeNo === refund.tradeNo);
    refunds += 1;
    refundedFen += refund.amountFen;
    rows.push(
      line({
        tradeNo: refund.tradeNo,
        orderNo: refund.orderNo,
        kind: "退款",
        subject: trade?.subject ?? "",
        created: trade?.createdAt ?? refund.createdAt,
        finished: refund.succeededAt,
        fen: -refund.amountFen,
        requestNo: refund.outRefundNo,
        note: refund.reason,
      }),
    );
  }
  const period = `#起始日期：[${chineseDate(day)}]   终止日期：[${chineseDate(nextDay(day))}]`;
  const exported = `#导出时间：[${chineseDate(bj(new Date()).slice(0, 10), bj(new Date()).slice(11))}]`;
  const detail = [
    "#支付宝业务明细查询",
    `#账号：[${ledger.seller}0156]`,
    period,
    "#-----------------------------------------业务明细列表----------------------------------------",
    DETAIL_HEADER.join(","),
    ...rows.map((r) => r.join(",")),
    "#-----------------------------------------业务明细列表结束------------------------------------",
    `#交易合计：${payments}笔，商家实收共${yuan(paidFen)}元，商家优惠共0.00元`,
    `#退款合计：${refunds}笔，商家实收退款共${yuan(-refundedFen)}元，商家优惠退款共0.00元`,
    exported,
  ].join("\r\n");
  const summary = [
    "#支付宝业务汇总查询",
    `#账号：[${ledger.seller}0156]`,
    period,
    "#-----------------------------------------业务汇总列表----------------------------------------",
    "门店编号,门店名称,交易订单总笔数,退款订单总笔数,订单金额（元）,商家实收（元）,支付宝优惠（元）,商家优惠（元）,卡消费金额（元）,服务费（元）,分润（元）,实收净额（元）",
    `合计,,${payments},${refunds},${yuan(paidFen - refundedFen)},${yuan(paidFen - refundedFen)},0.00,0.00,0.00,0.00,0.00,${yuan(paidFen - refundedFen)}`,
    "#-----------------------------------------业务汇总列表结束-----------------------------------",
    exported,
  ].join("\r\n");
  const base = `${ledger.seller}0156_${compact}`;
  const zip = zipSync({ [`${base}_业务明细.csv`]: encodeGbk(detail), [`${base}_业务明细(汇总).csv`]: encodeGbk(summary) });
  return { fileName: `${base}.csv.zip`, zip };
}

function line(l: { tradeNo: string; orderNo: string; kind: string; subject: string; created: Date; finished: Date; fen: number; requestNo: string; note: string }): string[] {
  const cells = [l.tradeNo, l.orderNo, l.kind, l.subject, bj(l.created), bj(l.finished), "", "", "", "", "", yuan(l.fen), yuan(l.fen), "0.00", "0.00", "0.00", "0.00", "0.00", "", "0.00", "0.00", l.requestNo, "0.00", "0.00", l.note];
  // Alipay pads each cell with a tab (and keeps commas out of free text).
  return cells.map((c) => `${c.replaceAll(",", "，")}\t`);
}
