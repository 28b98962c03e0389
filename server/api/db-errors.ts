/**
 * Which failures mean "the database cannot be reached right now" (answer 503 with Retry-After,
 * the client may try again) rather than "this request is wrong" or "the code is wrong" (500).
 * See docs/decisions/020-database-failure.md.
 */

/** Seconds a client should wait before retrying while the database is unreachable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** Thrown when a request's database work ran past its deadline (server/api/deadline.ts). */
export class DeadlineExceededError extends Error {
  readonly code = "REQUEST_DEADLINE";
  constructor(readonly ms: number) {
    super(`The request's database work did not finish within ${ms} ms`);
    this.name = "DeadlineExceededError";
  }
}

/** Node socket errors: nothing listens, the peer went away, or no route to it. */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN", "ECONNABORTED"]);

/** postgres-js's own connection errors (its errors.js) and our deadline. */
const DRIVER_CODES = new Set(["CONNECTION_CLOSED", "CONNECTION_DESTROYED", "CONNECTION_ENDED", "CONNECT_TIMEOUT", "REQUEST_DEADLINE"]);

/**
 * SQLSTATEs that mean the server is going away, starting up, or too busy — not that the query is
 * wrong: class 08 (connection exception), 57P01 admin_shutdown (fast shutdown, also sent to
 * sessions when the postmaster dies), 57P02 crash_shutdown, 57P03 cannot_connect_now (starting
 * up or in recovery after a crash), 57014 query_canceled (statement_timeout), 53300
 * too_many_connections, 25P03 idle_in_transaction_session_timeout.
 */
function isUnavailableSqlState(code: string): boolean {
  return code.startsWith("08") || ["57P01", "57P02", "57P03", "57014", "53300", "25P03"].includes(code);
}

/** True when `error` (or anything in its `cause` chain: drizzle and tRPC wrap driver errors) says the database is unreachable. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    if (current instanceof DeadlineExceededError) return true;
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && (SOCKET_CODES.has(code) || DRIVER_CODES.has(code) || isUnavailableSqlState(code))) return true;
    // AggregateError (a connect to several addresses, e.g. ::1 and 127.0.0.1, all refused).
    const errors = (current as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.length > 0 && errors.every((e) => isDatabaseUnavailable(e))) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
