/**
 * The security headers of every response (docs/decisions/016). Pages get a Content-Security-Policy
 * with a fresh nonce from proxy.ts (Next puts the nonce on its own scripts); everything else gets
 * its headers from next.config.ts `headers()`, built from the lists here.
 */

/** 128 random bits, base64: unguessable per response. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export interface PagePolicyOptions {
  /** `next dev`: React's dev build evaluates strings and hot reload talks over a WebSocket. */
  dev?: boolean;
  /** The page was requested over HTTPS: ask the browser to upgrade any stray http:// subresource. */
  https?: boolean;
}

/**
 * The policy of an HTML page. Scripts: only those carrying this response's nonce, and what they
 * load ('strict-dynamic') — no 'unsafe-inline', so an injected <script> does not run. Styles keep
 * 'unsafe-inline' (style attributes cannot carry a nonce; a style cannot run code). Images from
 * this origin plus blob:/data: — the H5 shows a photo's preview from an object URL before upload.
 */
export function pageContentSecurityPolicy(nonce: string, opts: PagePolicyOptions = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src 'self'${opts.dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(opts.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** API answers (JSON, photos) are never documents that run anything; nobody may frame them. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; img-src 'self' blob: data:; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Features no page uses. The camera is allowed only under CAMERA_PATH_PREFIX (the warehouse scanner). */
const DENIED_FEATURES = ["camera", "microphone", "geolocation", "payment", "usb", "serial", "bluetooth", "hid", "browsing-topics"];

/** Pages under this prefix may use the camera (the warehouse's parcel scanner lives here). */
export const CAMERA_PATH_PREFIX = "/dashboard/warehouse";

export function permissionsPolicy(opts: { camera: boolean }): string {
  return DENIED_FEATURES.map((f) => (f === "camera" && opts.camera ? "camera=(self)" : `${f}=()`)).join(", ");
}

/** One year; no includeSubDomains (a shop's other subdomains may not all be HTTPS). */
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000";

type Header = { key: string; value: string };

/** On every response. */
export const COMMON_HEADERS: Header[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  // For browsers that predate CSP frame-ancestors: the cancel and refund buttons must not be framed.
  { key: "X-Frame-Options", value: "DENY" },
  // Request and order numbers are in our URLs; other sites learn at most our origin.
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: permissionsPolicy({ camera: false }) },
];

/**
 * next.config.ts `headers()` rules. HSTS only when the request came over HTTPS: X-Forwarded-Proto
 * is rewritten by the edge server (server/http/edge-server.ts) from the socket or the trusted
 * proxy, never a client's word; browsers ignore HSTS received over plain HTTP anyway.
 */
export function headerRules() {
  return [
    { source: "/:path*", headers: COMMON_HEADERS },
    { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }] },
    { source: `${CAMERA_PATH_PREFIX}/:path*`, headers: [{ key: "Permissions-Policy", value: permissionsPolicy({ camera: true }) }] },
    { source: CAMERA_PATH_PREFIX, headers: [{ key: "Permissions-Policy", value: permissionsPolicy({ camera: true }) }] },
    {
      source: "/:path*",
      has: [{ type: "header" as const, key: "x-forwarded-proto", value: "https" }],
      headers: [{ key: "Strict-Transport-Security", value: STRICT_TRANSPORT_SECURITY }],
    },
  ];
}
