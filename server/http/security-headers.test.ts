import { describe, expect, it } from "vitest";
import { API_CONTENT_SECURITY_POLICY, headerRules, newNonce, pageContentSecurityPolicy, permissionsPolicy } from "./security-headers";

const directive = (policy: string, name: string) => policy.split("; ").find((d) => d.startsWith(`${name} `));

describe("page Content-Security-Policy", () => {
  it("allows scripts by nonce only: no 'unsafe-inline', no 'unsafe-eval' outside development", () => {
    const nonce = newNonce();
    const scripts = directive(pageContentSecurityPolicy(nonce), "script-src")!;
    expect(scripts).toContain(`'nonce-${nonce}'`);
    expect(scripts).not.toContain("unsafe-inline");
    expect(scripts).not.toContain("unsafe-eval");
  });

  it("forbids framing and allows photo previews from object URLs", () => {
    const policy = pageContentSecurityPolicy(newNonce());
    expect(directive(policy, "frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directive(policy, "img-src")).toBe("img-src 'self' blob: data:");
  });

  it("nonces are fresh and long enough", () => {
    const a = newNonce();
    expect(a).not.toBe(newNonce());
    expect(Buffer.from(a, "base64")).toHaveLength(16);
  });
});

describe("other headers", () => {
  it("camera only under the scanner prefix", () => {
    expect(permissionsPolicy({ camera: false })).toContain("camera=()");
    expect(permissionsPolicy({ camera: true })).toContain("camera=(self)");
    const scan = headerRules().filter((r) => r.source.startsWith("/dashboard/warehouse"));
    expect(scan.length).toBeGreaterThan(0);
  });

  it("API answers cannot be framed", () => {
    expect(directive(API_CONTENT_SECURITY_POLICY, "frame-ancestors")).toBe("frame-ancestors 'none'");
  });

  it("HSTS only for requests that came over HTTPS", () => {
    const hsts = headerRules().find((r) => r.headers.some((h) => h.key === "Strict-Transport-Security"));
    expect(hsts?.has).toEqual([{ type: "header", key: "x-forwarded-proto", value: "https" }]);
  });
});
