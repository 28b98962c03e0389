import type { Db } from "../../db/client";
import type { StaffUser } from "../auth/staff-users";
import type { Locale } from "../i18n/locale";
import type { JobSender } from "../jobs/boss";
import type { GatewayRegistry } from "../payments/registry";
import type { StatementSource } from "../payments/statement-sources";
import type { CustomerIdentity } from "../services/customer-sessions";
import type { SmsSetup } from "../sms/from-env";
import type { ObjectStorage } from "../storage";

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
  /** The client's address as the app's HTTP server decided it (server/auth/client-ip.ts). */
  ip: string;
  staff: StaffUser | null;
  customer: CustomerIdentity | null;
  /** The raw customer session token (to sign out). */
  customerToken: string | null;
  setCustomerCookie: (token: string | null, opts?: CookieOptions) => void;
  /** The configured payment gateways (server/payments/registry.ts). */
  gateways: GatewayRegistry;
  /** The job queue (pg-boss): work queued inside a step's transaction. */
  jobs: JobSender;
  /** Demo set-up: SMS codes are shown on the page. */
  demo: boolean;
  /** The SMS provider (SMS_PROVIDER), or null when none is configured. */
  sms: SmsSetup | null;
  log: (line: string) => void;
  /** Photo storage for procedures that delete photos (erasure); unset → the configured one (server/api/photo-http.ts). */
  storage?: ObjectStorage;
  /** The gateways' statements for reconciliation; unset → the configured gateways (statementsOf(gateways)). */
  statements?: StatementSource;
}
