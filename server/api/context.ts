import type { Db } from "../../db/client";
import type { StaffUser } from "../auth/staff-users";
import type { Locale } from "../i18n/locale";
import type { RefundGateway } from "../payments/gateway";
import type { ObjectStorage } from "../storage";
import type { CustomerIdentity } from "../services/customer-sessions";

export interface CookieOptions {
  maxAge?: number;
  expires?: Date;
}

/**
 * What every procedure receives. Built from the HTTP request in route.ts, and directly by the
 * integration tests (same shape, no HTTP): that is the seam that lets tests use createCaller.
 */
export interface Context {
  db: Db;
  locale: Locale;
  /** Null when unknown (no trusted proxy): per-IP limits are then skipped. */
  ip: string | null;
  staff: StaffUser | null;
  customer: CustomerIdentity | null;
  /** The raw customer session token (to sign out). */
  customerToken: string | null;
  setCustomerCookie: (token: string | null, opts?: CookieOptions) => void;
  gateway: RefundGateway;
  /** Demo set-up: SMS codes are shown on the page. */
  demo: boolean;
  log: (line: string) => void;
  /** Photo storage for procedures that delete photos (erasure); unset → the configured one (server/api/photo-http.ts). */
  storage?: ObjectStorage;
}
