import type { QueueFilters } from "../schemas/queue";
import { isAppError } from "../domain/errors";
import { errorMessage } from "../i18n/errors";
import { exportQueueCsv } from "../services/personal-data/queue-export";
import type { Context } from "./context";
import { isSameOrigin } from "./same-origin";

/**
 * GET /api/staff/queue-export: the queue view as a CSV download for any signed-in staff role.
 * `phones=full` asks for full phone numbers (only honoured for roles that may reveal them, and
 * recorded per request). Same-origin only: a page elsewhere cannot make a signed-in browser
 * export (and so record reveals) behind the user's back.
 */
export async function queueExport(req: Request, ctx: Context, filters: QueueFilters): Promise<Response> {
  if (!ctx.staff) return new Response(errorMessage("unauthorized", {}, ctx.locale), { status: 401 });
  if (!isSameOrigin(req)) return new Response(errorMessage("forbidden", {}, ctx.locale), { status: 403 });
  const fullPhones = new URL(req.url).searchParams.get("phones") === "full";
  try {
    const { csv } = await exportQueueCsv(ctx.db, ctx.staff, filters, { fullPhones, locale: ctx.locale });
    const day = new Date().toISOString().slice(0, 10);
    return new Response(csv, {
      status: 200,
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="returns-${day}.csv"`,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (e) {
    if (isAppError(e)) return new Response(errorMessage(e.code, e.params, ctx.locale), { status: 400 });
    throw e;
  }
}
