import type { Page } from "@playwright/test";
import { BASE_URL, signIn as customerSignIn } from "./fixtures/h5";
import { photoLikeJpeg } from "./fixtures/h5-images";
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
  await openFromQueue(page, "finance2", request);
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
  // The customer's page: the refund being handled (no failure text), then done once recorded offline.
  const customer = await page.context().browser()!.newContext();
  await customerSignIn(db, customer, { customerId: request.customerId });
  const h5 = await customer.newPage();
  for (const [state, settle] of [["handled", null], ["done", "offline"]] as const) {
    if (settle) {
      await setLocale(page, "zh-CN");
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(path);
      const panel = page.getByRole("region", { name: "退款", exact: true });
      await panel.getByRole("button", { name: "登记线下退款" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByLabel("转账流水号 / 收据编号").fill("CMB-20261129-7731");
      await dialog.getByLabel(/凭证图片/).setInputFiles({ name: "receipt.jpg", mimeType: "image/jpeg", buffer: await photoLikeJpeg(800, 600, { seed: 3 }) });
      await dialog.getByText("已上传").waitFor();
      await dialog.getByRole("button", { name: "登记线下退款" }).click();
      await dialog.waitFor({ state: "hidden" });
    }
    for (const locale of LOCALES) {
      await customer.addCookies([{ name: "locale", value: locale, url: BASE_URL }]);
      await h5.setViewportSize({ width: 390, height: 844 });
      await h5.goto(`/requests/${request.rmaNo}`);
      await h5.getByTestId("customer-refund").waitFor();
      await h5.screenshot({ path: `screenshots/refund-h5-${state}-${locale}-phone.png`, fullPage: true });
    }
  }
  await customer.close();

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
