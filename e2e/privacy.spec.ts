import { createHash, randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import type { Page } from "@playwright/test";
import { customerSessions } from "../db/schema";
import { BASE_URL, PHONE, signIn as customerSignIn } from "./fixtures/h5";
import { expect, freshStaff, signIn as staffSignIn, STORY_TIMEOUT, test } from "./fixtures/staff-request";

/**
 * The personal-data story (docs/decisions/018-personal-data.md): a shopper sees their devices,
 * signs another one out, asks for deletion; the store manager fulfils it; the shopper's sessions
 * are gone. `PRIVACY_SHOTS=1` also writes screenshots of both pages to screenshots/.
 */
test.describe.configure({ timeout: STORY_TIMEOUT });

/** With PRIVACY_SHOTS=1: the page at phone and desktop width, in Chinese and English. */
async function shot(page: Page, name: string) {
  if (process.env.PRIVACY_SHOTS !== "1") return;
  mkdirSync("screenshots", { recursive: true });
  const size = page.viewportSize();
  for (const locale of ["en", "zh-CN"] as const) {
    await page.context().addCookies([{ name: "locale", value: locale, url: BASE_URL }]);
    for (const vp of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
      await page.setViewportSize(vp);
      await page.reload();
      await page.getByRole("heading", { level: 1 }).waitFor();
      await page.screenshot({ path: `screenshots/privacy-${name}-${vp.width}-${locale}.png`, fullPage: true });
    }
  }
  if (size) await page.setViewportSize(size);
}

test("a shopper manages devices and asks for deletion; the store manager fulfils it", async ({ browser, db, shopper }) => {
  const phone = await browser.newContext({ ...PHONE, locale: "zh-CN" });
  await customerSignIn(db, phone, shopper);
  // A second, older session on a laptop.
  const laptopToken = randomBytes(32).toString("base64url");
  await db.insert(customerSessions).values({
    tokenHash: createHash("sha256").update(laptopToken).digest("hex"),
    customerId: shopper.customerId,
    createdAt: new Date(Date.now() - 9 * 86_400_000),
    lastSeenAt: new Date(Date.now() - 3 * 86_400_000),
    expiresAt: new Date(Date.now() + 4 * 86_400_000),
    userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36",
  });
  const page = await phone.newPage();
  await page.goto("/");
  await page.getByRole("link", { name: "账户" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "账户与隐私" })).toBeVisible();
  const devices = page.getByRole("region", { name: "登录的设备" });
  await expect(devices.getByRole("listitem")).toHaveCount(2);
  await expect(devices.getByText("本机")).toBeVisible();
  await expect(devices.getByText("Windows · Chrome")).toBeVisible();
  await shot(page, "account");

  // Sign the laptop out: only this phone is left.
  await devices.getByRole("listitem").filter({ hasText: "Windows · Chrome" }).getByRole("button", { name: "退出该设备" }).click();
  await expect(devices.getByRole("listitem")).toHaveCount(1);

  // Ask for deletion.
  const erasure = page.getByRole("region", { name: "删除我的个人信息" });
  await erasure.getByRole("button", { name: "申请删除" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "提交申请" }).click();
  await expect(erasure.getByText(/已提交，等待店长处理/)).toBeVisible();
  await expect(erasure.getByRole("button", { name: "申请删除" })).toHaveCount(0);

  // The store manager fulfils it.
  const manager = await freshStaff(db, "admin", "隐私店长");
  const desk = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "zh-CN" });
  const staffPage = await desk.newPage();
  await staffSignIn(staffPage, manager);
  await staffPage.getByRole("link", { name: "个人信息申请" }).click();
  await expect(staffPage.getByRole("heading", { level: 1, name: "个人信息申请" })).toBeVisible();
  const row = staffPage.getByRole("row").filter({ hasText: shopper.phone.slice(-4) });
  await expect(row).toHaveCount(1);
  await shot(staffPage, "data-requests");
  await row.getByRole("button", { name: "处理" }).click();
  await staffPage.getByRole("dialog").getByRole("button", { name: "删除个人信息" }).click();
  await expect(staffPage.getByRole("region", { name: "已处理" }).getByText("顾客姓名和手机号已匿名").first()).toBeVisible();
  await shot(staffPage, "data-requests-done");

  // The shopper had nothing open: they are anonymised and signed out everywhere.
  await page.goto("/account");
  await expect(page).toHaveURL(`${BASE_URL}/`);
  await phone.close();
  await desk.close();
});
