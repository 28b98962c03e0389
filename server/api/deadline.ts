import { DeadlineExceededError } from "./db-errors";

/**
 * Settles with `work`, or rejects with DeadlineExceededError after `ms`, whichever comes first.
 *
 * The last line of defence that every request gets an answer: statement_timeout and
 * idle_in_transaction_session_timeout bound what the server does, connect_timeout bounds a
 * connect, but a socket that went silent (a dead host, a dropped route) or a driver bug can leave
 * a query waiting for an answer that never comes. The work is not cancelled — it cannot be from
 * here — so a write may still commit after its request was answered 503; the client's retry then
 * meets the idempotency key (submissions) or the version check (steps).
 */
export async function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineExceededError(ms)), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
