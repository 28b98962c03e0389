import type { TxSql } from "../../../db/client";
import { AppError } from "../../domain/errors";
import type { StockMovementReason } from "../../domain/vocabulary";

export interface StockMove {
  skuId: string;
  /** Units added (positive) or taken (negative). */
  delta: number;
  reason: StockMovementReason;
  requestId?: string | null;
  /** What inside the request caused it (a parcel line id, a shipment). */
  sourceRef?: string | null;
  staffId?: string | null;
}

/**
 * Changes a SKU's stock and records the movement, in the caller's transaction and in one
 * statement: the UPDATE's row lock orders concurrent movers, and the CHECKs on `skus` refuse a
 * stock below zero or below what is reserved (the caller's transaction then rolls back whole).
 * Returns the stock after the move.
 */
export async function moveStock(sql: TxSql, move: StockMove): Promise<number> {
  if (!Number.isInteger(move.delta) || move.delta === 0) throw new Error(`a stock movement needs a non-zero whole delta, got ${move.delta}`);
  const rows = await sql<{ stock_after: number }[]>`
    WITH moved AS (
      UPDATE skus SET stock = stock + ${move.delta} WHERE id = ${move.skuId} RETURNING id, stock
    )
    INSERT INTO stock_movements (sku_id, delta, reason, request_id, source_ref, staff_id, stock_after)
    SELECT id, ${move.delta}, ${move.reason}, ${move.requestId ?? null}, ${move.sourceRef ?? null}, ${move.staffId ?? null}, stock FROM moved
    RETURNING stock_after`;
  if (rows.length === 0) throw new AppError("not_found");
  return rows[0]!.stock_after;
}
