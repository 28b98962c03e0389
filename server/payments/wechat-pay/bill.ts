import type { StatementLine } from "../refund-gateway";

/**
 * WeChat Pay's trade bill (交易账单) with bill_type=REFUND: a CSV whose first line names the
 * columns, then one line per refund whose every field starts with a backtick (so spreadsheets keep
 * long numbers as text), then a summary header (总交易单数,…) and its line. Columns are found by
 * name, so added or reordered columns do not break the parse.
 */
const COLUMNS = {
  outRefundNo: "商户退款单号",
  refundId: "微信退款单号",
  orderNo: "商户订单号",
  amount: "退款金额",
  status: "退款状态",
  successAt: "退款成功时间",
  appliedAt: "退款申请时间",
  tradeAt: "交易时间",
} as const;

export function parseRefundBill(text: string): StatementLine[] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/).filter((l) => l.trim() !== "");
  if (lines.length === 0) return [];
  const header = lines[0]!.split(",").map((h) => h.trim());
  const at = (name: string) => header.indexOf(name);
  const idx = Object.fromEntries(Object.entries(COLUMNS).map(([k, name]) => [k, at(name)])) as Record<keyof typeof COLUMNS, number>;
  for (const key of ["outRefundNo", "refundId", "orderNo", "amount", "status"] as const) {
    if (idx[key] < 0) throw new Error(`the refund bill has no ${COLUMNS[key]} column`);
  }
  const out: StatementLine[] = [];
  for (const line of lines.slice(1)) {
    if (!line.startsWith("`")) break; // the summary header (总交易单数,…) ends the refund lines
    const fields = line.slice(1).split(",`");
    const field = (i: number) => (i >= 0 ? (fields[i] ?? "").trim() : "");
    const when = field(idx.successAt) || field(idx.appliedAt) || field(idx.tradeAt);
    out.push({
      outRefundNo: field(idx.outRefundNo),
      gatewayRefundId: field(idx.refundId),
      orderNo: field(idx.orderNo),
      amountFen: yuanToFen(field(idx.amount)),
      status: field(idx.status),
      at: beijingTime(when),
    });
  }
  return out;
}

/** "12.30" → 1230, exactly (no floating point). */
export function yuanToFen(yuan: string): number {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(yuan);
  if (!m) throw new Error(`not an amount in yuan: ${yuan}`);
  return Number(m[1]) * 100 + Number((m[2] ?? "0").padEnd(2, "0"));
}

/** The bill's "2026-11-29 10:00:00" is Beijing time. */
function beijingTime(s: string): Date {
  const d = new Date(`${s.replace(" ", "T")}+08:00`);
  if (Number.isNaN(d.getTime())) throw new Error(`not a bill time: ${s}`);
  return d;
}
