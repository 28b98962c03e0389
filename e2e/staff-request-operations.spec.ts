import { customerShips, expect, expectGoneFromQueue, fileRequest, openFromQueue, staffActs, statusOf, test, timeline, STORY_TIMEOUT } from "./fixtures/staff-request";

test.describe.configure({ timeout: STORY_TIMEOUT });

test.describe("Operations manager on the request screen", () => {
  test("an inspection mismatch settled with a partial refund: the deduction is checked, the approved amount shown", async ({ page, db, shopper }) => {
    // Two T-shirts declared (¥198.00); the warehouse finds one.
    const filed = await fileRequest(db, shopper, "return_refund", [{ line: "shirt", quantity: 2 }]);
    await staffActs(db, "cs", filed.id, "approve");
    await customerShips(db, shopper, filed.id);
    await staffActs(db, "warehouse", filed.id, "receive", { inspection: { receivedQuantity: 1, condition: "as_new" } });
    expect(await statusOf(db, filed.id)).toBe("inspection_mismatch");

    await openFromQueue(page, "ops", filed);
    await expect(page.getByRole("region", { name: "申请的商品" })).toContainText("实收 1 件");
    await expect(page.getByRole("region", { name: "审批路径" })).toContainText("仓库验货进行中");

    await page.getByRole("region", { name: "你的操作" }).getByRole("button", { name: /^部分退款/ }).click();
    const dialog = page.getByRole("dialog", { name: "部分退款" });
    await dialog.getByLabel("扣减金额（元）").fill("abc");
    await dialog.getByRole("button", { name: "部分退款" }).click();
    await expect(dialog.getByText("金额须为不小于 0 的整数（分）")).toBeVisible();
    await expect(dialog.getByText("此项必填")).toBeVisible();

    await dialog.getByLabel("扣减金额（元）").fill("99.00");
    await expect(dialog).toContainText("申请金额 ¥198.00；扣减后退款 ¥99.00");
    await dialog.getByLabel("给顾客的说明").fill("只收到 1 件，按实收数量退款");
    await dialog.getByRole("button", { name: "部分退款" }).click();

    await expect(dialog).toBeHidden();
    const summary = page.getByRole("region", { name: filed.rmaNo });
    await expect(summary).toContainText("待退款");
    await expect(summary).toContainText("核定金额¥99.00");
    const newest = timeline(page).getByRole("listitem").first();
    await expect(newest).toContainText("部分退款");
    await expect(newest).toContainText("王强 · 运营主管");
    await expect(page.getByRole("region", { name: "审批路径" })).toContainText("仓库验货已完成");
    await expectGoneFromQueue(page, filed.rmaNo);
  });
});
