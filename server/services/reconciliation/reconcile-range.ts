import type { Db } from "../../../db/client";
import { daysBetween } from "../../domain/reconciliation";
import type { RefundChannel } from "../../domain/vocabulary";
import { reconcileDay, type DayReconciliation, type StatementSource } from "./reconcile-day";

/** At most this many days in one export: a month's reconciliation, one statement download per day. */
export const MAX_EXPORT_DAYS = 31;

/**
 * Every day from `from` to `to` (both included), one after the other: one statement download at a
 * time, so a month's export does not hit the gateway with 31 parallel downloads.
 */
export async function reconcileRange(db: Db, from: string, to: string, channel: RefundChannel, statementFor: StatementSource): Promise<DayReconciliation[]> {
  const days = daysBetween(from, to);
  if (days.length === 0 || days.length > MAX_EXPORT_DAYS) throw new RangeError(`${days.length} days: between 1 and ${MAX_EXPORT_DAYS}`);
  const out: DayReconciliation[] = [];
  for (const day of days) out.push(await reconcileDay(db, day, channel, statementFor));
  return out;
}
