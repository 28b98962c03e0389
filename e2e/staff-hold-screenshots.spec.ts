import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { createStaffUser } from "../server/auth/staff-users";
import { claimRequest } from "../server/services/queue/holding";
import { BASE_URL } from "./fixtures/h5";
import { fileRequest, signIn, test, STORY_TIMEOUT } from "./fixtures/staff-request";

test.describe.configure({ timeout: STORY_TIMEOUT * 3 });

/**
 * Not part of the normal run (see playwright.config.ts): `SCREENSHOTS=1 npx playwright test
 * --project=screenshots e2e/staff-hold-screenshots.spec.ts` writes PNGs (1280×800, zh-CN and en)
 * of a request held by someone else and of the store manager's assign dialog to screenshots/.
 */
const LOCALES = ["zh-CN", "en"] as const;
type Locale = (typeof LOCALES)[number];

async function shoot(page: Page, path: string, name: string, open?: (page: Page, locale: Locale) => Promise<void>) {
  await page.setViewportSize({ width: 1280, height: 800 });
  for (const locale of LOCALES) {
    await page.context().addCookies([{ name: "locale", value: locale, url: BASE_URL }]);
    await page.goto(path);
    await page.getByRole("heading", { level: 1 }).first().waitFor();
    if (open) await open(page, locale);
    await page.screenshot({ path: `screenshots/hold-${name}-${locale}-1280.png` });
  }
}

const L = (locale: Locale, zh: string, en: string) => (locale === "en" ? en : zh);

const openAssign = (rmaNo: string, scope: (page: Page) => ReturnType<Page["locator"]> | Page) => async (page: Page, locale: Locale) => {
  await scope(page).getByRole("button", { name: `${L(locale, "改派", "Reassign")} ${rmaNo}` }).first().click();
  await page.getByRole("dialog").getByRole("combobox").waitFor();
};

test("held by someone else, and the assign dialog", async ({ page, db, shopper }) => {
  const tag = randomUUID().slice(0, 8);
  const mk = async (role: "customer_service" | "admin", name: string) => {
    const email = `${role}-${tag}-${randomUUID().slice(0, 4)}@e2e.test`;
    const id = await createStaffUser(db, { email, name, password: "e2e passphrase", role });
    return { id, email, password: "e2e passphrase", role };
  };
  const holder = await mk("customer_service", "王小明");
  const viewer = await mk("customer_service", "李晓");
  const admin = await mk("admin", "店长张");
  const filed = await fileRequest(db, shopper, "return_refund", [{ line: "mug" }]);
  await claimRequest(db, holder, filed.id);
  const path = `/dashboard/requests/${filed.id}`;

  await signIn(page, viewer);
  await shoot(page, path, "held-by-other");

  await page.context().clearCookies();
  await signIn(page, admin);
  await shoot(page, path, "assign-dialog", openAssign(filed.rmaNo, (p) => p));
  await shoot(page, `/dashboard?q=${filed.rmaNo}`, "queue-assign-dialog", openAssign(filed.rmaNo, (p) => p.getByRole("table")));
});
