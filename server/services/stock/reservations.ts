/**
 * The replacement units of an exchange (docs/decisions/030-exchange-stock.md), inside the step's
 * transaction (applyStep, after the request row is locked): reserve on approval, release when
 * the request stops holding them, take them off the shelf on shipment. Every statement changes a
 * `stock_reservations` row only while it is `reserved`, so a repeated call moves nothing twice.
 */
import type { TxSql } from "../../../db/client";
import { AppError } from "../../domain/errors";
import { ts } from "../data/values";
import { moveStock } from "./move-stock";

export interface ReservedLine {
  reservationId: string;
  returnLineId: string;
  skuId: string;
  quantity: number;
}

/**
 * Reserves each replacement line's units: `reserved + n <= stock` in the UPDATE's WHERE, under
 * the SKU's row lock, so of two approvals for the last unit the second finds 0 rows and the
 * whole step is refused (replacement_out_of_stock) with nothing written. SKUs are locked in id
 * order, so two requests reserving the same variants cannot deadlock.
 */
export async function reserveReplacements(sql: TxSql, requestId: string): Promise<ReservedLine[]> {
  const lines = await sql<{ id: string; sku_id: string; quantity: number; title: string }[]>`
    SELECT rl.id, rl.exchange_sku_id AS sku_id, rl.quantity, ol.title
    FROM return_lines rl JOIN order_lines ol ON ol.id = rl.order_line_id
    WHERE rl.request_id = ${requestId} AND rl.exchange_sku_id IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM stock_reservations sr WHERE sr.return_line_id = rl.id AND sr.status = 'reserved')
    ORDER BY rl.exchange_sku_id, rl.id`;
  const reserved: ReservedLine[] = [];
  for (const line of lines) {
    const rows = await sql<{ id: string }[]>`
      WITH held AS (
        UPDATE skus SET reserved = reserved + ${line.quantity}::int
        WHERE id = ${line.sku_id} AND reserved + ${line.quantity}::int <= stock
        RETURNING id
      )
      INSERT INTO stock_reservations (request_id, return_line_id, sku_id, quantity)
      SELECT ${requestId}, ${line.id}, held.id, ${line.quantity} FROM held
      RETURNING id`;
    if (rows.length === 0) throw new AppError("replacement_out_of_stock", { title: line.title });
    reserved.push({ reservationId: rows[0]!.id, returnLineId: line.id, skuId: line.sku_id, quantity: line.quantity });
  }
  return reserved;
}

/** Gives back every unit the request still holds (none held: nothing happens). */
export async function releaseReplacements(sql: TxSql, requestId: string, now: Date): Promise<ReservedLine[]> {
  const rows = await sql<{ id: string; return_line_id: string; sku_id: string; quantity: number }[]>`
    WITH released AS (
      UPDATE stock_reservations SET status = 'released', released_at = ${ts(now)}::timestamptz
      WHERE request_id = ${requestId} AND status = 'reserved'
      RETURNING id, return_line_id, sku_id, quantity
    ), per_sku AS (
      SELECT sku_id, sum(quantity)::int AS quantity FROM released GROUP BY sku_id
    ), given_back AS (
      UPDATE skus s SET reserved = s.reserved - per_sku.quantity FROM per_sku WHERE s.id = per_sku.sku_id
    )
    SELECT id, return_line_id, sku_id, quantity FROM released`;
  return rows.map((r) => ({ reservationId: r.id, returnLineId: r.return_line_id, skuId: r.sku_id, quantity: r.quantity }));
}

export interface TakenLine extends ReservedLine {
  stockAfter: number;
}

/**
 * Ships the replacement: per reservation, the units leave `reserved` and the shelf in this
 * transaction (moveStock, reason replacement_shipped, sourceRef the reservation). A line without
 * a reservation (an exchange approved before reservations existed) takes its units directly if
 * the free stock covers them, else the shipment is refused as out of stock.
 */
export async function takeReplacements(sql: TxSql, requestId: string, staffId: string | null, now: Date): Promise<TakenLine[]> {
  // Legacy lines get their reservation now (or the shipment is refused), so every line is taken alike.
  await reserveReplacements(sql, requestId);
  const held = await sql<{ id: string; return_line_id: string; sku_id: string; quantity: number }[]>`
    SELECT id, return_line_id, sku_id, quantity FROM stock_reservations
    WHERE request_id = ${requestId} AND status = 'reserved'
    ORDER BY sku_id, id
    FOR UPDATE`;
  const taken: TakenLine[] = [];
  for (const r of held) {
    // Out of `reserved` first: the CHECK reserved <= stock would refuse the stock leaving while it is still promised.
    await sql`UPDATE skus SET reserved = reserved - ${r.quantity}::int WHERE id = ${r.sku_id}`;
    const stockAfter = await moveStock(sql, { skuId: r.sku_id, delta: -r.quantity, reason: "replacement_shipped", requestId, sourceRef: r.id, staffId });
    await sql`
      UPDATE stock_reservations SET status = 'taken', taken_at = ${ts(now)}::timestamptz, movement_id = (
        SELECT id FROM stock_movements WHERE sku_id = ${r.sku_id} AND source_ref = ${r.id} AND reason = 'replacement_shipped'
      )
      WHERE id = ${r.id} AND status = 'reserved'`;
    taken.push({ reservationId: r.id, returnLineId: r.return_line_id, skuId: r.sku_id, quantity: r.quantity, stockAfter });
  }
  return taken;
}
