/**
 * Every refusal the application gives has a code from this list. The API layer turns codes into
 * HTTP/tRPC codes and into zh-CN / en messages (server/i18n); `params` fill the message.
 */
export const ERROR_CODES = {
  invalid_transition: "BAD_REQUEST",
  role_not_allowed: "FORBIDDEN",
  appeal_already_used: "BAD_REQUEST",
  cancel_after_receipt: "BAD_REQUEST",
  four_eyes_required: "FORBIDDEN",
  partial_not_allowed: "BAD_REQUEST",
  quantity_exceeds_available: "BAD_REQUEST",
  items_already_claimed: "CONFLICT",
  line_not_returnable: "BAD_REQUEST",
  refund_exceeds_paid: "BAD_REQUEST",
  version_conflict: "CONFLICT",
  not_found: "NOT_FOUND",
  unauthorized: "UNAUTHORIZED",
  forbidden: "FORBIDDEN",
  rate_limited: "TOO_MANY_REQUESTS",
  code_invalid: "BAD_REQUEST",
  code_expired: "BAD_REQUEST",
  code_attempts_exceeded: "TOO_MANY_REQUESTS",
  challenge_required: "TOO_MANY_REQUESTS",
  challenge_invalid: "BAD_REQUEST",
  sms_unavailable: "SERVICE_UNAVAILABLE",
  duplicate_lines: "BAD_REQUEST",
  missing_field: "BAD_REQUEST",
  exchange_variant_invalid: "BAD_REQUEST",
  migrations_behind: "INTERNAL_SERVER_ERROR",
  photo_not_an_image: "BAD_REQUEST",
  photo_heic_not_supported: "BAD_REQUEST",
  photo_too_large: "PAYLOAD_TOO_LARGE",
  photo_too_many_pixels: "BAD_REQUEST",
  photo_undecodable: "BAD_REQUEST",
  photos_required: "BAD_REQUEST",
  too_many_photos: "BAD_REQUEST",
  // receiving (docs/decisions/028-parcels-add-up.md)
  not_awaiting_goods: "BAD_REQUEST",
  parcel_line_invalid: "BAD_REQUEST",
  parcel_quantity_over: "BAD_REQUEST",
  parcel_photo_unavailable: "BAD_REQUEST",
  receipt_empty: "BAD_REQUEST",
  unmatched_already_recorded: "CONFLICT",
  unmatched_already_linked: "CONFLICT",
  held_by_other: "CONFLICT",
  not_holder: "FORBIDDEN",
  not_in_queue: "FORBIDDEN",
  assignee_cannot_act: "BAD_REQUEST",
  bulk_needs_ops_review: "BAD_REQUEST",
  bulk_amount_over_limit: "BAD_REQUEST",
  bulk_risk_signal: "BAD_REQUEST",
  cursor_invalid: "BAD_REQUEST",
  self_change_refused: "BAD_REQUEST",
  last_admin: "BAD_REQUEST",
  email_taken: "CONFLICT",
  password_wrong: "BAD_REQUEST",
  password_change_required: "FORBIDDEN",
  proof_required: "FORBIDDEN",
  second_factor_required: "FORBIDDEN",
  second_factor_wrong: "BAD_REQUEST",
  reason_unavailable: "BAD_REQUEST",
  reason_code_taken: "CONFLICT",
  reason_photo_rejection: "BAD_REQUEST",
  warehouse_is_default: "CONFLICT",
  warehouse_category_unknown: "BAD_REQUEST",
  no_gateway_for_method: "BAD_REQUEST",
  refund_amount_not_lower: "BAD_REQUEST",
  refund_not_retryable: "CONFLICT",
  offline_refund_not_allowed: "CONFLICT",
  receipt_unavailable: "BAD_REQUEST",
  nothing_to_refund: "BAD_REQUEST",
  replacement_out_of_stock: "CONFLICT",
  replacement_in_stock: "BAD_REQUEST",
  request_too_large: "PAYLOAD_TOO_LARGE",
  statement_unavailable: "SERVICE_UNAVAILABLE",
  photo_busy: "SERVICE_UNAVAILABLE",
  database_unavailable: "SERVICE_UNAVAILABLE",
} as const;

/**
 * Codes whose `params.field` is the path of the input field at fault ("lines.0.reasonCode"):
 * the API reports them per field as it does schema errors, so forms show them in place.
 */
export const FIELD_ERROR_CODES: readonly ErrorCode[] = [
  "reason_unavailable",
  "reason_code_taken",
  "refund_amount_not_lower",
  "receipt_unavailable",
  "parcel_line_invalid",
  "parcel_quantity_over",
  "parcel_photo_unavailable",
  "warehouse_category_unknown",
];

export type ErrorCode = keyof typeof ERROR_CODES;
export type ErrorParams = Record<string, string | number>;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorParams = {},
    message?: string,
  ) {
    super(message ?? `${code}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ""}`);
    this.name = "AppError";
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
