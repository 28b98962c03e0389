import { seedRefunds } from "./fixtures/refunds";
import { BASE_URL } from "./fixtures/h5";
import { freshStaff, signIn, test } from "./fixtures/staff-request";

/**
 * Not part of the normal run: `SCREENSHOTS=1 E2E_PORT=… npx playwright test --project=screenshots
 * e2e/finance-reconciliation-screenshots.spec.ts` writes PNGs of the reconciliation page
 * (differences, all matching, no statement) at 1280×800 and 390×844 in both languages.
 */
const VIEWPORTS = [
  { name: "1280", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
] as const;

test.describe.configure({ timeout: 600_000 });
test.use({ actionTimeout: 30_000, navigationTimeout: 60_000 });

test("reconciliation page", async ({ page, db, shopper }) => {
  const finance = await freshStaff(db, "finance", "王会计");
  await seedRefunds(db, shopper, "2026-03-12", [
    { channel: "wechat_pay", amountFen: 129_00, createdBy: finance.id, time: "09:12:00" },
    { channel: "wechat_pay", amountFen: 23_50, kind: "price_difference", time: "11:40:00" },
    { channel: "wechat_pay", amountFen: 8_00, kind: "postage", status: "processing", time: "15:30:00" },
    { channel: "offline", amountFen: 56_00, createdBy: finance.id, time: "16:05:00" },
  ]);
  await signIn(page, finance);
  for (const locale of ["zh-CN", "en"] as const) {
    await page.context().addCookies([{ name: "locale", value: locale, url: BASE_URL }]);
    for (const vp of VIEWPORTS) {
      await page.setViewportSize({ width: vp.width, height: vp.height });
      for (const [name, query] of [
        ["differences", "day=2026-03-12&channel=wechat_pay"],
        ["all-match", "day=2026-03-13&channel=wechat_pay"],
        ["offline", "day=2026-03-12&channel=offline"],
      ] as const) {
        await page.goto(`/dashboard/finance/reconciliation?${query}`);
        await page.getByRole("heading", { level: 1 }).waitFor();
        await page.screenshot({ path: `screenshots/reconciliation-${name}-${locale}-${vp.name}.png`, fullPage: true });
      }
    }
  }
});
