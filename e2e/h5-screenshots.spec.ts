import { writeFileSync } from "node:fs";
import type { Browser, Page } from "@playwright/test";
import { sql } from "drizzle-orm";
import { BASE_URL, expect, fileRequest, makeShopper, PHONE, signIn, staffDecides, test, type Shopper } from "./fixtures/h5";
import { notAnImage, png } from "./fixtures/h5-images";
import type { Db } from "../db/client";

/**
 * Not part of the normal run (see playwright.config.ts): `SCREENSHOTS=1 npx playwright test
 * --project=screenshots` writes PNGs of every H5 page and state to screenshots/ for review,
 * at 360×640 and 390×844 (mobile emulation) and 1280×800, in zh-CN and en.
 */
const VIEWPORTS = [
  { name: "360", width: 360, height: 640, mobile: true },
  { name: "390", width: 390, height: 844, mobile: true },
  { name: "1280", width: 1280, height: 800, mobile: false },
] as const;
const LOCALES = ["zh-CN", "en"] as const;
type Locale = (typeof LOCALES)[number];


test.describe.configure({ mode: "serial" });
test.setTimeout(120_000);

interface Shot {
  /** Signed in as this shopper (none: signed out). */
  as?: () => Shopper;
  /** Brings the page to the state to capture. */
  go: (page: Page, locale: Locale) => Promise<void>;
}

async function shoot(browser: Browser, db: Db, name: string, shot: Shot) {
  for (const locale of LOCALES) {
    for (const vp of VIEWPORTS) {
      const context = await browser.newContext({
        ...(vp.mobile ? PHONE : {}),
        viewport: { width: vp.width, height: vp.height },
        deviceScaleFactor: vp.mobile ? 2 : 1,
        locale,
        timezoneId: "Asia/Shanghai",
        baseURL: BASE_URL,
      });
      await context.addCookies([{ name: "locale", value: locale, url: BASE_URL }]);
      if (shot.as) await signIn(db, context, shot.as());
      const page = await context.newPage();
      await shot.go(page, locale);
      const file = `screenshots/h5-${name}-${locale}-${vp.name}`;
      // What the phone shows, sticky action bar included; then the whole page with the bar in its place at the end.
      if (vp.mobile) await page.screenshot({ path: `${file}-screen.png`, scale: "css" });
      await page.addStyleTag({ content: ".sticky { position: static !important; }" });
      await page.screenshot({ path: `${file}.png`, fullPage: true, scale: "css" });
      await context.close();
    }
  }
}

const L = {
  next: { "zh-CN": "下一步", en: "Next" },
  getCode: { "zh-CN": "获取验证码", en: "Send code" },
  orderNo: { "zh-CN": "订单号", en: "Order number" },
  phone: { "zh-CN": "下单手机号", en: "Phone number" },
  reason: { "zh-CN": "原因", en: "Reason" },
  exchange: { "zh-CN": /^换货/, en: /^Exchange/ },
  shirt: "纯棉圆领T恤",
} as const;

async function wizardTo(page: Page, shopper: Shopper, locale: Locale, step: number) {
  await page.goto(`/orders/${shopper.orderNo}/return`);
  await page.locator(`li[data-line="${L.shirt}"] input[type="checkbox"]`).check();
  if (step < 1) return;
  await page.getByRole("button", { name: L.next[locale], exact: true }).click();
  await page.getByRole("radio", { name: L.exchange[locale] }).check();
  await page.getByLabel(L.reason[locale], { exact: true }).selectOption("size_not_fit");
  await page.locator(`div[data-line="${L.shirt}"] input[type="radio"]`).first().check();
  await page.getByRole("textbox").first().fill(locale === "en" ? "Too small around the shoulders" : "肩宽偏小，想换大一码");
  if (step < 2) return;
  await page.getByRole("button", { name: L.next[locale], exact: true }).click();
  const ok = test.info().outputPath("ok.png");
  const bad = test.info().outputPath("bad.jpg");
  writeFileSync(ok, await png(900, 700));
  writeFileSync(bad, notAnImage());
  await page.locator('input[type="file"]').setInputFiles([ok, bad]);
  await expect(page.locator('li[data-status="done"]')).toHaveCount(1);
  await expect(page.locator('li[data-status="failed"]')).toHaveCount(1);
  if (step < 3) return;
  await page.locator('li[data-status="failed"] button').last().click();
  await page.getByRole("button", { name: L.next[locale], exact: true }).click();
}

interface Data {
  wizard: Shopper;
  busy: Shopper;
  other: Shopper;
  empty: Shopper;
  pending: string;
  shipping: string;
  asked: string;
  rejected: string;
}
let d: Data;

