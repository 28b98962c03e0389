import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, fileRequest, freshStaff, signIn, test, STORY_TIMEOUT } from "./fixtures/staff-request";

test.describe.configure({ timeout: STORY_TIMEOUT });

const SIZES = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];

/** No serious or critical axe violations on the page as it is now. */
async function expectAccessible(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${what}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("the request screen and its reject dialog pass an automated accessibility check on desktop and phone", async ({ page, db, shopper }) => {
  const filed = await fileRequest(db, shopper, "return_refund", [{ line: "mug" }]);
  await signIn(page, await freshStaff(db, "customer_service", "无障碍客服"));
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.goto(`/dashboard/requests/${filed.id}`);
    await expect(page.getByRole("region", { name: filed.rmaNo })).toBeVisible();
    await expectAccessible(page, `request screen at ${size.width}px`);
  }
  await page.getByRole("button", { name: /驳回/ }).first().click();
  await expect(page.getByRole("dialog", { name: "驳回" })).toBeVisible();
  await expectAccessible(page, "reject dialog");
});

for (const path of ["/dashboard", "/dashboard/admin/staff", "/dashboard/admin/policy", "/dashboard/admin/reasons"]) {
  test(`the store manager's ${path} passes an automated accessibility check on desktop and phone`, async ({ page, db }) => {
    await signIn(page, await freshStaff(db, "admin", "无障碍店长"));
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectAccessible(page, `${path} at ${size.width}px`);
    }
  });
}
