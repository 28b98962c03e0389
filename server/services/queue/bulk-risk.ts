import type { Tx } from "../../../db/client";
import type { LockedRequest } from "../data/request-steps";

/**
 * HOOK — the risk signals that keep a request out of bulk approval. The signals themselves
 * (server/domain/risk.ts + server/services/customer-history.ts) belong to the request-screen
 * work; until they are merged this returns none, so bulk approval is limited by the other
 * rules only (cs review, no ops review on the route, amount under the policy's ceiling).
 * Replace the body with a call to those services; the result is the fired signals' codes.
 */
export async function bulkApproveRiskSignals(_tx: Tx, _req: LockedRequest): Promise<string[]> {
  return [];
}
