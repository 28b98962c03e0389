import type { staffCaller } from "./fixtures";
import type { WaitingRequest } from "./refund-storm";

type FinanceCaller = Awaited<ReturnType<typeof staffCaller>>["caller"];

/**
 * The refund flow's entry points as the reliability tests drive them, in one place: finance's
 * "execute refund" (the tRPC procedure the request screen calls).
 */
export function executeRefund(caller: FinanceCaller, req: Pick<WaitingRequest, "requestId">, version: number) {
  return caller.staff.refund({ requestId: req.requestId, version });
}
