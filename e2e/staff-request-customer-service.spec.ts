import { expect, expectGoneFromQueue, fileRequest, fileWithPhotos, openFromQueue, test, timeline, STORY_TIMEOUT } from "./fixtures/staff-request";

test.describe.configure({ timeout: STORY_TIMEOUT });

/** Customer service decides a first review on the request screen. */
test.describe("Customer service on the request screen", () => {
  test("rejects with the keyboard: a reason, the customer's message previewed, gone from the queue, in the timeline", async ({ page, db, shopper }) => {
    const filed = await fileRequest(db, shopper, "return_refund", [{ line: "mug" }]);
    await openFromQueue(page, "cs", filed);
    await expect(page.getByRole("region", { name: "申请的商品" })).toContainText("陶瓷马克杯");
    await expect(page.getByRole("region", { name: "顾客历史与风险" })).toContainText("这是该顾客的第一个申请");
    await expect(page.getByRole("region", { name: "审批路径" })).toContainText("客服审核进行中");

    await page.keyboard.press("r");
    const dialog = page.getByRole("dialog", { name: "驳回" });
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "驳回" }).click();
    await expect(dialog.getByText("驳回时必须选择原因")).toBeVisible();
    await expect(dialog.getByText("此项必填")).toBeVisible();

    await dialog.getByLabel("驳回原因").selectOption({ label: "凭证不足" });
    await dialog.getByLabel("给顾客的说明").fill("请上传能看清破损位置的照片");
    await expect(dialog.getByTestId("reject-preview")).toHaveText(`您的申请 ${filed.rmaNo} 未通过审核。原因：凭证不足。请上传能看清破损位置的照片`);
    await dialog.getByRole("button", { name: "驳回" }).click();

    await expect(dialog).toBeHidden();
    await expect(page.getByRole("region", { name: filed.rmaNo })).toContainText("已驳回");
    await expect(page.getByRole("region", { name: "你的操作" })).toContainText("当前没有需要你处理的操作。");
    const newest = timeline(page).getByRole("listitem").first();
    await expect(newest).toContainText("驳回");
    await expect(newest).toContainText("李娜 · 客服专员");
    await expect(newest).toContainText("驳回原因：凭证不足");
    await expect(newest).toContainText("请上传能看清破损位置的照片");
    await expectGoneFromQueue(page, filed.rmaNo);
  });

  test("approves with the button after reading the shortcut help; the route names who approved", async ({ page, db, shopper }) => {
    const filed = await fileRequest(db, shopper, "return_refund", [{ line: "mug" }]);
    await openFromQueue(page, "cs", filed);

    await page.getByRole("button", { name: "快捷键" }).click();
    const help = page.getByRole("region", { name: "键盘快捷键" });
    await expect(help).toContainText("审核通过A");
    await expect(help).toContainText("驳回R");
    await expect(help).toContainText("要求补充资料I");
    await page.getByRole("button", { name: "快捷键" }).click();
    await expect(help).toBeHidden();

    await page.getByRole("region", { name: "你的操作" }).getByRole("button", { name: /^审核通过/ }).click();
    const dialog = page.getByRole("dialog", { name: "审核通过" });
    await expect(dialog).toContainText("申请将进入下一环节：顾客寄回。");
    await dialog.getByLabel("备注（选填）").fill("包装完好即可退");
    await dialog.getByRole("button", { name: "审核通过" }).click();

    await expect(dialog).toBeHidden();
    await expect(page.getByRole("status").filter({ hasText: "已提交：审核通过" })).toBeVisible();
    await expect(page.getByRole("region", { name: filed.rmaNo })).toContainText("待寄回");
    const route = page.getByRole("region", { name: "审批路径" });
    await expect(route.getByRole("listitem").first()).toContainText("客服审核已完成");
    await expect(route.getByRole("listitem").first()).toContainText("李娜 · 客服专员");
    await expect(route).toContainText("顾客寄回进行中");
    await expect(timeline(page).getByRole("listitem").first()).toContainText("包装完好即可退");
    await expectGoneFromQueue(page, filed.rmaNo);
  });

  test("asks for information with the i key; typing an 'r' in the message is not a shortcut", async ({ page, db, shopper }) => {
    const filed = await fileRequest(db, shopper, "return_refund", [{ line: "mug" }]);
    await openFromQueue(page, "cs", filed);
    await page.keyboard.press("i");
    const dialog = page.getByRole("dialog", { name: "要求补充资料" });
    await dialog.getByLabel("需要顾客补充什么").fill("请补充 receipt 照片");
    await expect(page.getByRole("dialog")).toHaveCount(1);
    await dialog.getByRole("button", { name: "要求补充资料" }).click();
    await expect(page.getByRole("region", { name: filed.rmaNo })).toContainText("待补充资料");
    await expectGoneFromQueue(page, filed.rmaNo);
  });

  test("sees the evidence photos full size (←/→, zoom, Esc) and reveals the phone on purpose", async ({ page, db, shopper }) => {
    const filed = await fileWithPhotos(db, shopper, 2);
    await openFromQueue(page, "cs", filed);
    await expect(page.getByRole("region", { name: "申请的商品" })).toContainText("领口开线，洗一次就变形了");

    const photos = page.getByRole("region", { name: "凭证照片" });
    await photos.getByRole("button", { name: "查看第 1 张照片（共 2 张）" }).click();
    const viewer = page.getByRole("dialog", { name: "照片 1 / 2" });
    await expect(viewer).toBeVisible();
    const image = viewer.getByRole("img", { name: "照片 1 / 2" });
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await page.keyboard.press("ArrowRight");
    await expect(page.getByRole("dialog", { name: "照片 2 / 2" })).toBeVisible();
    await page.getByRole("button", { name: "放大" }).click();
    await expect(page.getByRole("button", { name: "缩小" })).toHaveAttribute("aria-pressed", "true");
    await page.keyboard.press("ArrowLeft");
    await expect(page.getByRole("dialog", { name: "照片 1 / 2" })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await expect(photos.getByRole("button", { name: "查看第 1 张照片（共 2 张）" })).toBeFocused();

    const summary = page.getByRole("region", { name: filed.rmaNo });
    await expect(summary).toContainText(`${shopper.phone.slice(0, 3)}****${shopper.phone.slice(-4)}`);
    await expect(summary).not.toContainText(shopper.phone);
    await summary.getByRole("button", { name: "查看完整号码" }).click();
    await expect(summary.getByRole("link", { name: shopper.phone })).toHaveAttribute("href", `tel:${shopper.phone}`);
  });
});
