import { photoLikeJpeg } from "./fixtures/h5-images";
import { awaitingRefundApproval, failedRefund } from "./fixtures/refund-panel";
import { expect, openFromQueue, staffActs, statusOf, test, timeline, STORY_TIMEOUT } from "./fixtures/staff-request";

test.describe.configure({ timeout: STORY_TIMEOUT });

const panel = (page: import("@playwright/test").Page) => page.getByRole("region", { name: "退款", exact: true });

test.describe("Finance's refund panel", () => {
  test("one finance user lowers the amount after the first approval (which restarts it), approves again, another pays", async ({ page, browser, db }) => {
    const request = await awaitingRefundApproval(db);
    await staffActs(db, "finance", request.id, "approve_refund");

    await openFromQueue(page, "finance", request);
    await expect(panel(page)).toContainText("¥2,500.00");
    await panel(page).getByRole("button", { name: "调低金额" }).click();
    const lower = page.getByRole("dialog", { name: "调低退款金额" });
    await expect(lower).toContainText("已有第一位财务复核（陈静）");
    // Above what is refundable: refused in place.
    await lower.getByLabel("新金额（元）").fill("2600");
    await lower.getByLabel(/原因/).fill("配件缺失");
    await lower.getByRole("button", { name: "调低金额" }).click();
    await expect(lower).toContainText("新金额须大于 0 且低于当前的 ¥2500.00");
    await lower.getByLabel("新金额（元）").fill("2300");
    await lower.getByRole("button", { name: "调低金额" }).click();
    await expect(lower).toBeHidden();
    await expect(page.getByTestId("refund-total")).toHaveText("¥2,300.00");
    await expect(panel(page)).toContainText("配件缺失");
    await expect(timeline(page).getByText("调低退款金额")).toBeVisible();
    expect(await statusOf(db, request.id)).toBe("pending_refund_approval");

    // Both signatures again: the same user approves, a second one pays the lowered amount.
    await page.keyboard.press("a");
    const approve = page.getByRole("dialog", { name: "财务复核通过" });
    await approve.getByRole("button", { name: "财务复核通过" }).click();
    await expect(approve).toBeHidden();

    const second = await browser.newContext();
    const page2 = await second.newPage();
    await openFromQueue(page2, "finance2", request);
    await page2.getByRole("region", { name: "你的操作" }).getByRole("button", { name: /^原路退款/ }).click();
    const pay = page2.getByRole("dialog", { name: "原路退款" });
    await expect(pay).toContainText("¥2,300.00");
    await pay.getByRole("button", { name: "原路退款" }).click();
    await expect(pay).toBeHidden();
    await expect(panel(page2).getByTestId("refund-record")).toContainText("已退款");
    await expect(panel(page2).getByTestId("refund-record")).toContainText("¥2,300.00");
    await second.close();
  });

  test("a failed refund is recorded as an offline bank transfer with its receipt", async ({ page, db }) => {
    const request = await failedRefund(db);
    await openFromQueue(page, "finance", request);
    const record = panel(page).getByTestId("refund-record");
    await expect(record).toContainText("失败");
    await expect(record).toContainText("商户可用余额不足");
    await panel(page).getByRole("button", { name: "登记线下退款" }).click();
    const dialog = page.getByRole("dialog", { name: "登记线下退款" });
    await expect(dialog).toContainText("¥2,380.00");
    // Nothing filled: the reference and the receipt are asked for.
    await dialog.getByRole("button", { name: "登记线下退款" }).click();
    await expect(dialog).toContainText("请填写转账流水号或收据编号");
    await dialog.getByLabel("转账流水号 / 收据编号").fill("CMB-20261129-7731");
    await dialog.getByLabel(/凭证图片/).setInputFiles({ name: "receipt.jpg", mimeType: "image/jpeg", buffer: await photoLikeJpeg(800, 600, { seed: 5 }) });
    await expect(dialog).toContainText("已上传");
    await dialog.getByRole("button", { name: "登记线下退款" }).click();
    await expect(dialog).toBeHidden();
    expect(await statusOf(db, request.id)).toBe("completed");
    const records = panel(page).getByTestId("refund-record");
    await expect(records).toHaveCount(2);
    await expect(records.nth(1)).toContainText("线下退款 · 银行转账");
    await expect(records.nth(1)).toContainText("CMB-20261129-7731");
    await expect(records.nth(1).getByRole("img", { name: "凭证图片" })).toBeVisible();
    await expect(records.nth(0)).toContainText("已被替代为");
  });
});
