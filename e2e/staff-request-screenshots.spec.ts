import type { Page } from "@playwright/test";
import { customerShips, fileRequest, fileWithPhotos, makeShopper, openFromQueue, staffActs, test, STORY_TIMEOUT } from "./fixtures/staff-request";
import { BASE_URL } from "./fixtures/h5";

test.describe.configure({ timeout: STORY_TIMEOUT * 5 });

/**
 * Not part of the normal run (see playwright.config.ts): `SCREENSHOTS=1 npx playwright test
 * --project=screenshots e2e/staff-request-screenshots.spec.ts` writes PNGs of the request screen
 * and its dialogs to screenshots/ (git-ignored) for review.
 */
const DESKTOPS = [
  { name: "1280", width: 1280, height: 800 },
  { name: "1440", width: 1440, height: 900 },
] as const;
const LOCALES = ["zh-CN", "en"] as const;
type Locale = (typeof LOCALES)[number];

const setLocale = (page: Page, locale: Locale) => page.context().addCookies([{ name: "locale", value: locale, url: BASE_URL }]);

async function shoot(page: Page, path: string, name: string, open?: (page: Page, locale: Locale) => Promise<void>) {
  for (const locale of LOCALES) {
    await setLocale(page, locale);
    for (const vp of DESKTOPS) {
      await page.setViewportSize({ width: vp.width, height: vp.height });
      await page.goto(path);
      await page.getByRole("heading", { level: 1 }).waitFor();
      if (open) await open(page, locale);
      await page.screenshot({ path: `screenshots/request-${name}-${locale}-${vp.name}.png`, fullPage: !open });
    }
  }
}

const L = (locale: Locale, zh: string, en: string) => (locale === "en" ? en : zh);

test("request screen and dialogs as customer service", async ({ page, db, shopper }) => {
  await fileRequest(db, shopper, "return_refund", [{ line: "mug" }]);
  const filed = await fileWithPhotos(db, shopper, 3);
  await openFromQueue(page, "cs", filed);
  const path = `/dashboard/requests/${filed.id}`;
  await shoot(page, path, "cs");
  for (const [key, zh, en] of [
    ["approve", "审核通过", "Approve"],
    ["reject", "驳回", "Reject"],
    ["request-info", "要求补充资料", "Ask for information"],
  ] as const) {
    await shoot(page, path, `cs-dialog-${key}`, async (p, locale) => {
      await p.getByRole("region", { name: L(locale, "你的操作", "Your actions") }).getByRole("button", { name: new RegExp(`^${L(locale, zh, en)}`) }).click();
      if (key === "reject") {
        const d = p.getByRole("dialog");
        await d.getByRole("combobox").selectOption({ index: 2 });
        await d.getByRole("textbox").fill(L(locale, "请上传能看清破损位置的照片", "Please add a photo that shows the damage"));
      }
    });
  }
  await shoot(page, path, "cs-photo-viewer", async (p) => {
    await p.getByRole("region").getByRole("button").filter({ has: p.locator("img") }).first().click();
    await p.getByRole("dialog").getByRole("img").waitFor();
  });
  await shoot(page, path, "cs-shortcuts", async (p, locale) => {
    await p.getByRole("button", { name: L(locale, "快捷键", "Shortcuts") }).click();
  });
  for (const locale of LOCALES) {
    await setLocale(page, locale);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(path);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.screenshot({ path: `screenshots/request-cs-${locale}-phone.png`, fullPage: true });
    await page.getByRole("region", { name: L(locale, "你的操作", "Your actions") }).getByRole("button", { name: new RegExp(`^${L(locale, "驳回", "Reject")}`) }).click();
    await page.screenshot({ path: `screenshots/request-cs-dialog-reject-${locale}-phone.png` });
  }
});

test("inspection mismatch as operations, receipt as warehouse", async ({ page, db, shopper }) => {
  const mismatch = await fileRequest(db, shopper, "return_refund", [{ line: "shirt", quantity: 2 }]);
  await staffActs(db, "cs", mismatch.id, "approve");
  await customerShips(db, shopper, mismatch.id);
  await staffActs(db, "warehouse", mismatch.id, "receive", { inspection: { receivedQuantity: 1, condition: "damaged" } });
  // Another customer: filed by the same one, the mug would be counted with the shirts (¥243) and need operations review (decision 017).
  const parcelShopper = await makeShopper(db);
  const parcel = await fileRequest(db, parcelShopper, "return_refund", [{ line: "mug" }]);
  await staffActs(db, "cs", parcel.id, "approve");
  await customerShips(db, parcelShopper, parcel.id);

  await openFromQueue(page, "ops", mismatch);
  await shoot(page, `/dashboard/requests/${mismatch.id}`, "ops");
  await shoot(page, `/dashboard/requests/${mismatch.id}`, "ops-dialog-partial", async (p, locale) => {
    await p.getByRole("region", { name: L(locale, "你的操作", "Your actions") }).getByRole("button", { name: new RegExp(`^${L(locale, "部分退款", "Accept, partial")}`) }).click();
    await p.getByRole("dialog").getByRole("textbox").first().fill("abc");
    await p.getByRole("dialog").getByRole("button", { name: L(locale, "部分退款", "Accept, partial refund") }).click();
  });

  await page.context().clearCookies();
  await openFromQueue(page, "warehouse", parcel);
  await shoot(page, `/dashboard/requests/${parcel.id}`, "warehouse");
  await shoot(page, `/dashboard/requests/${parcel.id}`, "warehouse-dialog-receive", async (p, locale) => {
    await p.getByRole("region", { name: L(locale, "你的操作", "Your actions") }).getByRole("button", { name: new RegExp(`^${L(locale, "仓库签收验货", "Receive")}`) }).click();
  });
});
