import type { CookieOptions } from "./context";

export const CUSTOMER_COOKIE = "rh_customer";

/**
 * The customer session's Set-Cookie value. `secure` whenever the request came over HTTPS — to this
 * server or to the trusted TLS proxy in front of it (X-Forwarded-Proto as the edge server decided
 * it, see server/auth/client-ip.ts) — so the token never travels over plain HTTP afterwards.
 */
export function customerCookie(token: string | null, opts: CookieOptions = {}, secure = false): string {
  const flags = `Path=/; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
  if (!token) return `${CUSTOMER_COOKIE}=; ${flags}; Max-Age=0`;
  const expires = opts.expires ? `; Expires=${opts.expires.toUTCString()}` : "";
  return `${CUSTOMER_COOKIE}=${encodeURIComponent(token)}; ${flags}${expires}`;
}
