/**
 * Masking for logs: what identifies a customer (a phone number) or opens a door (a code, a token,
 * a password) never reaches a log line whole. Used by the logger's redaction and by callers
 * that build a message from such a value.
 */

/** A mainland mobile number anywhere in text (optionally +86 / 86 in front), not inside a longer run of digits. */
const MOBILE = /(?<!\d)(?:\+?86[- ]?)?(1[3-9]\d)(\d{4})(\d{4})(?!\d)/g;

/** 13812345678 → 138****5678; anything that is not a phone keeps its first 3 and last 2 characters at most. */
export function maskPhone(value: string): string {
  const digits = value.replace(/\D/g, "");
  const m = /^(?:86)?(1[3-9]\d)\d{4}(\d{4})$/.exec(digits);
  if (m) return `${m[1]}****${m[2]}`;
  if (value.length <= 5) return "***";
  return `${value.slice(0, 3)}***${value.slice(-2)}`;
}

/** Phone numbers inside free text (an error message, a provider's answer) masked the same way. */
export function maskPhonesIn(text: string): string {
  return text.replace(MOBILE, (_all, head: string, _middle: string, tail: string) => `${head}****${tail}`);
}

/** What replaces a secret (a verification code, a token, a password, a cookie) in a log line. */
export const REDACTED = "[redacted]";

/** Field names whose values are masked as phone numbers wherever they appear (one level of nesting). */
export const PHONE_KEYS = ["phone", "mobile", "phoneNumber", "PhoneNumbers"] as const;

/** Field names whose values never appear at all. */
export const SECRET_KEYS = ["code", "token", "password", "secret", "authorization", "cookie", "otp", "totp", "signature", "accessKeySecret", "apiKey"] as const;

/**
 * pino redaction paths for those keys: top level and two levels down (`{ customer: { phone } }`,
 * `{ job: { data: { code } } }`). pino's paths are explicit (no deep wildcard), so these are the
 * shapes logged here; free text goes through maskPhonesIn.
 */
export function redactPaths(): string[] {
  return [...PHONE_KEYS, ...SECRET_KEYS].flatMap((k) => [k, `*.${k}`, `*.*.${k}`]).concat(['*["set-cookie"]']);
}

/** pino's censor: phone numbers masked, everything else redacted. */
export function censor(value: unknown, path: string[]): unknown {
  const key = path[path.length - 1] ?? "";
  if ((PHONE_KEYS as readonly string[]).includes(key)) return typeof value === "string" ? maskPhone(value) : REDACTED;
  return REDACTED;
}
