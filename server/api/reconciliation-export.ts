import { isAppError } from "../domain/errors";
import { errorMessage, fieldErrors } from "../i18n/errors";
import { REFUND_CHANNEL_NAMES } from "../i18n/reconciliation-terms";
import { statementsOf } from "../payments/statement-sources";
import { reconciliationExportQuery } from "../schemas/reconciliation";
import { EXPORT_HEADERS, exportLines } from "../services/reconciliation/export-cells";
import { csvStream } from "../services/reconciliation/export-csv";
import { xlsxStream } from "../services/reconciliation/export-xlsx";
import { reconcileRange } from "../services/reconciliation/reconcile-range";
import type { Context } from "./context";
import { RECONCILING_ROLES } from "./routers/reconciliation";
import { isSameOrigin } from "./same-origin";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const text = (body: string, status: number) => new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

/**
 * GET /api/staff/reconciliation-export?from=&to=&channel=&format=csv|xlsx: refunds by Beijing day
 * and channel, compared with the gateway's statements, as CSV or Excel. Finance and admin only,
 * with the same gate as their tRPC procedures (password changed, second factor passed);
 * same-origin only. The days are compared first (so a statement that cannot be downloaded is an
 * error, not half a file), then the file is streamed.
 */
export async function reconciliationExport(req: Request, ctx: Context): Promise<Response> {
  const staff = ctx.staff;
  if (!staff) return text(errorMessage("unauthorized", {}, ctx.locale), 401);
  if (!isSameOrigin(req)) return text(errorMessage("forbidden", {}, ctx.locale), 403);
  if (staff.mustChangePassword) return text(errorMessage("password_change_required", {}, ctx.locale), 403);
  if (staff.secondFactorPending) return text(errorMessage("second_factor_required", {}, ctx.locale), 403);
  if (!(RECONCILING_ROLES as readonly string[]).includes(staff.role)) return text(errorMessage("forbidden", {}, ctx.locale), 403);

  const parsed = reconciliationExportQuery.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error.issues, ctx.locale);
    return text(Object.entries(errors).map(([field, message]) => `${field}: ${message}`).join("\n"), 400);
  }
  const { from, to, channel, format } = parsed.data;
  try {
    const days = await reconcileRange(ctx.db, from, to, channel, ctx.statements ?? statementsOf(ctx.gateways));
    const lines = exportLines(days, ctx.locale);
    const headers = EXPORT_HEADERS[ctx.locale];
    const name = `refunds-${channel}-${from}${to === from ? "" : `_${to}`}.${format}`;
    const body = format === "xlsx" ? xlsxStream(`${REFUND_CHANNEL_NAMES[channel][ctx.locale]} ${from}`, headers, lines) : csvStream(headers, lines);
    ctx.log(`[reconciliation] export ${channel} ${from}..${to} ${format} by ${staff.id}: ${lines.length} lines`);
    return new Response(body, {
      status: 200,
      headers: {
        "content-type": format === "xlsx" ? XLSX_TYPE : "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${name}"`,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (e) {
    if (isAppError(e)) return text(errorMessage(e.code, e.params, ctx.locale), e.code === "statement_unavailable" ? 503 : 400);
    throw e;
  }
}
