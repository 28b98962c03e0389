import type { BrowserContext, Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import { skus } from "../db/schema";
import { actOnRequest } from "../server/services/act-on-request";
import { BASE_URL, signIn as shopperSignIn } from "./fixtures/h5";
import { customerShips, fileRequest, freshStaff, signIn, staffActs, test, STORY_TIMEOUT } from "./fixtures/staff-request";

test.describe.configure({ timeout: STORY_TIMEOUT * 4 });

/**
 * Not part of the normal run (see playwright.config.ts): `SCREENSHOTS=1 npx playwright test
 * --project=screenshots e2e/exchange-screenshots.spec.ts` writes PNGs (390×844 and 1280×800, zh-CN
 * and en) of the warehouse's ship-replacement dialog, the out-of-stock notice on the staff screen and
 * on the H5 page, and the customer's shipped-replacement card to screenshots/.
 */
const LOCALES = ["zh-CN", "en"] as const;
type Locale = (typeof LOCALES)[number];
const SIZES = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
] as const;

async function shoot(page: Page, path: string, name: string, open?: (page: Page, locale: Locale) => Promise<void>) {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    for (const locale of LOCALES) {
      await page.context().addCookies([{ name: "locale", value: locale, url: BASE_URL }]);
      await page.goto(path);
      await page.getByRole("heading", { level: 1 }).first().waitFor();
      if (open) await open(page, locale);
      await page.screenshot({ path: `screenshots/exchange-${name}-${locale}-${size.width}.png`, fullPage: !open });
    }
  }
}

const openShipDialog = async (page: Page, locale: Locale) => {
  await page.locator('section[data-shortcuts="on"]').waitFor();
  await page.getByRole("button", { name: new RegExp(`^${locale === "en" ? "Ship replacement" : "发出换货"}`) }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("combobox").selectOption("other");
  await dialog.getByRole("button", { name: locale === "en" ? "Ship replacement" : "发出换货" }).click();
  await dialog.locator('[aria-invalid="true"]').first().waitFor();
};

test("ship dialog, out-of-stock notices, shipped card", async ({ page, browser, db, shopper }) => {
  // The warehouse's dialog on an exchange waiting for its replacement.
  const shipping = await fileRequest(db, shopper, "exchange", [{ line: "shirt" }]);
  await staffActs(db, "cs", shipping.id, "approve");
  await customerShips(db, shopper, shipping.id);
  await staffActs(db, "warehouse", shipping.id, "receive", { inspection: { receivedQuantity: 1, condition: "as_new" } });
  const clerk = await freshStaff(db, "warehouse", "孙仓管");
  await signIn(page, clerk);
  await shoot(page, `/dashboard/requests/${shipping.id}`, "ship-dialog", openShipDialog);

  // An exchange whose size ran out before review: customer service sees why approval cannot work.
  const short = await fileRequest(db, shopper, "exchange", [{ line: "shirt" }]);
  await db.update(skus).set({ stock: 0, reserved: 0 }).where(eq(skus.id, shopper.lines.shirt.variantIds[0]!));
  await page.context().clearCookies();
  await signIn(page, await freshStaff(db, "customer_service", "王客服"));
  await shoot(page, `/dashboard/requests/${short.id}`, "staff-out-of-stock");

  // The customer's phone: the out-of-stock notice with the refund offer, then the shipped card.
  const phone: BrowserContext = await browser.newContext();
  await shopperSignIn(db, phone, shopper);
  const h5 = await phone.newPage();
  await shoot(h5, `/requests/${short.rmaNo}`, "h5-out-of-stock");
  await phone.close();
});

test("the customer's shipped-replacement card", async ({ browser, db, shopper }) => {
  const filed = await fileRequest(db, shopper, "exchange", [{ line: "shirt" }]);
  await staffActs(db, "cs", filed.id, "approve");
  await customerShips(db, shopper, filed.id);
  await staffActs(db, "warehouse", filed.id, "receive", { inspection: { receivedQuantity: 1, condition: "as_new" } });
  const clerk = await freshStaff(db, "warehouse", "孙仓管");
  await actOnRequest(db, { type: "staff", id: clerk.id, role: "warehouse" }, { requestId: filed.id, action: "ship_replacement", shipment: { carrier: "sf", trackingNo: "SF1357924680" } });
  const phone = await browser.newContext();
  await shopperSignIn(db, phone, shopper);
  await shoot(await phone.newPage(), `/requests/${filed.rmaNo}`, "h5-shipped");
  await phone.close();
});
