/**
 * The exchange's part of a step (applyStep, server/services/act-on-request.ts), in its
 * transaction: what the state machine needs to know before a conversion, and afterwards the
 * conversion's writes and the reservation the step reserves, releases or takes (decision 030).
 */
import { sqlOf, type Tx } from "../../../db/client";
import { AppError } from "../../domain/errors";
import { reservationMove } from "../../domain/replacement-stock";
import type { RequestState, Transition } from "../../domain/state-machine";
import type { Action } from "../../domain/vocabulary";
import type { LockedRequest } from "../data/request-steps";
import { policyById } from "../policy-store";
import { releaseReplacements, reserveReplacements, takeReplacements } from "../stock/reservations";
import { convertExchangeToRefund } from "./convert-to-refund";
import { replacementState } from "./replacement-availability";

/** Only a conversion looks at the stock before the state machine decides; other steps cost nothing here. */
export async function replacementFacts(tx: Tx, req: LockedRequest, action: Action): Promise<Partial<RequestState>> {
  if (action !== "convert_to_refund") return {};
  const state = await replacementState(tx, req);
  return state ? { replacementShort: state.replacementShort, exchangeOutOfStock: state.exchangeOutOfStock } : {};
}

export interface ReplacementStep {
  action: Action;
  transition: Pick<Transition, "from" | "to">;
  staffId: string | null;
  shipment?: { carrier: string; trackingNo: string };
  now: Date;
}

/**
 * After the state machine allowed the step: converts the exchange when that is the step, then
 * moves its reservation. Returns what the step's event records.
 */
export async function settleReplacement(tx: Tx, req: LockedRequest, step: ReplacementStep): Promise<Record<string, unknown>> {
  const sql = sqlOf(tx);
  const changes: Record<string, unknown> = {};
  let typeAfter = req.type;
  if (step.action === "convert_to_refund") {
    Object.assign(changes, await convertExchangeToRefund(sql, req, (await policyById(tx, req.policyId)).policy));
    typeAfter = "return_refund";
  }
  switch (reservationMove(step.action, { type: req.type, status: step.transition.from }, { type: typeAfter, status: step.transition.to })) {
    case "reserve":
      changes.reserved = (await reserveReplacements(sql, req.id)).map(({ returnLineId, skuId, quantity }) => ({ returnLineId, skuId, quantity }));
      break;
    case "release": {
      const released = await releaseReplacements(sql, req.id, step.now);
      if (released.length) changes.released = released.map(({ returnLineId, skuId, quantity }) => ({ returnLineId, skuId, quantity }));
      break;
    }
    case "take": {
      if (!step.shipment) throw new AppError("missing_field", { field: "shipment" });
      const taken = await takeReplacements(sql, req.id, step.staffId, step.now);
      await sql`
        UPDATE return_requests SET replacement_carrier = ${step.shipment.carrier}, replacement_tracking_no = ${step.shipment.trackingNo}
        WHERE id = ${req.id}`;
      changes.replacementCarrier = step.shipment.carrier;
      changes.replacementTrackingNo = step.shipment.trackingNo;
      changes.taken = taken.map(({ returnLineId, skuId, quantity, stockAfter }) => ({ returnLineId, skuId, quantity, stockAfter }));
      break;
    }
    case null:
      break;
  }
  return changes;
}
