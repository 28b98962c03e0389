/** What people paste or type into a phone field: spaces, dashes, a +86 prefix. The server checks the rest. */
export function normalisePhone(raw: string): string {
  const digits = raw.replace(/\D/g, "");
  return digits.length === 13 && digits.startsWith("86") ? digits.slice(2) : digits;
}

/** The first six digits in whatever was pasted or auto-filled ("【退换货】验证码 123456，5 分钟内有效"). */
export function extractCode(raw: string): string {
  return raw.replace(/\D/g, "").slice(0, 6);
}
