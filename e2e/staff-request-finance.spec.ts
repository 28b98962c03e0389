import { expect, expectGoneFromQueue, makeBigSpender, openFromQueue, staffActs, statusOf, test, timeline, STORY_TIMEOUT } from "./fixtures/staff-request";

test.describe.configure({ timeout: STORY_TIMEOUT });

test.describe("Finance on the request screen", () => {
  test("a refund above ¥2,000: one finance user approves, a second one pays", async ({ page, browser, db }) => {
    const big = await makeBigSpender(db);
    await staffActs(db, "cs", big.requestId, "approve");
    await staffActs(db, "ops", big.requestId, "approve");
    expect(await statusOf(db, big.requestId)).toBe("pending_refund_approval");
    const request = { id: big.requestId, rmaNo: big.rmaNo };

    await openFromQueue(page, "finance", request);
    const order = page.getByRole("region", { name: "订单" });
    await expect(order).toContainText("微信支付");
    await expect(order).toContainText("支付流水号");
    await expect(order).toContainText("尚未发起退款");
    // Finance sees the order and the money, not the customer's history or photos.
    await expect(page.getByRole("region", { name: "顾客历史与风险" })).toHaveCount(0);
    await expect(page.getByRole("region", { name: "凭证照片" })).toHaveCount(0);
    await expect(page.getByRole("region", { name: big.rmaNo }).getByRole("button", { name: "查看完整号码" })).toHaveCount(0);

    await page.keyboard.press("a");
    const approve = page.getByRole("dialog", { name: "财务复核通过" });
    await expect(approve).toContainText("由另一位财务人员执行退款 ¥2,500.00");
    await approve.getByRole("button", { name: "财务复核通过" }).click();
    await expect(approve).toBeHidden();
    await expect(page.getByRole("region", { name: big.rmaNo })).toContainText("待退款");
    // The approver cannot pay it too.
    await expect(page.getByRole("region", { name: "你的操作" })).toContainText("当前没有需要你处理的操作。");

    const second = await browser.newContext();
    const page2 = await second.newPage();
    await openFromQueue(page2, "finance2", request);
    await page2.getByRole("region", { name: "你的操作" }).getByRole("button", { name: /^原路退款/ }).click();
    const pay = page2.getByRole("dialog", { name: "原路退款" });
    await expect(pay).toContainText("将通过原支付方式退款 ¥2,500.00。 已由 陈静 复核；付款需另一位财务人员。");
    await pay.getByRole("button", { name: "原路退款" }).click();
    await expect(pay).toBeHidden();
    await expect(page2.getByRole("region", { name: big.rmaNo })).toContainText(/已完成|退款中/);
    await expect(timeline(page2).getByText("原路退款")).toBeVisible();
    await expect(timeline(page2)).toContainText("刘洋 · 财务人员");
    await expect(timeline(page2)).toContainText("陈静 · 财务人员");
    // The worker pays in the background; a refunding request stays in finance's queue until the gateway's answer is in.
    await expect.poll(() => statusOf(db, request.id), { timeout: 60_000 }).toBe("completed");
    await expectGoneFromQueue(page2, big.rmaNo);
    await second.close();
  });
});
