import { describe, expect, it } from "vitest";
import { customerCookie } from "./customer-cookie";

describe("customer session cookie", () => {
  it("is Secure when the request came over HTTPS, and only then", () => {
    expect(customerCookie("tok", {}, true)).toMatch(/; Secure/);
    expect(customerCookie(null, {}, true)).toMatch(/; Secure/);
    expect(customerCookie("tok", {}, false)).not.toMatch(/Secure/);
  });

  it("is HttpOnly, SameSite=Lax, whole-site", () => {
    const c = customerCookie("a b", { expires: new Date("2026-12-01T00:00:00Z") }, true);
    expect(c).toBe("rh_customer=a%20b; Path=/; HttpOnly; SameSite=Lax; Secure; Expires=Tue, 01 Dec 2026 00:00:00 GMT");
  });
});
