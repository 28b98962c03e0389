import type { Browser, Page } from "@playwright/test";
import { demoStaff } from "./fixtures";
import { BASE_URL, expect, fileRequest, PHONE, signIn, staffDecides, test } from "./fixtures/h5";
import { passSecondFactor } from "./fixtures/two-factor";

/**
 * Not part of the normal run: `SCREENSHOTS=1 E2E_PORT=… npx playwright test --project=screenshots
 * e2e/labels-screenshots.spec.ts` writes PNGs of the return slip (A6, A4, and as printed), the H5
 * address block, the staff's slip and the warehouses page, at 390×844 and 1280×800, zh-CN and en.
 */
const VIEWPORTS = [
  { name: "390", width: 390, height: 844, mobile: true },
  { name: "1280", width: 1280, height: 800, mobile: false },
] as const;
const LOCALES = ["zh-CN", "en"] as const;

test.describe.configure({ mode: "serial", timeout: 600_000 });

async function contextFor(browser: Browser, locale: string, vp: (typeof VIEWPORTS)[number]) {
  const context = await browser.newContext({
    ...(vp.mobile ? PHONE : {}),
    viewport: { width: vp.width, height: vp.height },
    deviceScaleFactor: vp.mobile ? 2 : 1,
    locale,
    timezoneId: "Asia/Shanghai",
    baseURL: BASE_URL,
  });
  await context.addCookies([{ name: "locale", value: locale, url: BASE_URL }]);
  return context;
}

test("customer: the address block and the return slip, A6 and A4, on screen and as printed", async ({ browser, db, shopper }) => {
  const filed = await fileRequest(db, shopper, "return_refund", [{ line: "mug" }, { line: "shirt", quantity: 2 }]);
  // Over ¥200: customer service, then the operations manager approve.
  await staffDecides(db, "cs", filed.id, "approve");
  await staffDecides(db, "ops", filed.id, "approve");
  for (const locale of LOCALES) {
    for (const vp of VIEWPORTS) {
      const context = await contextFor(browser, locale, vp);
      await signIn(db, context, shopper);
      const page = await context.newPage();
      const name = `labels-${locale}-${vp.name}`;
      await page.goto(`/requests/${filed.rmaNo}`);
      await page.getByTestId("return-address").scrollIntoViewIfNeeded();
      await page.screenshot({ path: `screenshots/${name}-h5-address.png`, scale: "css" });
      for (const layout of ["a6", "a4"] as const) {
        await page.goto(`/requests/${filed.rmaNo}/label?layout=${layout}`);
        await expect(page.getByTestId("return-slip")).toBeVisible();
        await page.screenshot({ path: `screenshots/${name}-slip-${layout}.png`, fullPage: true, scale: "css" });
        await page.emulateMedia({ media: "print" });
        await page.screenshot({ path: `screenshots/${name}-slip-${layout}-print.png`, fullPage: true, scale: "css" });
        await page.emulateMedia({ media: "screen" });
      }
      await context.close();
    }
  }
});

async function signInAdmin(page: Page) {
  const who = demoStaff("admin");
  await page.goto("/login");
  await page.getByLabel("工作邮箱").fill(who.email);
  await page.getByLabel("密码").fill(who.password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await passSecondFactor(page, {});
  await expect(page).toHaveURL(/\/dashboard$/, { timeout: 60_000 });
}

test("staff: the warehouses page with its form, and the staff's return slip", async ({ page, db, shopper }) => {
  const filed = await fileRequest(db, shopper, "return_refund", [{ line: "mug" }]);
  await staffDecides(db, "cs", filed.id, "approve");
  await signInAdmin(page);
  for (const locale of LOCALES) {
    await page.context().addCookies([{ name: "locale", value: locale, url: BASE_URL }]);
    for (const vp of VIEWPORTS) {
      await page.setViewportSize({ width: vp.width, height: vp.height });
      const name = `labels-${locale}-${vp.name}`;
      await page.goto("/dashboard/admin/warehouses");
      await expect(page.getByTestId("warehouse-list")).toBeVisible();
      await page.screenshot({ path: `screenshots/${name}-warehouses.png`, fullPage: true });
      await page.getByRole("button", { name: locale === "en" ? "Add warehouse" : "新增仓库" }).click();
      await page.getByRole("dialog").getByRole("button", { name: locale === "en" ? "Create" : "创建" }).click();
      await page.screenshot({ path: `screenshots/${name}-warehouses-form-errors.png` });
      await page.getByRole("dialog").getByRole("button", { name: locale === "en" ? "Cancel" : "取消" }).click();
      await page.goto(`/dashboard/requests/${filed.id}`);
      await page.getByTestId("staff-print-label").click();
      await expect(page.getByTestId("return-slip")).toBeVisible();
      await page.screenshot({ path: `screenshots/${name}-staff-slip.png`, fullPage: true });
    }
  }
});
