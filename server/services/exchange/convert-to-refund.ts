/**
 * An exchange whose replacement ran out becomes a return with refund (decision 030), inside the
 * convert_to_refund step's transaction after the state machine allowed it. The lines are priced
 * as a submission of a return now would price them: the share of what was paid for the units the
 * request holds, never more than what is left of the line after the other requests that hold
 * units of it, so the order's refunds together stay within what was paid.
 */
import type { TxSql } from "../../../db/client";
import { AppError } from "../../domain/errors";
import { refundableFen, sumFen } from "../../domain/money";
import type { ApprovalPolicy } from "../../domain/policy";
import { convertedRoute } from "../../domain/replacement-stock";
import { holdsItems, type Route } from "../../domain/route";
import { RETURN_STATUSES } from "../../domain/vocabulary";
import type { LockedRequest } from "../data/request-steps";
import { jsonText } from "../data/values";

/** Statuses whose requests gave their items back: their amounts are not held on the line. */
const RELEASED_STATUSES = RETURN_STATUSES.filter((s) => !holdsItems(s));

interface PricedLine {
  id: string;
  quantity: number;
  line_quantity: number;
  paid_fen: number;
  claimed_quantity: number;
  held_by_others_fen: number;
  exchange_sku_id: string | null;
}

export async function convertExchangeToRefund(sql: TxSql, req: LockedRequest, policy: ApprovalPolicy): Promise<Record<string, unknown>> {
  // The order's row first, as a submission takes it: no other request of the order is priced meanwhile.
  await sql`SELECT id FROM orders WHERE id = ${req.orderId} FOR NO KEY UPDATE`;
  const lines = await sql<PricedLine[]>`
    SELECT rl.id, rl.quantity, ol.quantity AS line_quantity, ol.paid_fen, ol.claimed_quantity, rl.exchange_sku_id,
           (SELECT coalesce(sum(o.refund_fen), 0)::int
              FROM return_lines o JOIN return_requests rr ON rr.id = o.request_id
              WHERE o.order_line_id = ol.id AND o.request_id <> ${req.id}
                AND rr.status::text <> ALL(${RELEASED_STATUSES as string[]}::text[])) AS held_by_others_fen
    FROM return_lines rl JOIN order_lines ol ON ol.id = rl.order_line_id
    WHERE rl.request_id = ${req.id}
    ORDER BY rl.id`;
  const priced = lines.map((l) => {
    // This request's units are counted in claimed_quantity (it holds them in review): price them as the last ones claimed.
    const share = refundableFen({ paidFen: l.paid_fen, quantity: l.line_quantity }, Math.max(0, l.claimed_quantity - l.quantity), l.quantity);
    return { id: l.id, exchangeSkuId: l.exchange_sku_id, refundFen: Math.min(share, Math.max(0, l.paid_fen - l.held_by_others_fen)) };
  });
  const requestedRefundFen = sumFen(priced.map((p) => p.refundFen));
  if (requestedRefundFen <= 0) throw new AppError("nothing_to_refund");

  const categories = await sql<{ code: string; highValue: boolean }[]>`
    SELECT c.code, c.high_value AS "highValue" FROM categories c
    WHERE c.id = ANY((SELECT category_ids FROM return_requests WHERE id = ${req.id})::uuid[])`;
  const route: Route = convertedRoute(req.route, policy, { amountFen: requestedRefundFen, categories: [...categories] });

  const linePrices = jsonText(priced.map((p) => ({ id: p.id, refund_fen: p.refundFen })));
  await sql`
    WITH priced AS (SELECT * FROM jsonb_to_recordset(${linePrices}::jsonb) AS p(id uuid, refund_fen int)),
    lines AS (
      UPDATE return_lines rl SET refund_fen = priced.refund_fen, exchange_sku_id = NULL
      FROM priced WHERE rl.id = priced.id AND rl.request_id = ${req.id}
    )
    UPDATE return_requests SET type = 'return_refund', route = ${jsonText(route)}::jsonb, requested_refund_fen = ${requestedRefundFen}
    WHERE id = ${req.id}`;
  return {
    type: "return_refund",
    requestedRefundFen,
    route: route.stages,
    lines: priced.map((p) => ({ returnLineId: p.id, refundFen: p.refundFen, exchangeSkuId: p.exchangeSkuId })),
    reason: "replacement_out_of_stock",
  };
}
