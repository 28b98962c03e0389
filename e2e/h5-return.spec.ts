import { writeFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { evidencePhotos, returnLines } from "../db/schema";
import { alerts, expect, fileRequest, makeShopper, PHONE, requestsOf, signIn, test, type Shopper } from "./fixtures/h5";
import { hasGpsTag, jpegWithGps, notAnImage, oversizedUndecodable, photoLikeJpeg, png, rotatedJpeg } from "./fixtures/h5-images";
import type { Page } from "@playwright/test";

test.use(PHONE);

async function file(name: string, bytes: Buffer | Promise<Buffer>): Promise<string> {
  const p = test.info().outputPath(name);
  writeFileSync(p, await bytes);
  return p;
}

const next = (page: Page) => page.getByRole("button", { name: "下一步", exact: true }).click();
const lineCard = (page: Page, title: string) => page.locator(`li[data-line="${title}"]`);

async function pickLines(page: Page, shopper: Shopper, picks: { title: string; quantity?: number }[]) {
  await page.goto(`/orders/${shopper.orderNo}/return`);
  await expect(page.getByRole("heading", { level: 2, name: "选择要退换的商品" })).toBeVisible();
  for (const { title, quantity = 1 } of picks) {
    await page.getByRole("checkbox", { name: `选择「${title}」` }).check();
    for (let q = 1; q < quantity; q++) await lineCard(page, title).getByRole("button", { name: "增加数量" }).click();
  }
}

async function chooseType(page: Page, type: "仅退款" | "退货退款" | "换货", reasons: Record<string, string>) {
  await next(page);
  await expect(page.getByRole("heading", { level: 2, name: "选择退换方式" })).toBeVisible();
  await page.getByRole("radio", { name: new RegExp(`^${type}`) }).check();
  for (const [title, reason] of Object.entries(reasons)) {
    await page.locator(`div[data-line="${title}"]`).getByLabel("原因", { exact: true }).selectOption({ label: reason });
  }
}

async function submitAndOpenRma(page: Page): Promise<string> {
  await page.getByRole("button", { name: "提交申请" }).click();
  await expect(page).toHaveURL(/\/requests\/RMA\w+\?new=1$/);
  await expect(page.getByText("申请已提交")).toBeVisible();
  const rmaNo = (await page.getByTestId("rma-no").textContent())!.trim();
  await expect(page.getByRole("img", { name: `退换货单号 ${rmaNo} 的二维码` })).toBeVisible();
  await expect(page.getByRole("img", { name: /二维码/ }).locator("svg")).toHaveCount(1);
  return rmaNo;
}

test.describe("Filing a return from a phone", () => {
  test("explains what cannot be returned and why", async ({ page, shopper, db, context }) => {
    await signIn(db, context, shopper);
    await page.goto(`/orders/${shopper.orderNo}/return`);
    await expect(lineCard(page, "定制刻字项链")).toContainText("不可退换：该品类不支持退换");
    await expect(lineCard(page, "羊毛围巾")).toContainText("不可退换：已超过退换货期限");
    await expect(page.getByRole("checkbox", { name: "选择「定制刻字项链」" })).toBeDisabled();
    await expect(lineCard(page, "纯棉圆领T恤")).toContainText("可申请 2 件，最多退 ¥198.00");

    // Nothing picked: the form says so instead of moving on.
    await next(page);
    await expect(alerts(page)).toHaveText("请至少选择一件商品");

    // A line already in a request shows as such.
    await fileRequest(db, shopper, "refund_only", [{ line: "mug" }]);
    await page.reload();
    await expect(lineCard(page, "陶瓷马克杯")).toContainText("不可退换：已全部申请过退换");
  });

  test("an order not paid yet has nothing to return, and says so", async ({ page, db, context }) => {
    const unpaid = await makeShopper(db, { paid: false });
    await signIn(db, context, unpaid);
    await page.goto(`/orders/${unpaid.orderNo}/return`);
    await expect(page.getByText("这个订单里暂时没有可以退换的商品。")).toBeVisible();
    await expect(lineCard(page, "纯棉圆领T恤")).toContainText("不可退换：订单未付款");
  });

  test("refund only: two shirts, a reason and a note, no photos → RMA, QR and what happens next", async ({ page, shopper, db, context }) => {
    await signIn(db, context, shopper);
    await pickLines(page, shopper, [{ title: "纯棉圆领T恤", quantity: 2 }]);
    await expect(page.getByText("¥198.00", { exact: true })).toBeVisible();
    await chooseType(page, "仅退款", { 纯棉圆领T恤: "质量问题" });
    await page.getByLabel("补充说明（选填）").fill("领口开线");
    await next(page);
    await expect(page.getByText("照片选填，但能帮助更快审核。")).toBeVisible();
    await next(page);
    await expect(page.getByRole("heading", { level: 2, name: "确认申请" })).toBeVisible();
    await expect(page.getByText("领口开线")).toBeVisible();
    await expect(page.locator("main")).toContainText("预计退款¥198.00");

    const rmaNo = await submitAndOpenRma(page);
    await expect(page.getByText("客服专员会在 48 小时内审核你的申请")).toBeVisible();
    await expect(page.getByText("仅退款不用寄回商品")).toBeVisible();
    await expect(page.getByText("寄回地址")).toHaveCount(0);
    await expect(page.getByText("你提交了申请")).toBeVisible();
    await expect(page.getByText("待客服审核").first()).toBeVisible();
    await expect(page.getByText(/^审核截止/)).toBeVisible();

    const [request] = await requestsOf(db, shopper);
    expect(request).toMatchObject({ rmaNo, type: "refund_only", status: "pending_cs_review" });
    const lines = await db.select().from(returnLines).where(eq(returnLines.requestId, request!.id));
    expect(lines).toEqual([expect.objectContaining({ quantity: 2, reasonCode: "quality_problem", note: "领口开线", refundFen: 19800 })]);
  });

  test("return & refund with photos: GPS stripped, PNG accepted, a renamed file and a 16 MB file refused, EXIF rotation kept", async ({ page, shopper, db, context }) => {
    await signIn(db, context, shopper);
    await pickLines(page, shopper, [{ title: "陶瓷马克杯" }]);
    await chooseType(page, "退货退款", { 陶瓷马克杯: "运输破损" });
    await next(page);

    const gps = await jpegWithGps();
    expect(hasGpsTag((await sharp(gps).metadata()).exif)).toBe(true);
    await page.locator('input[type="file"]').setInputFiles([
      await file("gps.jpg", gps),
      await file("screenshot.png", png()),
      await file("notes.jpg", notAnImage()),
      await file("rotated.jpg", rotatedJpeg()),
      await file("huge.jpg", oversizedUndecodable()),
    ]);
    // Each file has its own fate; the refused ones do not hold up the others.
    await expect(page.locator('li[data-status="done"]')).toHaveCount(3);
    await expect(page.locator('li[data-status="failed"]')).toHaveCount(2);
    await expect(page.getByText("这个文件不是图片，请选择 JPG、PNG 或 WebP 照片")).toBeVisible();
    await expect(page.getByText("图片太大（最大 15 MB）")).toBeVisible();

    // Failed tiles must be dealt with before going on; removing them clears the way.
    await next(page);
    await expect(alerts(page).filter({ hasText: "请等待照片上传完成，或删除上传失败的照片" })).toBeVisible();
    await page.getByRole("button", { name: "删除照片 3" }).click();
    await page.getByRole("button", { name: "删除照片 4" }).click();
    await expect(page.locator('li[data-status="failed"]')).toHaveCount(0);
    await expect(page.getByText("已上传 3/9 张")).toBeVisible();

    const ids = await page.locator('li[data-status="done"]').evaluateAll((els) => els.map((e) => e.getAttribute("data-photo-id")!));
    await next(page);
    await expect(page.getByText("已上传 3/9 张")).toBeVisible();
    const rmaNo = await submitAndOpenRma(page);

    // The stored copies, fetched as their owner: no EXIF at all (so no GPS), upright.
    const stored = await Promise.all(
      ids.map(async (id) => {
        const res = await page.request.get(`/api/photos/${id}`);
        expect(res.status()).toBe(200);
        return sharp(await res.body()).metadata();
      }),
    );
    for (const meta of stored) {
      expect(meta.format).toBe("jpeg");
      expect(meta.exif).toBeUndefined();
    }
    expect(stored[2]).toMatchObject({ width: 1200, height: 1600 });

    await expect(page.getByText("审核通过后，请把商品寄到下面的地址")).toBeVisible();
    await expect(page.getByText("浙江省杭州市余杭区仓前街道 退换货仓")).toBeVisible();
    await expect(page.getByText(`请在包裹上写明：${rmaNo}`)).toBeVisible();
    await expect(page.getByRole("img", { name: /申请照片/ })).toHaveCount(3);
    const attached = await db.select().from(evidencePhotos).where(eq(evidencePhotos.customerId, shopper.customerId));
    expect(attached.filter((p) => p.requestId)).toHaveLength(3);
  });

  test("an iPhone HEIC photo the browser cannot read goes up as it is and is refused with what to do", async ({ page, shopper, db, context }) => {
    await signIn(db, context, shopper);
    await pickLines(page, shopper, [{ title: "陶瓷马克杯" }]);
    await chooseType(page, "退货退款", { 陶瓷马克杯: "质量问题" });
    await next(page);
    await page.locator('input[type="file"]').setInputFiles(path.join(import.meta.dirname, "../server/photos/fixtures/iphone-style-64x48.heic"));
    await expect(page.locator('li[data-status="failed"]')).toContainText("暂不支持 HEIC 格式。请在 iPhone「设置 → 相机 → 格式」中选择「兼容性最佳」");
    await expect(page.getByRole("button", { name: "重试" })).toHaveCount(0);
  });

  test("a 12-megapixel photo is compressed on the phone before it goes up", async ({ page, shopper, db, context }) => {
    await signIn(db, context, shopper);
    await pickLines(page, shopper, [{ title: "陶瓷马克杯" }]);
    await chooseType(page, "退货退款", { 陶瓷马克杯: "质量问题" });
    await next(page);
    const original = await photoLikeJpeg(4000, 3000);
    const upload = page.waitForRequest((r) => r.url().endsWith("/api/photos") && r.method() === "POST");
    await page.locator('input[type="file"]').setInputFiles(await file("camera.jpg", original));
    const sent = Number((await (await upload).allHeaders())["content-length"]);
    await expect(page.locator('li[data-status="done"]')).toHaveCount(1);
    const id = await page.locator('li[data-status="done"]').getAttribute("data-photo-id");
    const meta = await sharp(await (await page.request.get(`/api/photos/${id}`)).body()).metadata();

    test.info().annotations.push({ type: "compression", description: `${(original.length / 1048576).toFixed(1)} MiB → ${(sent / 1024).toFixed(0)} KiB` });
    console.log(`[h5] 4000×3000 JPEG ${(original.length / 1048576).toFixed(1)} MiB uploaded as ${(sent / 1024).toFixed(0)} KiB`);
    expect(original.length).toBeGreaterThan(3 * 1048576);
    expect(sent).toBeLessThan(700 * 1024);
    expect(meta).toMatchObject({ width: 1600, height: 1200 });
  });

  test("exchange: pick the wanted size of the same shirt", async ({ page, shopper, db, context }) => {
    await signIn(db, context, shopper);
    await pickLines(page, shopper, [{ title: "纯棉圆领T恤" }, { title: "陶瓷马克杯" }]);
    await next(page);
    // The mug has no other variant in stock: exchange is offered only where stock says it exists.
    await expect(page.getByRole("radio", { name: /^换货/ })).toBeDisabled();
    await expect(page.getByText("所选商品暂无可换的规格")).toBeVisible();
    await page.getByRole("button", { name: "上一步" }).click();
    await page.getByRole("checkbox", { name: "选择「陶瓷马克杯」" }).uncheck();

    await chooseType(page, "换货", { 纯棉圆领T恤: "尺码不合适" });
    await next(page);
    await expect(alerts(page)).toHaveText("换货请为每件商品选择想要的规格");
    await page.getByRole("radio", { name: "尺码 XL" }).check();
    await next(page);
    await next(page);
    await expect(page.getByText("换货不退款")).toBeVisible();
    await expect(page.locator("main")).toContainText("换成尺码 XL");
    await submitAndOpenRma(page);
    await expect(page.getByText("寄回地址")).toBeVisible();

    const [request] = await requestsOf(db, shopper);
    expect(request?.type).toBe("exchange");
    const [line] = await db.select().from(returnLines).where(eq(returnLines.requestId, request!.id));
    expect(line?.exchangeSkuId).toBe(shopper.lines.shirt.variantIds[1]);
  });

  test("a reload in the middle keeps what was typed, photos included", async ({ page, shopper, db, context }) => {
    await signIn(db, context, shopper);
    await pickLines(page, shopper, [{ title: "纯棉圆领T恤", quantity: 2 }]);
    await chooseType(page, "退货退款", { 纯棉圆领T恤: "与描述不符" });
    await page.getByLabel("补充说明（选填）").fill("颜色比图片深很多");
    await next(page);
    await page.locator('input[type="file"]').setInputFiles(await file("evidence.png", png()));
    await expect(page.locator('li[data-status="done"]')).toHaveCount(1);

    await page.reload();
    await expect(page.getByText("已恢复你上次填写的内容。")).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "上传照片" })).toBeVisible();
    await expect(page.locator('li[data-status="done"]')).toHaveCount(1);
    await page.getByRole("button", { name: "上一步" }).click();
    await expect(page.getByLabel("补充说明（选填）")).toHaveValue("颜色比图片深很多");
    await expect(page.getByLabel("原因", { exact: true })).toHaveValue("not_as_described");
    await next(page);
    await next(page);
    await expect(page.locator("main")).toContainText("× 2");
    await submitAndOpenRma(page);
    const [request] = await requestsOf(db, shopper);
    expect(request?.type).toBe("return_refund");
  });

  test("submitting twice — a double tap, then a retry after the answer was lost — creates one request", async ({ page, shopper, db, context }) => {
    await signIn(db, context, shopper);
    await pickLines(page, shopper, [{ title: "陶瓷马克杯" }]);
    await chooseType(page, "仅退款", { 陶瓷马克杯: "发错货" });
    await next(page);
    await next(page);

    // The first submit reaches the server, but its answer never reaches the phone.
    let lost = 0;
    await page.route("**/api/trpc/customer.submit*", async (route) => {
      if (lost++ === 0) {
        await route.fetch();
        await route.abort("connectionreset");
      } else await route.continue();
    });
    await page.getByRole("button", { name: "提交申请" }).dblclick();
    await expect(alerts(page)).toContainText("网络");
    expect(await requestsOf(db, shopper)).toHaveLength(1);

    // The customer taps again: same draft, same idempotency key, the same request comes back.
    await page.getByRole("button", { name: "提交申请" }).click();
    await expect(page).toHaveURL(/\/requests\/RMA\w+\?new=1$/);
    const requests = await requestsOf(db, shopper);
    expect(requests).toHaveLength(1);
    await expect(page.getByTestId("rma-no")).toHaveText(requests[0]!.rmaNo);
  });

  test("another customer's request is not reachable", async ({ page, shopper, db, context }) => {
    const other = await makeShopper(db);
    const theirs = await fileRequest(db, other, "return_refund", [{ line: "mug" }]);
    await signIn(db, context, shopper);
    await page.goto(`/requests/${theirs.rmaNo}`);
    await expect(page.getByRole("heading", { name: "找不到这个申请" })).toBeVisible();
    await expect(page.getByText(theirs.rmaNo)).toHaveCount(0);
    await page.goto(`/orders/${other.orderNo}/return`);
    await expect(page.getByRole("heading", { name: "找不到这个订单" })).toBeVisible();
  });
});
