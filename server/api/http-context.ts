import "server-only";
import { currentStaff } from "../auth/auth";
import { arrivedOverHttps, clientIp } from "../auth/client-ip";
import { appDb } from "../db";
import { env, isDemoSms } from "../env";
import { LOCALE_COOKIE, resolveLocale } from "../i18n/locale";
import { jobSender, type JobSender } from "../jobs/boss";
import { loggerFor } from "../log/logger";
import { appGateways } from "../payments/app-gateways";
import { customerFromSession } from "../services/customer-sessions";
import { smsSetupFromEnv, type SmsSetup } from "../sms/from-env";
import type { Context } from "./context";
import { CUSTOMER_COOKIE, customerCookie } from "./customer-cookie";

export { CUSTOMER_COOKIE };

const appLog = loggerFor("app");

// One per process, built on first use: the job queue keeps its started pg-boss over the app's pool.
let jobs: JobSender | undefined;
// One per process too: the SDK client keeps its connections.
let sms: SmsSetup | null | undefined;

function readCookie(header: string | null, name: string): string | undefined {
  for (const part of header?.split(";") ?? []) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return undefined;
}

/** Builds the tRPC context from an HTTP request: who is calling (staff, customer, neither) and in which language. */
export async function createHttpContext(req: Request, resHeaders: Headers): Promise<Context> {
  const db = appDb();
  const cookieHeader = req.headers.get("cookie");
  const customerToken = readCookie(cookieHeader, CUSTOMER_COOKIE) ?? null;
  // Over HTTPS (here or at the trusted proxy), or configured as an HTTPS site.
  const secure = arrivedOverHttps(req.headers) || (env().AUTH_URL ?? "").startsWith("https://");
  const [staff, customer] = await Promise.all([currentStaff(), customerFromSession(db, customerToken ?? undefined, { idleDays: env().CUSTOMER_SESSION_IDLE_DAYS, userAgent: req.headers.get("user-agent") })]);
  return {
    db,
    locale: resolveLocale(readCookie(cookieHeader, LOCALE_COOKIE), req.headers.get("accept-language")),
    ip: clientIp(req.headers),
    staff,
    customer,
    customerToken,
    setCustomerCookie: (token, opts) => resHeaders.append("Set-Cookie", customerCookie(token, opts, secure)),
    gateways: appGateways(),
    jobs: (jobs ??= jobSender(db.$client)),
    demo: isDemoSms(),
    sms: sms === undefined ? (sms = smsSetupFromEnv(env())) : sms,
    log: (line) => appLog.info(line),
  };
}
