import type { Page } from "@playwright/test";
import { BASE_URL } from "./fixtures/h5";
import { failedRefund } from "./fixtures/refund-panel";
import { openFromQueue, test, STORY_TIMEOUT } from "./fixtures/staff-request";

test.describe.configure({ timeout: STORY_TIMEOUT * 4 });

/**
 * Not part of the normal run (see playwright.config.ts): `SCREENSHOTS=1 npx playwright test
 * --project=screenshots e2e/staff-request-refund-screenshots.spec.ts` writes PNGs of finance's
 * refund panel and its dialogs to screenshots/ (git-ignored) for review.
 */
const VIEWPORTS = [
  { name: "1280", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
] as const;
const LOCALES = ["zh-CN", "en"] as const;
type Locale = (typeof LOCALES)[number];

const setLocale = (page: Page, locale: Locale) => page.context().addCookies([{ name: "locale", value: locale, url: BASE_URL }]);
const L = (locale: Locale, zh: string, en: string) => (locale === "en" ? en : zh);

test("finance's refund panel and its dialogs", async ({ page, db }) => {
  const request = await failedRefund(db);
  await openFromQueue(page, "finance", request);
  const path = `/dashboard/requests/${request.id}`;
  for (const locale of LOCALES) {
    await setLocale(page, locale);
    for (const vp of VIEWPORTS) {
      await page.setViewportSize({ width: vp.width, height: vp.height });
      await page.goto(path);
      const panel = page.getByRole("region", { name: L(locale, "退款", "Refund"), exact: true });
      await panel.scrollIntoViewIfNeeded();
      await panel.screenshot({ path: `screenshots/refund-panel-${locale}-${vp.name}.png` });
      await page.screenshot({ path: `screenshots/refund-page-${locale}-${vp.name}.png`, fullPage: true });
      for (const [key, zh, en] of [
        ["offline", "登记线下退款", "Record offline refund"],
        ["lower", "调低金额", "Lower amount"],
        ["retry", "重新发起退款", "Retry refund"],
      ] as const) {
        const button = panel.getByRole("button", { name: L(locale, zh, en) });
        if ((await button.count()) === 0) continue;
        await button.click();
        await page.getByRole("dialog").waitFor();
        await page.screenshot({ path: `screenshots/refund-dialog-${key}-${locale}-${vp.name}.png` });
        await page.keyboard.press("Escape");
        await page.getByRole("dialog").waitFor({ state: "hidden" });
      }
    }
  }
  // The queue with its "needs attention" badge and filter.
  for (const locale of LOCALES) {
    await setLocale(page, locale);
    for (const vp of VIEWPORTS) {
      await page.setViewportSize({ width: vp.width, height: vp.height });
      await page.goto("/dashboard?attention=1");
      await page.getByRole("heading", { level: 1 }).waitFor();
      await page.screenshot({ path: `screenshots/refund-queue-${locale}-${vp.name}.png` });
    }
  }
});
