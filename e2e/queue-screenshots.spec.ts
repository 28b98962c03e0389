import { expect as baseExpect, test, type Page } from "@playwright/test";
import { demoStaff } from "./fixtures";
import { passSecondFactor, type SecondFactorOf } from "./fixtures/two-factor";

// Sign-in (argon2id) and server rendering are slow on a loaded two-core box.
const expect = baseExpect.configure({ timeout: 45_000 });
test.describe.configure({ timeout: 240_000 });

async function signIn(page: Page, staff: { email: string; password: string } & SecondFactorOf, labels = { email: "工作邮箱", password: "密码", submit: "登录" }) {
  await page.goto("/login");
  await page.getByLabel(labels.email).fill(staff.email);
  await page.getByLabel(labels.password).fill(staff.password);
  await page.getByRole("button", { name: labels.submit, exact: true }).click();
  await passSecondFactor(page, staff);
  await expect(page).toHaveURL(/\/dashboard$/);
}

/**
 * Queue screenshots for review (not part of the normal run): `SCREENSHOTS=1 npx playwright test
 * --project=screenshots e2e/queue-screenshots.spec.ts` → screenshots/queue-*.png.
 */
const VIEWPORTS = [
  { name: "1280", width: 1280, height: 800 },
  { name: "1440", width: 1440, height: 900 },
] as const;
const LOCALES = [
  { locale: "zh-CN", filters: "筛选", search: "搜索", bulk: /^批量通过/, select: "选择" },
  { locale: "en", filters: "Filters", search: "Search", bulk: /^Bulk approve/, select: "Select" },
] as const;

async function setLocale(page: Page, locale: string) {
  await page.context().addCookies([{ name: "locale", value: locale, url: `http://localhost:${process.env.E2E_PORT ?? "3100"}` }]);
}

for (const l of LOCALES) {
  test(`queue as customer service, ${l.locale}`, async ({ page }) => {
    await setLocale(page, l.locale);
    await signIn(page, demoStaff("cs"), l.locale === "en" ? { email: "Work email", password: "Password", submit: "Sign in" } : undefined);
    for (const vp of VIEWPORTS) {
      await page.setViewportSize({ width: vp.width, height: vp.height });
      await page.goto("/dashboard");
      await page.getByRole("heading", { level: 1 }).waitFor();
      await page.screenshot({ path: `screenshots/queue-cs-${l.locale}-${vp.name}.png` });
      await page.getByText(l.filters, { exact: true }).click();
      await page.screenshot({ path: `screenshots/queue-cs-filters-${l.locale}-${vp.name}.png` });
      await page.goto("/dashboard?q=nobody-by-this-name");
      await page.getByRole("heading", { level: 1 }).waitFor();
      await page.screenshot({ path: `screenshots/queue-cs-empty-search-${l.locale}-${vp.name}.png` });
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto("/dashboard");
    const boxes = page.getByRole("checkbox", { name: new RegExp(`^${l.select} RMA`) });
    for (const i of [0, 1, 2]) await boxes.nth(i).check();
    await page.getByRole("button", { name: l.bulk }).click();
    await expect(page.getByRole("dialog")).toBeVisible();
    await page.screenshot({ path: `screenshots/queue-cs-bulk-result-${l.locale}-1280.png` });
  });
}

test("queue as the store manager", async ({ page }) => {
  await setLocale(page, "zh-CN");
  await signIn(page, demoStaff("admin"));
  for (const vp of VIEWPORTS) {
    await page.setViewportSize({ width: vp.width, height: vp.height });
    await page.goto("/dashboard");
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.screenshot({ path: `screenshots/queue-admin-zh-CN-${vp.name}.png` });
  }
});
