import type { Db } from "../../../db/client";
import { AppError } from "../../domain/errors";
import { hasStatement, reconcile, refundDay, type DifferenceKind, type ReconciliationResult } from "../../domain/reconciliation";
import type { RefundChannel, RefundKind } from "../../domain/vocabulary";
import type { RefundGateway, StatementLine } from "../../payments/refund-gateway";
import type { StatementSource } from "../../payments/statement-sources";
import { refundsByNumber, refundsForDay, type RefundRecordRow } from "./refunds-for-day";

export type { StatementSource };

/**
 * Whether the day was compared with a statement:
 * - compared: the gateway's statement was downloaded and compared;
 * - no_statement: offline and platform refunds have no gateway statement here (listed only);
 * - not_configured: no gateway is configured for this channel, so there is nothing to download.
 */
export type StatementState = "compared" | "no_statement" | "not_configured";

/** One line of the reconciliation: one of our refunds, or a statement line we have no record of. */
export interface ReconciliationRow {
  day: string;
  channel: RefundChannel;
  rmaNo: string | null;
  outRefundNo: string;
  /** The gateway's refund id, or finance's reference for an offline refund. */
  gatewayRefundId: string | null;
  kind: RefundKind | null;
  amountFen: number;
  /** Our status, or the statement's word for a refund we have no record of. */
  status: string;
  succeededAt: Date | null;
  createdBy: string | null;
  differences: DifferenceKind[];
}

export interface DayReconciliation {
  day: string;
  channel: RefundChannel;
  statement: StatementState;
  /** Totals and differences; for a day without a statement, the gateway side is empty. */
  result: ReconciliationResult;
  rows: ReconciliationRow[];
}

function row(day: string, r: RefundRecordRow, differences: DifferenceKind[]): ReconciliationRow {
  return {
    day,
    channel: r.channel,
    rmaNo: r.rmaNo,
    outRefundNo: r.outRefundNo,
    gatewayRefundId: r.gatewayRefundId ?? r.offlineReference,
    kind: r.kind,
    amountFen: r.amountFen,
    status: r.status,
    succeededAt: r.succeededAt,
    createdBy: r.createdBy,
    differences,
  };
}

async function download(source: Pick<RefundGateway, "statement">, day: string): Promise<StatementLine[]> {
  try {
    return await source.statement(day);
  } catch (e) {
    throw new AppError("statement_unavailable", { day }, `statement ${day}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * Our refunds for one Beijing calendar day and channel, compared with the gateway's statement for
 * that day (docs/decisions/025-refund-reconciliation.md). Read-only: it changes nothing.
 */
export async function reconcileDay(db: Db, day: string, channel: RefundChannel, statementFor: StatementSource): Promise<DayReconciliation> {
  const ours = await refundsForDay(db, day, channel);
  const source = hasStatement(channel) ? statementFor(channel) : undefined;
  if (!source) {
    const counted = ours.filter((r) => r.status === "succeeded" && refundDay(r) === day);
    return {
      day,
      channel,
      statement: hasStatement(channel) ? "not_configured" : "no_statement",
      result: { ourTotalFen: counted.reduce((s, r) => s + r.amountFen, 0), ourCount: counted.length, gatewayTotalFen: 0, gatewayCount: 0, differences: [] },
      rows: ours.map((r) => row(day, r, [])),
    };
  }

  const lines = await download(source, day);
  const known = new Set(ours.map((r) => r.outRefundNo));
  const elsewhere = (await refundsByNumber(db, [...new Set(lines.map((l) => l.outRefundNo))].filter((no) => !known.has(no)))).filter((r) => r.channel === channel);
  const all = [...ours, ...elsewhere];
  const result = reconcile(day, all, lines);

  const kindsOf = new Map<string, DifferenceKind[]>();
  for (const d of result.differences) kindsOf.set(d.outRefundNo, [...(kindsOf.get(d.outRefundNo) ?? []), d.kind]);
  const rows = all.map((r) => row(day, r, kindsOf.get(r.outRefundNo) ?? []));
  const byNo = new Set(all.map((r) => r.outRefundNo));
  const seen = new Set<string>();
  for (const l of lines) {
    if (byNo.has(l.outRefundNo) || seen.has(l.outRefundNo)) continue;
    seen.add(l.outRefundNo);
    rows.push({ day, channel, rmaNo: null, outRefundNo: l.outRefundNo, gatewayRefundId: l.gatewayRefundId, kind: null, amountFen: l.amountFen, status: l.status, succeededAt: l.at, createdBy: null, differences: kindsOf.get(l.outRefundNo) ?? [] });
  }
  return { day, channel, statement: "compared", result, rows };
}
