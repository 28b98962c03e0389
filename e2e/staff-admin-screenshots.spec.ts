import { expect, test, type Page } from "@playwright/test";
import { demoStaff } from "./fixtures";
import { passSecondFactor, type SecondFactorOf } from "./fixtures/two-factor";

/**
 * Not part of the normal run (playwright.config.ts ignores *screenshots.spec.ts outside the
 * screenshots project): `SCREENSHOTS=1 E2E_PORT=… npx playwright test --project=screenshots
 * e2e/staff-admin-screenshots.spec.ts` writes PNGs of the admin pages and dialogs to screenshots/.
 */
const VIEWPORTS = [
  { name: "1280", width: 1280, height: 800 },
  { name: "1440", width: 1440, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;
const LOCALES = ["zh-CN", "en"] as const;
type Locale = (typeof LOCALES)[number];
const BASE = `http://localhost:${process.env.E2E_PORT ?? "3100"}`;

// Many pages × sizes × languages on a loaded machine.
test.describe.configure({ timeout: 600_000 });
test.use({ actionTimeout: 30_000, navigationTimeout: 60_000 });

async function signIn(page: Page, who: { email: string; password: string } & SecondFactorOf) {
  await page.goto("/login");
  await page.getByLabel("工作邮箱").fill(who.email);
  await page.getByLabel("密码").fill(who.password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await passSecondFactor(page, who);
  await expect(page).toHaveURL(/\/dashboard$/, { timeout: 60_000 });
}

const T = {
  "zh-CN": { create: "添加员工", disable: /^停用: /, reset: /^重置密码: /, simulate: "模拟", cancel: "取消", close: "关闭" },
  en: { create: "Add staff", disable: /^Disable: /, reset: /^Reset password: /, simulate: "Simulate", cancel: "Cancel", close: "Close" },
} as const;

async function each(page: Page, fn: (locale: Locale, vp: (typeof VIEWPORTS)[number]) => Promise<void>) {
  for (const locale of LOCALES) {
    await page.context().addCookies([{ name: "locale", value: locale, url: BASE }]);
    for (const vp of VIEWPORTS) {
      await page.setViewportSize({ width: vp.width, height: vp.height });
      await fn(locale, vp);
    }
  }
}

test("staff accounts page and its dialogs", async ({ page }) => {
  await signIn(page, demoStaff("admin"));
  await each(page, async (locale, vp) => {
    const name = `admin-staff-${locale}-${vp.name}`;
    await page.goto("/dashboard/admin/staff");
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.screenshot({ path: `screenshots/${name}.png`, fullPage: true });

    await page.getByRole("button", { name: T[locale].create }).click();
    await page.getByRole("dialog").waitFor();
    await page.getByRole("dialog").getByRole("button", { name: locale === "en" ? "Create account" : "创建账号" }).click();
    await page.screenshot({ path: `screenshots/${name}-create-errors.png` });
    await page.getByRole("dialog").getByRole("button", { name: T[locale].cancel }).click();

    await page.getByRole("button", { name: T[locale].disable }).first().click();
    await page.getByRole("dialog").waitFor();
    await page.screenshot({ path: `screenshots/${name}-disable.png` });
    await page.getByRole("dialog").getByRole("button", { name: T[locale].cancel }).click();

    await page.getByRole("button", { name: T[locale].reset }).first().click();
    await page.getByRole("dialog").waitFor();
    await page.screenshot({ path: `screenshots/${name}-reset.png` });
    await page.getByRole("dialog").getByRole("button", { name: T[locale].cancel }).click();
  });
});

test("approval rules page with a simulation", async ({ page }) => {
  await signIn(page, demoStaff("admin"));
  await each(page, async (locale, vp) => {
    const name = `admin-policy-${locale}-${vp.name}`;
    await page.goto("/dashboard/admin/policy");
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.screenshot({ path: `screenshots/${name}.png` });
    await page.getByRole("button", { name: T[locale].simulate, exact: true }).click();
    await page.getByTestId("policy-impact").waitFor({ timeout: 60_000 });
    await page.screenshot({ path: `screenshots/${name}-full.png`, fullPage: true });
  });
});

test("change-password page", async ({ page }) => {
  await signIn(page, demoStaff("cs"));
  await each(page, async (locale, vp) => {
    await page.goto("/change-password");
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.getByRole("button").last().click();
    await page.screenshot({ path: `screenshots/change-password-${locale}-${vp.name}.png` });
  });
});
