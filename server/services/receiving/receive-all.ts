import type { Db } from "../../../db/client";
import type { ItemCondition } from "../../domain/vocabulary";
import type { ActResult } from "../act-on-request";
import { withDbErrors } from "../pg-errors";
import { recordParcelIn, type ReceivingStaff } from "./record-parcel";

export interface ReceiveAllInput {
  requestId: string;
  version: number;
  lines: { returnLineId: string; receivedQuantity: number; condition: ItemCondition }[];
  comment?: string;
}

/**
 * The request screen's one-step receipt (staff.receive): everything that arrived as ONE parcel,
 * and the receipt closed with it, through the same service as the scan station. Nobody chose a
 * disposition there, so the units are quarantined (set aside, the stock untouched, as before).
 * A line named twice counts with its last entry; a line not named arrived 0 times.
 */
export async function receiveAll(db: Db, staff: ReceivingStaff, input: ReceiveAllInput, now = new Date()): Promise<ActResult> {
  const lines = [...new Map(input.lines.map((l) => [l.returnLineId, l])).values()].map((l) => ({
    returnLineId: l.returnLineId,
    quantity: l.receivedQuantity,
    condition: l.condition,
    disposition: "quarantine" as const,
  }));
  const result = await withDbErrors(() =>
    db.transaction((tx) => recordParcelIn(tx, staff, { requestId: input.requestId, version: input.version, lines, close: true }, now, input.comment ?? null)),
  );
  return { id: input.requestId, status: result.status, version: result.version };
}
