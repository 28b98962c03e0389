import type { Env } from "../env";
import { CUSTOMER_KEY_POINTS, type CustomerKeyPoint } from "../domain/notification-plan";
import { LOCALES, type Locale } from "../i18n/locale";
import { smsSetupFromEnv } from "../sms/from-env";
import type { SmsSender } from "../sms/sender";
import { Mailer } from "./channels/email";
import { smsTemplateVariable } from "./templates/sms";

/** What the notification worker sends with; a missing piece means that channel is off (never a crash). */
export interface NotificationSetup {
  /** null: SMS_PROVIDER=none (or incomplete). */
  sms: { sender: SmsSender; templates: Partial<Record<CustomerKeyPoint, Partial<Record<Locale, string>>>> } | null;
  /** null: SMTP_URL or MAIL_FROM unset. */
  mailer: Mailer | null;
  staffLocale: Locale;
  timeoutMs: number;
  /** Key material webhook secrets are sealed with (TOTP_ENCRYPTION_KEY, else AUTH_SECRET; server/auth/secret-box.ts). */
  secretKey: string | null;
  /** The shop's origin for links in staff messages (AUTH_URL), or none. */
  baseUrl: string | null;
}

/** The template code of a key point in a language: the English one, else the zh-CN one; none = no SMS. */
export function smsTemplateFor(setup: NotificationSetup["sms"], key: CustomerKeyPoint, locale: Locale): { code: string; locale: Locale } | null {
  const codes = setup?.templates[key];
  if (!codes) return null;
  if (codes[locale]) return { code: codes[locale]!, locale };
  return codes["zh-CN"] ? { code: codes["zh-CN"], locale: "zh-CN" } : null;
}

export function notificationSetupFromEnv(e: Env): NotificationSetup {
  const sms = smsSetupFromEnv(e);
  const templates: Partial<Record<CustomerKeyPoint, Partial<Record<Locale, string>>>> = {};
  for (const key of CUSTOMER_KEY_POINTS) {
    for (const locale of LOCALES) {
      const code = e[smsTemplateVariable(key, locale) as keyof Env];
      if (typeof code === "string" && code) (templates[key] ??= {})[locale] = code;
    }
  }
  return {
    sms: sms ? { sender: sms.sender, templates } : null,
    mailer: e.SMTP_URL && e.MAIL_FROM ? new Mailer({ smtpUrl: e.SMTP_URL, from: e.MAIL_FROM, timeoutMs: e.NOTIFY_TIMEOUT_MS }) : null,
    staffLocale: e.NOTIFY_STAFF_LOCALE,
    timeoutMs: e.NOTIFY_TIMEOUT_MS,
    secretKey: e.TOTP_ENCRYPTION_KEY ?? e.AUTH_SECRET ?? null,
    baseUrl: e.AUTH_URL ?? null,
  };
}

/** What is off, in words for the worker's start-up log (and the README). */
export function notificationSetupNotes(e: Env, setup: NotificationSetup): string[] {
  const notes: string[] = [];
  if (!setup.sms) notes.push("customer SMS off (SMS_PROVIDER=none or incomplete): no SMS deliveries are created");
  else {
    const missing = CUSTOMER_KEY_POINTS.filter((k) => !setup.sms!.templates[k]?.["zh-CN"] && !setup.sms!.templates[k]?.en);
    if (missing.length) notes.push(`customer SMS off for ${missing.join(", ")} (no SMS_TEMPLATE_<KEY>)`);
  }
  if (!setup.mailer) notes.push(e.SMTP_URL ? "staff e-mail off: MAIL_FROM is not set" : "staff e-mail off (SMTP_URL unset): e-mail channels get no deliveries");
  if (!setup.secretKey) notes.push("webhooks cannot be signed: AUTH_SECRET (or TOTP_ENCRYPTION_KEY) is not set");
  return notes;
}
