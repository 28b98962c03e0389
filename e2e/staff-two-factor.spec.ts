import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { generate } from "otplib";
import { rateLimitBuckets } from "../db/schema";
import { createStaffUser } from "../server/auth/staff-users";
import { expect as baseExpect, test } from "./fixtures/h5";
import { passSecondFactor } from "./fixtures/two-factor";

/**
 * Finance's second factor (ADR 019): enrollment after the first password sign-in (QR code or key,
 * confirmed by a first code, recovery codes shown once), then every sign-in asks for a code; a
 * wrong code is refused with a clear message; a recovery code works once.
 */
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 240_000 });

async function password(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("工作邮箱").fill(email);
  await page.getByLabel("密码").fill("finance passphrase");
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL(/\/two-factor$/, { timeout: 60_000 });
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login$/);
}

const shots = async (page: Page, name: string, outputPath: (n: string) => string) => {
  for (const [w, h] of [
    [390, 844],
    [1280, 800],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: outputPath(`${name}-${w}x${h}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
};

test("finance enrolls an authenticator, signs in with a code, a wrong code is refused, a recovery code works once", async ({ page, db }, testInfo) => {
  const email = `finance-${randomUUID().slice(0, 8)}@e2e.test`;
  await createStaffUser(db, { email, name: "两步财务", password: "finance passphrase", role: "finance" });

  // 1. The password alone opens only the enrollment page; the queue sends back to it.
  await password(page, email);
  await expect(page.getByRole("heading", { level: 1, name: "开启两步验证" })).toBeVisible();
  await expect(page.getByRole("img", { name: "两步验证二维码" })).toBeVisible();
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/two-factor$/);
  await shots(page, "two-factor-enroll", (n) => testInfo.outputPath(n));
  const secret = ((await page.getByTestId("totp-secret").textContent()) ?? "").replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);

  // 2. A wrong first code is refused and says why; the right one turns the factor on.
  const field = page.getByLabel("2. 输入验证器显示的 6 位数字，确认绑定");
  const right = await generate({ secret });
  await field.fill(right === "000000" ? "111111" : "000000");
  await page.getByRole("button", { name: "确认并开启" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(/验证码不正确/);
  await field.fill(await generate({ secret }));
  await page.getByRole("button", { name: "确认并开启" }).click();

  // 3. Ten recovery codes, shown this once.
  const list = page.getByRole("list", { name: "恢复码" });
  await expect(list.getByRole("listitem")).toHaveCount(10);
  const codes = (await list.getByRole("listitem").allTextContents()).map((c) => c.trim());
  expect(codes.every((c) => /^[a-z2-9]{5}-[a-z2-9]{5}$/.test(c))).toBe(true);
  await shots(page, "two-factor-recovery-codes", (n) => testInfo.outputPath(n));
  await page.getByRole("link", { name: "我已保存，继续" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^财务退款队列/ })).toBeVisible();
  await page.goto("/two-factor");
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByText(codes[0]!)).toHaveCount(0);
  await signOut(page);

  // 4. The next sign-in asks for a code; a wrong one is refused with a clear message.
  await password(page, email);
  await expect(page.getByRole("heading", { level: 1, name: "输入验证码" })).toBeVisible();
  await shots(page, "two-factor-code", (n) => testInfo.outputPath(n));
  const now = await generate({ secret });
  await page.getByLabel("6 位验证码").fill(now === "123456" ? "654321" : "123456");
  await page.getByRole("button", { name: "验证", exact: true }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("验证码不正确、已过期或已用过，请输入验证器上的最新 6 位数字");
  await expect(page).toHaveURL(/\/two-factor$/);

  // 5. A recovery code works instead of the code — once.
  await page.getByRole("button", { name: "手机不在身边？使用恢复码" }).click();
  await page.getByLabel("恢复码", { exact: true }).fill(codes[0]!);
  await page.getByRole("button", { name: "验证", exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await signOut(page);
  await password(page, email);
  await page.getByRole("button", { name: "手机不在身边？使用恢复码" }).click();
  await page.getByLabel("恢复码", { exact: true }).fill(codes[0]!);
  await page.getByRole("button", { name: "验证", exact: true }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(/验证码不正确、已过期或已用过/);

  // 6. The authenticator's code signs in (the helper waits for a fresh period if this one's code was used at enrollment).
  await page.getByRole("button", { name: "改用验证器上的验证码" }).click();
  await passSecondFactor(page, { totpSecret: secret });
  await expect(page.getByRole("heading", { level: 1, name: /^财务退款队列/ })).toBeVisible();
});

test("the enrollment page speaks English after the switch", async ({ page, db }, testInfo) => {
  const email = `finance-${randomUUID().slice(0, 8)}@e2e.test`;
  await createStaffUser(db, { email, name: "Two-step finance", password: "finance passphrase", role: "finance" });
  await password(page, email);
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Turn on two-step verification" })).toBeVisible();
  await expect(page.getByLabel("2. Enter the 6-digit code it shows to confirm")).toBeVisible();
  await shots(page, "two-factor-enroll-en", (n) => testInfo.outputPath(n));
});

test("during an attack on the account, the real user's browser solves the proof of work by itself and signs in", async ({ page, db }) => {
  const email = `cs-${randomUUID().slice(0, 8)}@e2e.test`;
  await createStaffUser(db, { email, name: "被攻击的客服", password: "finance passphrase", role: "customer_service" });
  // Someone elsewhere has failed 50 times for this account in this window.
  await db.insert(rateLimitBuckets).values({ key: `signin:fail:acct:${email}`, windowStart: new Date(), count: 50 });
  await page.goto("/login");
  await page.getByLabel("工作邮箱").fill(email);
  await page.getByLabel("密码").fill("finance passphrase");
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard$/, { timeout: 60_000 });
  await expect(page.getByRole("heading", { level: 1, name: /^客服审核队列/ })).toBeVisible();
});