test.beforeAll(async ({ db }) => {
  const busy = await makeShopper(db);
  const pending = await fileRequest(db, busy, "return_refund", [{ line: "shirt" }]);
  const shipping = await fileRequest(db, busy, "exchange", [{ line: "shirt" }]);
  await staffDecides(db, "cs", shipping.id, "approve");
  const asked = await fileRequest(db, busy, "return_refund", [{ line: "mug" }]);
  await staffDecides(db, "cs", asked.id, "request_info", { comment: "请补拍一张杯底裂纹的近照，并说明是开箱时就有的吗？" });
  const other = await makeShopper(db);
  const rejected = await fileRequest(db, other, "refund_only", [{ line: "mug" }]);
  await staffDecides(db, "cs", rejected.id, "reject", { rejectionCode: "evidence_insufficient", comment: "照片看不清破损位置，请补充。" });
  d = {
    wizard: await makeShopper(db),
    busy,
    other,
    empty: await makeShopper(db),
    pending: pending.rmaNo,
    shipping: shipping.rmaNo,
    asked: asked.rmaNo,
    rejected: rejected.rmaNo,
  };
});

const visit = (url: () => string) => (p: Page) => p.goto(url()).then(() => undefined);

test("entry", ({ browser, db }) => shoot(browser, db, "entry", { go: visit(() => "/") }));
test("entry, code sent", ({ browser, db }) =>
  shoot(browser, db, "entry-code", {
    go: async (page, locale) => {
      // A new shopper per shot: one code a minute per phone.
      const s = await makeShopper(db);
      await page.goto("/");
      await page.getByLabel(L.orderNo[locale]).fill(s.orderNo);
      await page.getByLabel(L.phone[locale]).fill(s.phone);
      await page.getByRole("button", { name: L.getCode[locale] }).click();
      await expect(page.getByTestId("demo-code")).toBeVisible();
    },
  }));
test("entry, signed in", ({ browser, db }) => shoot(browser, db, "entry-signed-in", { as: () => d.busy, go: visit(() => "/") }));
test("return form, lines", ({ browser, db }) => shoot(browser, db, "return-1-lines", { as: () => d.wizard, go: (p, l) => wizardTo(p, d.wizard, l, 0) }));
test("return form, type", ({ browser, db }) => shoot(browser, db, "return-2-type", { as: () => d.wizard, go: (p, l) => wizardTo(p, d.wizard, l, 1) }));
test("return form, photos", ({ browser, db }) => shoot(browser, db, "return-3-photos", { as: () => d.wizard, go: (p, l) => wizardTo(p, d.wizard, l, 2) }));
test("return form, review", ({ browser, db }) => shoot(browser, db, "return-4-review", { as: () => d.wizard, go: (p, l) => wizardTo(p, d.wizard, l, 3) }));
test("my requests", ({ browser, db }) => shoot(browser, db, "requests", { as: () => d.busy, go: visit(() => "/requests") }));
test("my requests, empty", ({ browser, db }) => shoot(browser, db, "requests-empty", { as: () => d.empty, go: visit(() => "/requests") }));
test("request, just submitted", ({ browser, db }) => shoot(browser, db, "request-submitted", { as: () => d.busy, go: visit(() => `/requests/${d.pending}?new=1`) }));
test("request, awaiting shipment", ({ browser, db }) => shoot(browser, db, "request-shipment", { as: () => d.busy, go: visit(() => `/requests/${d.shipping}`) }));
test("request, needs information", ({ browser, db }) => shoot(browser, db, "request-info", { as: () => d.busy, go: visit(() => `/requests/${d.asked}`) }));
test("request, rejected", ({ browser, db }) => shoot(browser, db, "request-rejected", { as: () => d.other, go: visit(() => `/requests/${d.rejected}`) }));
test("request, not found", ({ browser, db }) => shoot(browser, db, "request-not-found", { as: () => d.busy, go: visit(() => `/requests/${d.rejected}`) }));
test("order, not found", ({ browser, db }) => shoot(browser, db, "order-not-found", { as: () => d.busy, go: visit(() => `/orders/${d.other.orderNo}/return`) }));
test("loading", ({ browser, db }) =>
  shoot(browser, db, "loading", {
    as: () => d.busy,
    go: async (page) => {
      // The header link's prefetch brings the loading shell; let it finish, then hold the page's data.
      await page.goto("/", { waitUntil: "networkidle" });
      await page.route("**/requests**", async (route) => {
        const h = route.request().headers();
        if (h["rsc"] && !h["next-router-prefetch"]) await new Promise((r) => setTimeout(r, 30_000));
        await route.continue().catch(() => undefined);
      });
      await page.locator("header").getByRole("link", { name: /我的申请|My requests/ }).click();
      await expect(page.getByRole("status")).toBeVisible();
    },
  }));
test("error", async ({ browser, db }) => {
  // A real server failure: for a moment the history table lacks a column the page reads, so the
  // request page throws and the error boundary shows. Put back in `finally`; this runs last, alone.
  await db.execute(sql`ALTER TABLE return_events RENAME COLUMN comment TO comment_hidden_for_screenshot`);
  try {
    await shoot(browser, db, "error", { as: () => d.busy, go: visit(() => `/requests/${d.pending}`) });
  } finally {
    await db.execute(sql`ALTER TABLE return_events RENAME COLUMN comment_hidden_for_screenshot TO comment`);
  }
});
