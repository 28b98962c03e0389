import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { writeFileSync } from "node:fs";
import { expect, fileRequest, PHONE, signIn, staffDecides, test } from "./fixtures/h5";
import { notAnImage, png } from "./fixtures/h5-images";

/** The smallest phone we design for. */
test.use({ ...PHONE, viewport: { width: 360, height: 640 } });


/** No serious or critical axe violations on the page as it is now. */
async function expectAccessible(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${what}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** Every visible control is at least 44 px tall and wide, and nothing scrolls sideways at 360 px. */
async function expectTouchFriendly(page: Page, what: string) {
  const small = await page.evaluate(() => {
    const controls = document.querySelectorAll<HTMLElement>(
      'a[href], button, select, textarea, input:not([type="checkbox"]):not([type="radio"]):not([type="file"]), label:has(input[type="radio"]), label:has(input[type="file"])',
    );
    return Array.from(controls)
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 2 && r.height > 2 && getComputedStyle(el).visibility !== "hidden";
      })
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.height < 43.5 || r.width < 43.5;
      })
      .map((el) => `${el.tagName.toLowerCase()} "${(el.textContent ?? el.getAttribute("aria-label") ?? "").trim().slice(0, 30)}" ${Math.round(el.getBoundingClientRect().width)}×${Math.round(el.getBoundingClientRect().height)}`);
  });
  expect(small, `${what}: controls smaller than 44 px`).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${what}: horizontal overflow`).toBeLessThanOrEqual(0);
}

async function check(page: Page, what: string) {
  await expectAccessible(page, what);
  await expectTouchFriendly(page, what);
}

test.describe("H5 pages are accessible and touch-friendly at 360×640", () => {
  test("entry page, before and after the code is sent, in both languages", async ({ page, shopper }) => {
    await page.goto("/");
    await check(page, "entry");
    await page.getByLabel("订单号").fill(shopper.orderNo);
    await page.getByLabel("下单手机号").fill(shopper.phone);
    await page.getByRole("button", { name: "获取验证码" }).click();
    await expect(page.getByTestId("demo-code")).toBeVisible();
    await check(page, "entry with code");
    await page.getByRole("tab", { name: "查看我的申请" }).click();
    await check(page, "entry, my requests tab");
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await check(page, "entry (en)");
  });

  test("every step of the return form", async ({ page, shopper, db, context }) => {
    await signIn(db, context, shopper);
    await page.goto("/");
    await check(page, "entry, signed in");
    await page.goto(`/orders/${shopper.orderNo}/return`);
    await check(page, "lines");
    await page.getByRole("checkbox", { name: "选择「纯棉圆领T恤」" }).check();
    await check(page, "lines, one picked");
    await page.getByRole("button", { name: "下一步" }).click();
    await page.getByRole("radio", { name: /^换货/ }).check();
    await page.getByLabel("原因", { exact: true }).selectOption("size_not_fit");
    await page.getByRole("radio", { name: "尺码 L" }).check();
    await check(page, "type and reasons");
    await page.getByRole("button", { name: "下一步" }).click();
    const ok = test.info().outputPath("ok.png");
    const bad = test.info().outputPath("bad.jpg");
    writeFileSync(ok, await png());
    writeFileSync(bad, notAnImage());
    await page.locator('input[type="file"]').setInputFiles([ok, bad]);
    await expect(page.locator('li[data-status="failed"]')).toHaveCount(1);
    await expect(page.locator('li[data-status="done"]')).toHaveCount(1);
    await check(page, "photos");
    await page.getByRole("button", { name: /删除照片 2/ }).click();
    await page.getByRole("button", { name: "下一步" }).click();
    await check(page, "review");
  });

  test("my requests (empty and not), a request with each customer action, and not found", async ({ page, shopper, db, context }) => {
    await signIn(db, context, shopper);
    await page.goto("/requests");
    await expect(page.getByText("还没有退换货申请")).toBeVisible();
    await check(page, "requests, empty");

    const shipping = await fileRequest(db, shopper, "return_refund", [{ line: "mug" }]);
    await staffDecides(db, "cs", shipping.id, "approve");
    const asked = await fileRequest(db, shopper, "return_refund", [{ line: "shirt" }]);
    await staffDecides(db, "cs", asked.id, "request_info", { comment: "请补充吊牌照片" });
    await page.goto("/requests");
    await check(page, "requests");
    await page.goto(`/requests/${shipping.rmaNo}`);
    await check(page, "request awaiting shipment");
    await page.goto(`/requests/${asked.rmaNo}`);
    await check(page, "request needing information");
    await page.goto("/requests/RMA2026010100000000");
    await expect(page.getByRole("heading", { name: "找不到这个申请" })).toBeVisible();
    await check(page, "request not found");
  });
});
