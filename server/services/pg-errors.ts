import { AppError } from "../domain/errors";

/** The database's own guards (CHECK constraints) surfaced as the application's errors. */
const CONSTRAINT_ERRORS: Record<string, AppError> = {
  orders_refund_ceiling: new AppError("refund_exceeds_paid"),
  return_requests_approved_within_requested: new AppError("refund_exceeds_paid"),
  order_lines_claim_within_quantity: new AppError("items_already_claimed"),
  unmatched_parcels_open_tracking_idx: new AppError("unmatched_already_recorded"),
};

function constraintOf(e: unknown): string | undefined {
  const err = e as { code?: string; constraint_name?: string; cause?: unknown };
  if (err?.code === "23514" || err?.code === "23505") return err.constraint_name;
  return err?.cause ? constraintOf(err.cause) : undefined;
}

export function translateDbError(e: unknown): unknown {
  const name = constraintOf(e);
  return (name && CONSTRAINT_ERRORS[name]) || e;
}

/** Runs `fn` and rethrows known constraint violations as AppErrors. */
export async function withDbErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw translateDbError(e);
  }
}
