import type { Tx } from "../../../db/client";
import type { RiskSignalName } from "../../domain/risk";
import { assessRequests } from "../customer-history";
import type { LockedRequest } from "../data/request-steps";

/**
 * The risk signals that keep a request out of bulk approval: any that fired for it
 * (server/domain/risk.ts), read inside the approving transaction so they are judged on the
 * same data the approval is recorded against.
 */
export async function bulkApproveRiskSignals(tx: Tx, req: LockedRequest): Promise<RiskSignalName[]> {
  const assessed = (await assessRequests(tx, [req.id])).get(req.id);
  return assessed ? assessed.signals.map((s) => s.name) : [];
}
