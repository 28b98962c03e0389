import { eq, inArray } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { contactReveals, customers, returnRequests, staffAudit } from "../../../db/schema";
import { mayReveal } from "../../domain/read-access";
import { STATUS_NAMES, TYPE_NAMES, term } from "../../i18n/domain-terms";
import type { Locale } from "../../i18n/locale";
import type { QueueFilters } from "../../schemas/queue";
import { listQueue, type QueueRow, type QueueViewer } from "../queue/list-queue";

/** One export holds at most this many rows: a queue view, not a dump of the database. */
export const EXPORT_MAX_ROWS = 5000;

const HEADERS: Record<Locale, string[]> = {
  "zh-CN": ["退货单号", "状态", "类型", "申请退款（元）", "截止时间", "提交时间", "订单号", "渠道", "顾客", "手机号", "处理人"],
  en: ["Return no.", "Status", "Type", "Requested refund (CNY)", "Deadline", "Submitted", "Order no.", "Channel", "Customer", "Phone", "Holder"],
};

/**
 * A spreadsheet cell: quoted, and a leading = + - @ (or tab/CR) defused with an apostrophe so a
 * customer's name cannot run as a formula in Excel or WPS (CSV injection).
 */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}

const time = (d: Date | null) => (d ? d.toISOString() : "");

/**
 * The staff queue's current view (same filters, same scope per role) as CSV. Phones are masked
 * unless `fullPhones` is asked for by a role that may reveal them; then each row's reveal is
 * recorded in contact_reveals like a single reveal, in the same transaction as the read. Every
 * export is recorded in staff_audit (docs/decisions/018-personal-data.md).
 */
export async function exportQueueCsv(db: Db, viewer: QueueViewer, filters: QueueFilters, opts: { fullPhones: boolean; locale: Locale; now?: Date }): Promise<{ csv: string; rows: number; truncated: boolean }> {
  const rows: QueueRow[] = [];
  let cursor: string | undefined;
  do {
    const page = await listQueue(db, viewer, { ...filters, cursor, limit: 100 }, opts.now);
    rows.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && rows.length < EXPORT_MAX_ROWS);
  const truncated = rows.length > EXPORT_MAX_ROWS || Boolean(cursor);
  rows.splice(EXPORT_MAX_ROWS);
  const fullPhones = opts.fullPhones && mayReveal(viewer.role, "phone");

  return db.transaction(async (tx) => {
    let phones = new Map<string, string>();
    if (fullPhones && rows.length) {
      const ids = rows.map((r) => r.id);
      const found = await tx.select({ id: returnRequests.id, phone: customers.phone }).from(returnRequests).innerJoin(customers, eq(customers.id, returnRequests.customerId)).where(inArray(returnRequests.id, ids));
      phones = new Map(found.map((f) => [f.id, f.phone]));
      await tx.insert(contactReveals).values(ids.map((requestId) => ({ staffId: viewer.id, staffRole: viewer.role, requestId, field: "phone" })));
    }
    await tx.insert(staffAudit).values({ actorId: viewer.id, targetId: null, action: "export_queue", details: { filters, rows: rows.length, truncated, fullPhones } });
    const lines = [HEADERS[opts.locale].map(cell).join(",")];
    for (const r of rows) {
      lines.push(
        [
          r.rmaNo,
          term(STATUS_NAMES, r.status, opts.locale),
          term(TYPE_NAMES, r.type, opts.locale),
          (r.requestedRefundFen / 100).toFixed(2),
          time(r.deadlineAt),
          time(r.createdAt),
          r.orderNo,
          r.channel,
          r.customerName,
          phones.get(r.id) ?? r.customerPhone,
          r.holderName ?? "",
        ]
          .map(cell)
          .join(","),
      );
    }
    // A byte-order mark: Excel on Windows reads the Chinese as UTF-8 only with it.
    return { csv: `\uFEFF${lines.join("\r\n")}\r\n`, rows: rows.length, truncated };
  });
}
