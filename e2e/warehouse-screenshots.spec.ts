import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { actOnRequest } from "../server/services/act-on-request";
import { fakeCameraLaunch } from "./fixtures/camera-launch";
import { writeBlankCamera } from "./fixtures/fake-camera";
import { BASE_URL } from "./fixtures/h5";
import { expect, fileRequest, freshStaff, makeShopper, signIn, test } from "./fixtures/staff-request";
import { newTrackingNo, openStation, outcomeBanner, scan, shippedRequest } from "./fixtures/warehouse";

/**
 * Scan station screenshots for review (not part of the normal run):
 * `SCREENSHOTS=1 E2E_PORT=3133 npx playwright test --project=screenshots e2e/warehouse-screenshots.spec.ts`
 * → screenshots/warehouse-*.png, at the table PC (1366×768) and a phone (390×844), zh-CN and en.
 */
const CAMERA_FILE = path.join(tmpdir(), `tuihuanhuo-e2e-camera-shots-${process.pid}.y4m`);
writeBlankCamera(CAMERA_FILE);

test.use({
  launchOptions: fakeCameraLaunch(CAMERA_FILE),
});
test.describe.configure({ timeout: 600_000 });

const VIEWPORTS = [
  { name: "1366", width: 1366, height: 768 },
  { name: "390", width: 390, height: 844 },
] as const;
const LOCALES = {
  "zh-CN": { camera: "摄像头扫码", record: "确认收货", unmatched: "登记无主包裹", condition: "商品状态", damaged: "损坏", qty: "本包裹实收", link: "关联到申请" },
  en: { camera: "Camera", record: "Record parcel", unmatched: "Record unmatched parcel", condition: "Condition", damaged: "Damaged", qty: "Received in this parcel", link: "Link to request" },
} as const;

const shot = (page: Page, name: string, locale: string, vp: string) => page.screenshot({ path: `screenshots/warehouse-${name}-${locale}-${vp}.png`, fullPage: name !== "camera" });

for (const [locale, l] of Object.entries(LOCALES)) {
  test(`scan station screenshots, ${locale}`, async ({ page, db }) => {
    await page.context().grantPermissions(["camera"]);
    await signIn(page, await freshStaff(db, "warehouse", locale === "en" ? "Wang Clerk" : "仓管小王"));
    await page.context().addCookies([{ name: "locale", value: locale, url: BASE_URL }]);
    for (const vp of VIEWPORTS) {
      await page.setViewportSize({ width: vp.width, height: vp.height });
      await openStation(page);
      await shot(page, "idle", locale, vp.name);

      // A request opened (with customer photos when the fixture has them), then recorded as a full match.
      const match = await shippedRequest(db, await makeShopper(db), [{ line: "shirt", quantity: 2 }]);
      await scan(page, match.rmaNo);
      await expect(page.getByRole("region", { name: match.rmaNo })).toBeVisible();
      await shot(page, "request", locale, vp.name);
      await page.keyboard.press("Enter");
      await page.keyboard.press("Enter");
      await expect(outcomeBanner(page)).toHaveAttribute("data-outcome", "refund");
      await shot(page, "outcome-refund", locale, vp.name);

      const damaged = await shippedRequest(db, await makeShopper(db), [{ line: "mug" }]);
      await scan(page, damaged.trackingNo);
      await page.getByRole("region", { name: damaged.rmaNo }).getByLabel(l.condition).selectOption({ label: locale === "en" ? "Damaged" : "损坏" });
      await page.getByRole("button", { name: l.record }).click();
      await expect(outcomeBanner(page)).toHaveAttribute("data-outcome", "operations");
      await shot(page, "outcome-operations", locale, vp.name);

      const partial = await shippedRequest(db, await makeShopper(db), [{ line: "shirt", quantity: 2 }]);
      await scan(page, partial.rmaNo);
      await page.getByRole("region", { name: partial.rmaNo }).getByLabel(l.qty).fill("1");
      await page.getByRole("button", { name: l.record }).click();
      await expect(outcomeBanner(page)).toHaveAttribute("data-outcome", "waiting");
      await shot(page, "outcome-waiting", locale, vp.name);
      await scan(page, partial.rmaNo);
      await expect(page.getByRole("region", { name: partial.rmaNo })).toBeVisible();
      await shot(page, "second-parcel", locale, vp.name);

      const shopper = await makeShopper(db);
      const cancelled = await fileRequest(db, shopper, "return_refund", [{ line: "mug" }]);
      await actOnRequest(db, { type: "customer", id: shopper.customerId, role: "customer" }, { requestId: cancelled.id, action: "cancel" });
      await scan(page, cancelled.rmaNo);
      await expect(page.locator("[data-not-awaiting]")).toBeVisible();
      await shot(page, "not-awaiting", locale, vp.name);

      const stranger = newTrackingNo("YT");
      await scan(page, stranger);
      await shot(page, "miss", locale, vp.name);
      await page.getByRole("button", { name: l.unmatched }).click();
      await expect(page.getByRole("dialog")).toBeVisible();
      await shot(page, "unmatched-dialog", locale, vp.name);
      await page.getByRole("dialog").getByRole("button", { name: locale === "en" ? "Record" : "登记", exact: true }).click();
      await expect(page.getByRole("dialog")).toBeHidden();

      await page.getByRole("button", { name: l.camera }).click();
      await expect(page.locator('[data-camera-phase="scanning"]')).toBeVisible();
      await shot(page, "camera", locale, vp.name);
      await page.keyboard.press("Escape");

      await page.goto("/dashboard/warehouse/unmatched");
      await expect(page.getByRole("row").filter({ hasText: stranger })).toBeVisible();
      await shot(page, "unmatched-list", locale, vp.name);
      await page.getByRole("row").filter({ hasText: stranger }).getByRole("button", { name: l.link }).click();
      await expect(page.getByRole("dialog")).toBeVisible();
      await shot(page, "link-dialog", locale, vp.name);
      await page.keyboard.press("Escape");
      await page.goto("/dashboard/warehouse/unmatched?status=linked");
      await page.getByRole("heading", { level: 1 }).waitFor();
      await shot(page, "unmatched-linked", locale, vp.name);
    }
  });
}
