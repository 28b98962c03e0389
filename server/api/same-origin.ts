/**
 * A state-changing request must come from our own pages. Browsers send Origin on every
 * cross-site POST (and Sec-Fetch-Site where supported), so a page elsewhere cannot drive a
 * signed-in user's session; tRPC's JSON body also forces a CORS preflight that we never approve.
 */
export function isSameOrigin(req: Request): boolean {
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return false;
  const origin = req.headers.get("origin");
  if (!origin) return true;
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
