import { eq } from "drizzle-orm";
import { rateLimitBuckets, smsVerifications } from "../db/schema";
import { expect, fileRequest, PHONE, test, type Shopper } from "./fixtures/h5";
import type { Page } from "@playwright/test";

test.use(PHONE);

/** Order number (when given) + phone → code sent; returns the code the demo set-up shows. */
async function askForCode(page: Page, shopper: Pick<Shopper, "phone" | "orderNo">, withOrder = true): Promise<string> {
  if (withOrder) await page.getByLabel("订单号").fill(shopper.orderNo);
  await page.getByLabel("下单手机号").fill(shopper.phone);
  await page.getByRole("button", { name: "获取验证码" }).click();
  await expect(page.getByText("演示环境")).toBeVisible();
  const code = (await page.getByTestId("demo-code").textContent())?.trim() ?? "";
  expect(code).toMatch(/^\d{6}$/);
  return code;
}

test.describe("Finding an order from a phone", () => {
  test("order number + phone + the SMS code (pasted as the whole message) open the return form", async ({ page, shopper }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "申请退换货" })).toBeVisible();
    await expect(page.getByRole("link", { name: "商家登录" })).toHaveAttribute("href", "/login");

    const code = await askForCode(page, shopper);
    const codeInput = page.getByLabel("短信验证码");
    await expect(codeInput).toHaveAttribute("autocomplete", "one-time-code");
    await expect(codeInput).toHaveAttribute("inputmode", "numeric");
    await expect(codeInput).toBeFocused();
    // The resend button counts down instead of letting the customer hammer it.
    await expect(page.getByRole("button", { name: /秒后重发/ })).toBeDisabled();

    // What a paste of the whole SMS looks like: the six digits are picked out and sent at once.
    await codeInput.fill(`【退换货】验证码 ${code}，5 分钟内有效。请勿告诉他人。`);
    await expect(page).toHaveURL(new RegExp(`/orders/${shopper.orderNo}/return$`));
    await expect(page.getByRole("heading", { level: 1, name: "申请退换货" })).toBeVisible();
    await expect(page.getByText("纯棉圆领T恤")).toBeVisible();
    await expect(page.locator("header")).toContainText(`已验证手机${shopper.phone.slice(0, 3)}****${shopper.phone.slice(-4)}`);
  });

  test("a wrong code, too many wrong codes and an expired code each say what to do", async ({ page, shopper, db }) => {
    await page.goto("/");
    const code = await askForCode(page, shopper);
    const wrong = code === "000000" ? "111111" : "000000";
    const codeInput = page.getByLabel("短信验证码");

    await codeInput.fill(wrong);
    await expect(page.getByText("验证码不正确")).toBeVisible();
    await expect(codeInput).toHaveAttribute("aria-invalid", "true");
    for (let i = 0; i < 3; i++) {
      await codeInput.fill("");
      await codeInput.fill(wrong);
      await expect(page.getByText("验证码不正确")).toBeVisible();
    }
    await codeInput.fill("");
    await codeInput.fill(wrong);
    await expect(page.getByText("验证码错误次数过多，请重新获取")).toBeVisible();

    // A code that ran out of time (moved into the past instead of waiting five minutes).
    await db.update(smsVerifications).set({ attempts: 0, expiresAt: new Date(Date.now() - 1000) }).where(eq(smsVerifications.phone, shopper.phone));
    await codeInput.fill(code);
    await expect(page.getByText("验证码已过期，请重新获取")).toBeVisible();
    await expect(page).toHaveURL(/\/$/);
  });

  test("an order number that does not belong to the phone gets the same answer as a match, but no code: any code then fails", async ({ page, shopper }) => {
    await page.goto("/");
    await page.getByLabel("订单号").fill(shopper.orderNo);
    await page.getByLabel("下单手机号").fill("13700000000");
    await page.getByRole("button", { name: "获取验证码" }).click();
    // Nothing on the page tells whether the pair matched (the form is no phone-number oracle)…
    await expect(page.getByText("验证码已发送至 137****0000，5 分钟内有效。")).toBeVisible();
    // …only the demo's on-page code is missing, because no code was made.
    await expect(page.getByTestId("demo-code")).toHaveCount(0);
    await page.getByLabel("短信验证码").fill("123456");
    await expect(page.getByText("验证码不正确")).toBeVisible();
  });

  test("past the phone's hourly threshold the page solves the security check by itself and the code still comes", async ({ page, shopper, db }) => {
    // Five requests for this phone already this hour (as a stranger hammering it would leave it).
    const key = `sms:phone:${shopper.phone}:hour`;
    await db.insert(rateLimitBuckets).values({ key, windowStart: new Date(), count: 5 }).onConflictDoUpdate({ target: rateLimitBuckets.key, set: { windowStart: new Date(), count: 5 } });
    await page.goto("/");
    const code = await askForCode(page, shopper);
    await page.getByLabel("短信验证码").fill(code);
    await expect(page).toHaveURL(new RegExp(`/orders/${shopper.orderNo}/return$`));
  });

  test("a badly typed phone number gets the shared schema's message under the field", async ({ page }) => {
    await page.goto("/");
    await page.getByLabel("订单号").fill("DEMO20261125");
    await page.getByLabel("下单手机号").fill("12345");
    await page.getByRole("button", { name: "获取验证码" }).click();
    await expect(page.getByText("请输入 11 位中国大陆手机号")).toBeVisible();
    await expect(page.getByLabel("下单手机号")).toHaveAttribute("aria-invalid", "true");
  });

  test("a customer who comes back later finds all their requests with phone + code only", async ({ page, shopper, db }) => {
    const filed = await fileRequest(db, shopper, "return_refund", [{ line: "mug" }]);
    await page.goto("/");
    await page.getByRole("tab", { name: "查看我的申请" }).click();
    await expect(page.getByLabel("订单号")).toHaveCount(0);
    const code = await askForCode(page, shopper, false);
    await page.getByLabel("短信验证码").fill(code);
    await expect(page).toHaveURL(/\/requests$/);
    await expect(page.getByRole("heading", { level: 1, name: "我的退换货申请" })).toBeVisible();
    await page.getByRole("link", { name: new RegExp(filed.rmaNo) }).click();
    await expect(page.getByTestId("rma-no")).toHaveText(filed.rmaNo);
  });

  test("signed-out visits to H5 pages go to the entry page, keeping the order number", async ({ page, shopper }) => {
    await page.goto(`/orders/${shopper.orderNo}/return`);
    await expect(page).toHaveURL(new RegExp(`/\\?order=${shopper.orderNo}$`));
    await expect(page.getByLabel("订单号")).toHaveValue(shopper.orderNo);
    await page.goto("/requests");
    await expect(page).toHaveURL(/\/\?tab=requests$/);
    await expect(page.getByRole("tab", { name: "查看我的申请" })).toHaveAttribute("aria-selected", "true");
  });

  test("the English switch translates the entry page and the API's messages", async ({ page, shopper }) => {
    await page.goto("/");
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Return or exchange an item" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.getByLabel("Order number").fill(shopper.orderNo);
    await page.getByLabel("Phone number").fill("13700000001");
    await page.getByRole("button", { name: "Send code" }).click();
    await expect(page.getByText("Code sent to 137****0001. It is valid for 5 minutes.")).toBeVisible();
    await page.getByLabel("Text-message code").fill("123456");
    await expect(page.getByText("The code is not correct")).toBeVisible();
  });
});
