import "server-only";
import { currentStaff } from "../auth/auth";
import { clientIp } from "../auth/client-ip";
import { appDb } from "../db";
import { env, isDemoSms } from "../env";
import { LOCALE_COOKIE, resolveLocale } from "../i18n/locale";
import { SimulatedGateway } from "../payments/simulated-gateway";
import { customerFromSession } from "../services/customer-sessions";
import type { Context, CookieOptions } from "./context";

export const CUSTOMER_COOKIE = "rh_customer";

// One per process: the simulated gateway remembers refund numbers it has paid, like a real one.
const gateway = new SimulatedGateway();

function readCookie(header: string | null, name: string): string | undefined {
  for (const part of header?.split(";") ?? []) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return undefined;
}

function customerCookie(token: string | null, opts: CookieOptions = {}): string {
  const secure = env().NODE_ENV === "production" && (env().AUTH_URL ?? "").startsWith("https://") ? "; Secure" : "";
  if (!token) return `${CUSTOMER_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secure}`;
  const expires = opts.expires ? `; Expires=${opts.expires.toUTCString()}` : "";
  return `${CUSTOMER_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Lax${expires}${secure}`;
}

/** Builds the tRPC context from an HTTP request: who is calling (staff, customer, neither) and in which language. */
export async function createHttpContext(req: Request, resHeaders: Headers): Promise<Context> {
  const db = appDb();
  const cookieHeader = req.headers.get("cookie");
  const customerToken = readCookie(cookieHeader, CUSTOMER_COOKIE) ?? null;
  const [staff, customer] = await Promise.all([currentStaff(), customerFromSession(db, customerToken ?? undefined, { idleDays: env().CUSTOMER_SESSION_IDLE_DAYS, userAgent: req.headers.get("user-agent") })]);
  return {
    db,
    locale: resolveLocale(readCookie(cookieHeader, LOCALE_COOKIE), req.headers.get("accept-language")),
    ip: clientIp(req.headers),
    staff,
    customer,
    customerToken,
    setCustomerCookie: (token, opts) => resHeaders.append("Set-Cookie", customerCookie(token, opts)),
    gateway,
    demo: isDemoSms(),
    log: (line) => console.log(line),
  };
}
