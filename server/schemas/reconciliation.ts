import { z } from "zod";
import { beijingDayBounds } from "../domain/reconciliation";
import { REFUND_CHANNELS } from "../domain/vocabulary";

/** MAX_EXPORT_DAYS in server/services/reconciliation/reconcile-range.ts (schemas import no services). */
const MAX_DAYS = 31;

const isDay = (s: string) => {
  try {
    beijingDayBounds(s);
    return true;
  } catch {
    return false;
  }
};

/** A Beijing calendar day (yyyy-mm-dd, as an <input type="date"> gives it). */
export const reconciliationDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "v.date" }).refine(isDay, { error: "v.date" });

/** One day and channel, as the finance page asks for it. */
export const reconciliationInput = z.object({
  day: reconciliationDay,
  channel: z.enum(REFUND_CHANNELS),
});
export type ReconciliationInput = z.infer<typeof reconciliationInput>;

/** The export's query string: a range of at most 31 days (both ends included), one channel, CSV or Excel. */
export const reconciliationExportQuery = z
  .object({
    from: reconciliationDay,
    to: reconciliationDay,
    channel: z.enum(REFUND_CHANNELS),
    format: z.enum(["csv", "xlsx"]).default("csv"),
  })
  .refine((q) => !isDay(q.from) || !isDay(q.to) || q.from <= q.to, { error: "v.dayRange", path: ["to"] })
  .refine((q) => !isDay(q.from) || !isDay(q.to) || (beijingDayBounds(q.to).start.getTime() - beijingDayBounds(q.from).start.getTime()) / 86_400_000 < MAX_DAYS, { error: "v.dayRange", path: ["to"] });
export type ReconciliationExportQuery = z.infer<typeof reconciliationExportQuery>;
