import type { StaffRole } from "../domain/vocabulary";

/** Every demo account signs in with this password (README, Playwright). Never used outside the demo seed. */
export const DEMO_PASSWORD = "demo1234";

export interface DemoStaff {
  /** Stable handle for tests: which demo account this is. */
  key: "cs" | "ops" | "warehouse" | "finance" | "finance2" | "admin";
  email: string;
  name: string;
  role: StaffRole;
  password: string;
}

/**
 * One account per role, plus a second finance user: refunds above ¥2000 need two different
 * finance people (four-eyes), so the demo must be able to show that.
 */
export const DEMO_STAFF: readonly DemoStaff[] = [
  { key: "cs", email: "cs@demo.tuihuanhuo.cn", name: "李娜", role: "customer_service", password: DEMO_PASSWORD },
  { key: "ops", email: "ops@demo.tuihuanhuo.cn", name: "王强", role: "operations_manager", password: DEMO_PASSWORD },
  { key: "warehouse", email: "warehouse@demo.tuihuanhuo.cn", name: "赵刚", role: "warehouse", password: DEMO_PASSWORD },
  { key: "finance", email: "finance@demo.tuihuanhuo.cn", name: "陈静", role: "finance", password: DEMO_PASSWORD },
  { key: "finance2", email: "finance2@demo.tuihuanhuo.cn", name: "刘洋", role: "finance", password: DEMO_PASSWORD },
  { key: "admin", email: "admin@demo.tuihuanhuo.cn", name: "周敏", role: "admin", password: DEMO_PASSWORD },
];

export type DemoStaffKey = DemoStaff["key"];

/**
 * The demo's finance and admin accounts have this authenticator secret (base32), enrolled at
 * their first sign-in in demo mode (server/auth/demo-second-factor.ts); in demo mode only, the
 * two-factor page shows its current code. Public like DEMO_PASSWORD: never used outside demo mode.
 */
export const DEMO_TOTP_SECRET = "KRUGKIDEMUYW2ZJAONSWG4TFOQQGS4ZAOB2WE3DJMM";

export function isDemoAccountEmail(email: string): boolean {
  return DEMO_STAFF.some((s) => s.email === email);
}
