import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/server/env";
import { newNonce, pageContentSecurityPolicy } from "@/server/http/security-headers";

/**
 * Runs before every page: a fresh nonce per response in the Content-Security-Policy. Next reads
 * the nonce from the request's CSP header and puts it on its own scripts; `x-nonce` is there for a
 * page that adds a <Script> of its own. Pages render per request anyway (the root layout reads
 * the language cookie), so nonces cost no static rendering. See docs/decisions/016.
 */
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const policy = pageContentSecurityPolicy(nonce, {
    dev: env().NODE_ENV === "development",
    https: request.headers.get("x-forwarded-proto") === "https",
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Not /api (JSON and photos get their policy from next.config.ts; a proxy would also buffer
  // request bodies, and photo uploads are larger than its 10 MB clone limit) nor built assets.
  matcher: ["/((?!api/|_next/static/|_next/image|favicon\\.svg).*)"],
};
