import { unzipSync } from "fflate";
import type { StatementLine } from "../refund-gateway";
import { yuanToFen } from "./amount";
import { parseBeijingTime } from "./beijing-time";

/**
 * Alipay's daily trade bill (bill_type=trade) as downloaded: a zip holding two GBK CSV files,
 * `<pid>_<yyyyMMdd>_业务明细.csv` (one line per payment or refund) and `…_业务明细(汇总).csv`
 * (totals per store). The detail file opens with `#` comment lines (title, account, period),
 * then a header row, the lines, and `#` summary lines. Every cell may carry trailing tabs or
 * spaces (so spreadsheet programs keep long numbers as text). Refund lines have 业务类型 退款,
 * negative amounts, and the refund's out_request_no in 退款批次号/请求号. Only completed
 * refunds are listed, so each line is a SUCCESS.
 *
 * Entry names in Alipay's zip are GBK without the zip UTF-8 flag; the detail file is therefore
 * recognised by its header row, not its name.
 */
const COLUMNS = {
  tradeNo: "支付宝交易号",
  orderNo: "商户订单号",
  kind: "业务类型",
  finishedAt: "完成时间",
  amount: "订单金额（元）",
  received: "商家实收（元）",
  outRequestNo: "退款批次号/请求号",
} as const;
const REFUND_KIND = "退款";

export function parseTradeBill(zip: Uint8Array): StatementLine[] {
  const files = unzipSync(zip);
  for (const bytes of Object.values(files)) {
    const text = new TextDecoder("gb18030").decode(bytes);
    const lines = parseDetailCsv(text);
    if (lines) return lines;
  }
  throw new Error("the Alipay bill holds no 业务明细 file");
}

/** The refund lines of a 业务明细 CSV text, or null when the text is not one. */
export function parseDetailCsv(text: string): StatementLine[] | null {
  const rows = text.split(/\r?\n/).filter((l) => l.trim() !== "" && !l.startsWith("#"));
  const header = rows[0] ? splitRow(rows[0]) : [];
  const at = (name: string) => header.indexOf(name);
  if (at(COLUMNS.outRequestNo) < 0 || at(COLUMNS.tradeNo) < 0 || at(COLUMNS.kind) < 0) return null;
  const out: StatementLine[] = [];
  for (const row of rows.slice(1)) {
    const cells = splitRow(row);
    const cell = (name: string) => cells[at(name)] ?? "";
    if (cell(COLUMNS.kind) !== REFUND_KIND) continue;
    const fen = yuanToFen(cell(COLUMNS.amount)) ?? yuanToFen(cell(COLUMNS.received));
    const finished = parseBeijingTime(cell(COLUMNS.finishedAt));
    if (fen === null || !finished) throw new Error(`an Alipay bill line could not be read: ${row.slice(0, 120)}`);
    out.push({
      outRefundNo: cell(COLUMNS.outRequestNo),
      gatewayRefundId: cell(COLUMNS.tradeNo),
      orderNo: cell(COLUMNS.orderNo),
      amountFen: Math.abs(fen),
      status: "SUCCESS",
      at: finished,
    });
  }
  return out;
}

/** Alipay's bill cells hold no commas or quotes; a quoted cell is unwrapped anyway. */
function splitRow(row: string): string[] {
  return row.split(",").map((c) => c.trim().replace(/^"(.*)"$/, "$1").trim());
}
