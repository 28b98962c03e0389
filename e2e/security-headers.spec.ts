import type { APIResponse, Page } from "@playwright/test";
import sharp from "sharp";
import { BASE_URL, expect, signIn, test } from "./fixtures/h5";

/**
 * Security headers on real responses of the production server (scripts/serve.ts → proxy.ts and
 * next.config.ts), and the pages still working under the policy: no CSP violation while they
 * load and hydrate.
 */

function expectCommonHeaders(res: APIResponse) {
  const h = res.headers();
  expect(h["x-frame-options"]).toBe("DENY");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("same-origin");
  expect(h["permissions-policy"]).toContain("camera=()");
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  // Plain HTTP here: no HSTS (browsers ignore it over HTTP; it is sent when the request came over HTTPS).
  expect(h["strict-transport-security"]).toBeUndefined();
}

/** Records CSP violations the page reports, from before its first script runs. */
async function watchViolations(page: Page): Promise<string[]> {
  const consoleErrors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) consoleErrors.push(m.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return consoleErrors;
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);

test.describe("Security headers", () => {
  test("an HTML page: a nonce policy without 'unsafe-inline' for scripts, and Next's scripts carry that nonce", async ({ request }) => {
    const res = await request.get("/login");
    expectCommonHeaders(res);
    const policy = res.headers()["content-security-policy"]!;
    const scriptSrc = policy.split("; ").find((d) => d.startsWith("script-src "))!;
    const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
    expect(nonce).toBeTruthy();
    expect(scriptSrc).not.toContain("unsafe-inline");
    expect(scriptSrc).not.toContain("unsafe-eval");
    const html = await res.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    // A fresh nonce per response.
    const again = (await request.get("/login")).headers()["content-security-policy"];
    expect(again).not.toBe(policy);
  });

  test("an API answer", async ({ request }) => {
    const res = await request.get("/api/trpc/customer.me");
    expect(res.status()).toBe(200);
    expectCommonHeaders(res);
    expect(res.headers()["content-security-policy"]).toContain("default-src 'none'");
  });

  test("a photo", async ({ page, db, shopper }) => {
    await signIn(db, page.context(), shopper);
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#c33" } }).jpeg().toBuffer();
    const uploaded = await page.request.post("/api/photos", {
      headers: { origin: BASE_URL },
      multipart: { photo: { name: "photo.jpg", mimeType: "image/jpeg", buffer: jpeg } },
    });
    expect(uploaded.status()).toBe(201);
    const { id } = (await uploaded.json()) as { id: string };
    const photo = await page.request.get(`/api/photos/${id}`);
    expect(photo.status()).toBe(200);
    expect(photo.headers()["content-type"]).toBe("image/jpeg");
    expectCommonHeaders(photo);
  });

  test("pages load and hydrate under the policy without a violation", async ({ page }) => {
    const consoleErrors = await watchViolations(page);
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "申请退换货" })).toBeVisible();
    // Hydrated: the form validates on the client (a click with empty fields shows messages in place).
    await page.getByRole("button", { name: "获取验证码" }).click();
    await expect(page.getByText(/手机号/).first()).toBeVisible();
    await page.goto("/login");
    await expect(page.getByLabel("工作邮箱")).toBeVisible();
    expect(await violations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
