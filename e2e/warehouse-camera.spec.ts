import { tmpdir } from "node:os";
import path from "node:path";
import { fakeCameraLaunch } from "./fixtures/camera-launch";
import { writeBlankCamera, writeLabelCamera } from "./fixtures/fake-camera";
import { PHONE } from "./fixtures/h5";
import { expect, freshStaff, signIn, test, STORY_TIMEOUT } from "./fixtures/staff-request";
import { inspection, openStation, shippedRequest } from "./fixtures/warehouse";

/**
 * The camera scanner on a phone, fed Chromium's fake camera: a Y4M of a printed return slip
 * (rendered here, see fixtures/fake-camera.ts). Chromium on Linux has no BarcodeDetector, so this
 * exercises the @zxing/browser decoder.
 */
const CAMERA_FILE = path.join(tmpdir(), `tuihuanhuo-e2e-camera-${process.pid}.y4m`);
writeBlankCamera(CAMERA_FILE);

test.describe.configure({ timeout: STORY_TIMEOUT });
test.use({
  ...PHONE,
  launchOptions: fakeCameraLaunch(CAMERA_FILE),
});

test("the camera reads a printed label's RMA and opens the request", async ({ page, db, shopper }, testInfo) => {
  const parcel = await shippedRequest(db, shopper, [{ line: "mug" }]);
  const label = await writeLabelCamera(CAMERA_FILE, parcel.rmaNo);
  await testInfo.attach("label.png", { body: label, contentType: "image/png" });

  await page.context().grantPermissions(["camera"]);
  await signIn(page, await freshStaff(db, "warehouse", "仓管手机"));
  await openStation(page);
  // Chromium on Linux has no BarcodeDetector: the label is read by the @zxing/browser fallback.
  expect(await page.evaluate(() => "BarcodeDetector" in window)).toBe(false);
  await page.getByRole("button", { name: "摄像头扫码" }).click();
  const camera = page.getByRole("dialog", { name: "摄像头扫码" });
  await expect(camera).toBeVisible();
  // One code read: the dialog closes by itself and the station opens what was scanned.
  await expect(camera).toBeHidden();
  await expect(inspection(page, parcel.rmaNo).getByRole("region", { name: "应收商品" })).toContainText("陶瓷马克杯");
});
