import { and, asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../db/client";
import { returnLines, skus } from "../../../db/schema";
import { DEFAULT_EXCHANGE_OUT_OF_STOCK, type ExchangeOutOfStock } from "../../domain/exchange-out-of-stock";
import { availableUnits, replacementShort } from "../../domain/replacement-stock";
import type { ReturnType } from "../../domain/vocabulary";
import { policyById } from "../policy-store";

export interface ReplacementLineStock {
  returnLineId: string;
  quantity: number;
  /** The variant's units nobody holds yet (stock − reserved). */
  available: number;
  /** This line holds a reservation: its units are its own. */
  reservedForIt: boolean;
  /** No reservation, and too few free units for the line (decision 030). */
  short: boolean;
}

/** Per replacement line of a request: what is free of its variant, and whether the line is short. */
export async function replacementStockOf(db: DbOrTx, requestId: string): Promise<ReplacementLineStock[]> {
  const rows = await db
    .select({
      returnLineId: returnLines.id,
      quantity: returnLines.quantity,
      stock: skus.stock,
      reserved: skus.reserved,
      reservedForIt: sql<boolean>`EXISTS (SELECT 1 FROM stock_reservations sr WHERE sr.return_line_id = ${returnLines.id} AND sr.status = 'reserved')`,
    })
    .from(returnLines)
    .innerJoin(skus, eq(skus.id, returnLines.exchangeSkuId))
    .where(and(eq(returnLines.requestId, requestId)))
    .orderBy(asc(returnLines.id));
  return rows.map((r) => ({ returnLineId: r.returnLineId, quantity: r.quantity, available: availableUnits(r), reservedForIt: r.reservedForIt, short: replacementShort(r) }));
}

export interface ReplacementState {
  lines: ReplacementLineStock[];
  /** For the state machine (convert_to_refund). */
  replacementShort: boolean;
  exchangeOutOfStock: ExchangeOutOfStock;
}

/**
 * What the state machine and the screens need to know about an exchange's replacement: which
 * lines are short and, by the request's policy version, who decides then. Other types: nothing.
 */
export async function replacementState(db: DbOrTx, req: { id: string; type: ReturnType; policyId: string }): Promise<ReplacementState | null> {
  if (req.type !== "exchange") return null;
  const [lines, policy] = await Promise.all([replacementStockOf(db, req.id), policyById(db, req.policyId)]);
  return {
    lines,
    replacementShort: lines.some((l) => l.short),
    exchangeOutOfStock: policy.policy.exchangeOutOfStock ?? DEFAULT_EXCHANGE_OUT_OF_STOCK,
  };
}
