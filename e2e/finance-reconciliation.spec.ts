import { seedRefunds } from "./fixtures/refunds";
import { expect, freshStaff, signIn, STORY_TIMEOUT, test } from "./fixtures/staff-request";

test.describe.configure({ timeout: STORY_TIMEOUT });

/**
 * Finance reconciles a day of WeChat Pay refunds against the sandbox's bill (the e2e server
 * starts the WeChat Pay sandbox process): the sandbox paid none of these seeded records, so each
 * one we count as paid is listed as missing at the gateway, and the day downloads as CSV.
 */
test("finance sees the day's differences and downloads them; customer service may not", async ({ page, db, shopper }) => {
  const finance = await freshStaff(db, "finance", "对账财务");
  const day = "2026-03-10";
  const { outRefundNos } = await seedRefunds(db, shopper, day, [
    { channel: "wechat_pay", amountFen: 129_00, createdBy: finance.id },
    { channel: "wechat_pay", amountFen: 8_00, kind: "postage", status: "processing", time: "15:30:00" },
  ]);

  await signIn(page, finance);
  await page.getByRole("link", { name: "退款对账" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "退款对账" })).toBeVisible();
  await page.getByLabel("日期", { exact: true }).fill(day);
  await page.getByLabel("渠道", { exact: true }).selectOption("wechat_pay");
  await page.getByRole("button", { name: "查看" }).click();
  await expect(page).toHaveURL(/day=2026-03-10&channel=wechat_pay/);

  const differences = page.getByRole("region", { name: /^差异 \(/ });
  await expect(differences.getByRole("row")).toHaveCount(2);
  await expect(differences.getByRole("row").nth(1)).toContainText("网关无此退款");
  await expect(differences.getByRole("row").nth(1)).toContainText(outRefundNos[0]!);
  await expect(page.getByText("合计相差 ¥129.00")).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "下载 CSV" }).click()]);
  expect(download.suggestedFilename()).toBe(`refunds-wechat_pay-${day}.csv`);
  const bytes = await (await download.createReadStream()).toArray();
  const text = Buffer.concat(bytes).toString("utf8");
  expect(text.startsWith("\uFEFF\"日期\"")).toBe(true);
  expect(text).toContain(`"${outRefundNos[0]}"`);
  expect(text).toContain('"对账财务","网关无此退款"');

  // An empty day: everything matches.
  await page.goto(`/dashboard/finance/reconciliation?day=2026-03-11&channel=wechat_pay`);
  await expect(page.getByRole("heading", { name: "全部退款一致" })).toBeVisible();

  // Customer service: no link, and the page says who may use it.
  await page.context().clearCookies();
  const cs = await freshStaff(db, "customer_service", "对账客服");
  await signIn(page, cs);
  await expect(page.getByRole("link", { name: "退款对账" })).toHaveCount(0);
  await page.goto("/dashboard/finance/reconciliation");
  await expect(page.getByRole("heading", { level: 1, name: "只有财务和店长可以对账" })).toBeVisible();
  const refused = await page.request.get(`/api/staff/reconciliation-export?from=${day}&to=${day}&channel=wechat_pay`);
  expect(refused.status()).toBe(403);
});
