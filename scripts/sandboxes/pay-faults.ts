/**
 * The ways the payment sandboxes (Alipay, WeChat Pay) misbehave on purpose, shared by both so the
 * reliability tests can run one matrix over either. A fault is armed over the sandbox's control
 * API (`POST /sandbox/faults` with `{ "mode": …, "outRefundNo"?: …, "times"?: n }`): for the
 * next `times` refund calls (default 1) naming that refund number, or any number when omitted.
 * `GET /sandbox/ledger` lists every payout the sandbox made, which is how tests prove money moved
 * once; `POST /sandbox/reset` clears faults (never the ledger).
 */
export const FAULT_MODES = [
  /** Behaves like the real gateway on a good day. */
  "none",
  /** Holds the refund call past the client's timeout; the refund IS recorded and paid. */
  "timeout",
  /** Answers HTTP 500 (or 503) without doing anything. */
  "server_error",
  /** Pays, answers, and never sends the notification. */
  "no_notify",
  /** Sends the same notification twice. */
  "notify_twice",
  /** Sends the notification only after a delay (seconds, `delaySeconds`, default 5). */
  "notify_late",
  /** Sends a notification whose signature does not verify (then no good one). */
  "bad_signature_notify",
  /** Answers PROCESSING to the call and to the next queries (`times` of them), then pays. */
  "processing_for_a_while",
  /** Closes the refund without paying (WeChat CLOSED; Alipay: a refund query that never shows it). */
  "closed",
  /** WeChat Pay only: the payout fails at the bank (ABNORMAL); the money stays with the gateway. */
  "abnormal",
] as const;
export type FaultMode = (typeof FAULT_MODES)[number];

export interface FaultRequest {
  mode: FaultMode;
  outRefundNo?: string;
  times?: number;
  delaySeconds?: number;
}

/** One payout in a sandbox's ledger. A refund number appears at most once here, whatever happened. */
export interface LedgerEntry {
  outRefundNo: string;
  orderNo: string;
  gatewayRefundId: string;
  amountFen: number;
  status: "SUCCESS" | "PROCESSING" | "CLOSED" | "ABNORMAL";
  /** How many times the sandbox was asked to pay this number (retries included); it paid once. */
  requests: number;
  createdAt: string;
  succeededAt: string | null;
}
