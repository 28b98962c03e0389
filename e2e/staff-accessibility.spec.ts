import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { demoStaff, queueRows, signIn } from "./fixtures";

const SIZES = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];

async function violations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test("the sign-in page and a queue pass an automated accessibility check on desktop and phone", async ({ page }) => {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.goto("/login");
    await expect(page.getByRole("heading", { name: "员工登录" })).toBeVisible();
    expect(await violations(page), `/login at ${size.width}px`).toEqual([]);
  }

  await signIn(page, demoStaff("warehouse"));
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { level: 1, name: /^仓库收货队列/ })).toBeVisible();
    expect(await violations(page), `/dashboard at ${size.width}px`).toEqual([]);
  }
});

test("on a phone the queue shows as cards with the same facts as the table", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, demoStaff("finance"));

  // The table is for wide screens; a phone gets a list of cards instead.
  await expect(page.getByRole("table")).toBeHidden();
  const cards = page.getByRole("list", { name: "财务退款队列" }).getByRole("listitem");
  await expect(cards.first()).toBeVisible();
  await expect(cards.first()).toContainText(/RMA\d{8}/);
  await expect(cards.first()).toContainText("¥");
  await expect(cards.first().getByText(/^(待财务复核|待退款)$/)).toBeVisible();

  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(queueRows(page).first()).toBeVisible();
});
