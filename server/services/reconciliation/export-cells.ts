import { formatYuan } from "../../domain/money";
import type { Locale } from "../../i18n/locale";
import { DIFFERENCE_NAMES, REFUND_CHANNEL_NAMES, REFUND_KIND_NAMES, REFUND_STATUS_NAMES } from "../../i18n/reconciliation-terms";
import { REFUND_STATUSES, type RefundStatus } from "../../domain/vocabulary";
import type { DayReconciliation, ReconciliationRow } from "./reconcile-day";

export const EXPORT_HEADERS: Record<Locale, string[]> = {
  "zh-CN": ["日期", "渠道", "退货单号", "退款单号", "网关退款号", "类型", "金额（元）", "状态", "退款成功时间（北京时间）", "发起人", "差异"],
  en: ["Day", "Channel", "RMA", "Refund no.", "Gateway reference", "Kind", "Amount (CNY)", "Status", "Succeeded at (Beijing time)", "Created by", "Difference"],
};

/** One export line: text cells, with the amount also kept in fen for the Excel number cell. */
export interface ExportLine {
  cells: string[];
  amountFen: number;
}

/** "2026-11-28 10:00:00" in Beijing time (+08:00, no daylight saving), unambiguous for a spreadsheet. */
export function beijingDateTime(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace("T", " ");
}

function statusName(status: string, locale: Locale): string {
  return (REFUND_STATUSES as readonly string[]).includes(status) ? REFUND_STATUS_NAMES[status as RefundStatus][locale] : status;
}

function line(r: ReconciliationRow, locale: Locale, note: string): ExportLine {
  const differences = r.differences.map((d) => DIFFERENCE_NAMES[d][locale]).join(locale === "zh-CN" ? "；" : "; ");
  return {
    amountFen: r.amountFen,
    cells: [
      r.day,
      REFUND_CHANNEL_NAMES[r.channel][locale],
      r.rmaNo ?? "",
      r.outRefundNo,
      r.gatewayRefundId ?? "",
      r.kind ? REFUND_KIND_NAMES[r.kind][locale] : "",
      formatYuan(r.amountFen),
      statusName(r.status, locale),
      r.succeededAt ? beijingDateTime(r.succeededAt) : "",
      r.createdBy ?? "",
      differences || note,
    ],
  };
}

const NO_STATEMENT: Record<Locale, Record<"no_statement" | "not_configured", string>> = {
  "zh-CN": { no_statement: "无网关对账单（线下/平台退款）", not_configured: "未配置网关，未对账" },
  en: { no_statement: "No gateway statement (offline/platform refund)", not_configured: "No gateway configured: not compared" },
};

/** The export's lines, day by day; the difference column says when a day had no statement to compare with. */
export function exportLines(days: readonly DayReconciliation[], locale: Locale): ExportLine[] {
  return days.flatMap((d) => {
    const note = d.statement === "compared" ? "" : NO_STATEMENT[locale][d.statement];
    return d.rows.map((r) => line(r, locale, note));
  });
}
