import type { Db, Tx } from "../../../db/client";
import { AppError, isAppError, type ErrorCode, type ErrorParams } from "../../domain/errors";
import { bulkApproveLimit } from "../../domain/policy";
import type { StaffActor } from "../../domain/holding";
import { errorMessage } from "../../i18n/errors";
import type { Locale } from "../../i18n/locale";
import { actOnRequest } from "../act-on-request";
import type { LockedRequest } from "../data/request-steps";
import { currentPolicy } from "../policy-store";
import { bulkApproveRiskSignals } from "./bulk-risk";

export type BulkOutcome =
  | { requestId: string; ok: true; status: string; version: number }
  | { requestId: string; ok: false; code: ErrorCode | "internal"; params: ErrorParams; message: string };

/**
 * The rule for approving without opening the request: still in customer service review (the
 * state machine checks), no operations review ahead on its stored route, a refund no larger
 * than the policy's bulk ceiling, and no risk signal.
 */
async function assertBulkEligible(req: LockedRequest, tx: Tx, limitFen: number): Promise<void> {
  if (req.route.stages.includes("ops_review")) throw new AppError("bulk_needs_ops_review");
  if (req.requestedRefundFen > limitFen) throw new AppError("bulk_amount_over_limit", { limit: (limitFen / 100).toFixed(2) });
  const signals = await bulkApproveRiskSignals(tx, req);
  if (signals.length > 0) throw new AppError("bulk_risk_signal", { signal: signals.join(",") });
}

/**
 * Customer service approves several low-risk requests at once. Each is checked and recorded in
 * its own transaction with its own event (one at a time, so a batch holds one row lock at a
 * time); a refusal of one leaves the others as they are. The result says, per request, what
 * happened and why not, in the caller's language.
 */
export async function bulkApprove(
  db: Db,
  actor: StaffActor,
  requests: { requestId: string; version: number }[],
  opts: { locale: Locale; log?: (message: string) => void },
  now = new Date(),
): Promise<BulkOutcome[]> {
  const { locale } = opts;
  const limitFen = bulkApproveLimit((await currentPolicy(db)).policy);
  const seen = new Set<string>();
  const out: BulkOutcome[] = [];
  for (const { requestId, version } of requests) {
    if (seen.has(requestId)) continue;
    seen.add(requestId);
    try {
      const r = await actOnRequest(
        db,
        { type: "staff", id: actor.id, role: actor.role },
        { requestId, expectedVersion: version, action: "approve", comment: null, precondition: (req, tx) => assertBulkEligible(req, tx, limitFen) },
        now,
      );
      out.push({ requestId, ok: true, status: r.status, version: r.version });
    } catch (e) {
      if (!isAppError(e)) {
        opts.log?.(`[bulkApprove] ${requestId}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        out.push({ requestId, ok: false, code: "internal", params: {}, message: locale === "zh-CN" ? "服务器出错了，请稍后再试" : "Something went wrong. Try again later" });
        continue;
      }
      out.push({ requestId, ok: false, code: e.code, params: e.params, message: errorMessage(e.code, e.params, locale) });
    }
  }
  return out;
}
