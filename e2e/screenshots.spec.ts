import { test, type Page } from "@playwright/test";
import { demoStaff, signIn } from "./fixtures";

/**
 * Not part of the normal run (see playwright.config.ts): `SCREENSHOTS=1 npx playwright test
 * --project=screenshots` writes PNGs of the staff pages to screenshots/ (git-ignored) for review.
 */
const VIEWPORTS = [
  { name: "phone", width: 390, height: 844 },
  { name: "desktop", width: 1280, height: 800 },
] as const;
const LOCALES = ["zh-CN", "en"] as const;

async function setLocale(page: Page, locale: (typeof LOCALES)[number]) {
  await page.context().addCookies([{ name: "locale", value: locale, url: "http://localhost:3100" }]);
}

/** Phones get the whole page for the sign-in form; the queue pages are shot as the screen shows them. */
async function shoot(page: Page, path: string, name: string, fullPhonePage: boolean) {
  for (const locale of LOCALES) {
    await setLocale(page, locale);
    for (const vp of VIEWPORTS) {
      await page.setViewportSize({ width: vp.width, height: vp.height });
      await page.goto(path);
      // The queue streams in after the skeleton (loading.tsx); shoot the page, not the skeleton.
      await page.getByRole("heading", { level: 1 }).waitFor();
      await page.screenshot({ path: `screenshots/${name}-${locale}-${vp.name}.png`, fullPage: fullPhonePage && vp.name === "phone" });
    }
  }
}

test("sign-in page", async ({ page }) => {
  await shoot(page, "/login", "login", true);
  await setLocale(page, "zh-CN");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/login");
  await page.getByLabel("工作邮箱").fill("not-an-email");
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await page.getByText("请输入有效的邮箱地址").waitFor();
  await page.screenshot({ path: "screenshots/login-zh-CN-phone-errors.png" });
});

for (const key of ["cs", "admin"] as const) {
  test(`dashboard as ${key}`, async ({ page }) => {
    await setLocale(page, "zh-CN");
    await signIn(page, demoStaff(key));
    await shoot(page, "/dashboard", `dashboard-${key}`, false);
  });
}
