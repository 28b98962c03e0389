import { demoStaff } from "./fixtures";
import { customerShips, expect, expectGoneFromQueue, fileRequest, openFromQueue, signIn, staffActs, test, timeline, STORY_TIMEOUT } from "./fixtures/staff-request";

test.describe.configure({ timeout: STORY_TIMEOUT });

test.describe("Warehouse on the request screen", () => {
  test("receives a parcel per line (quantity and condition); sees no money or customer history", async ({ page, db, shopper }) => {
    const filed = await fileRequest(db, shopper, "return_refund", [{ line: "mug" }]);
    await staffActs(db, "cs", filed.id, "approve");
    await customerShips(db, shopper, filed.id);

    await openFromQueue(page, "warehouse", filed);
    await expect(page.getByRole("region", { name: "申请的商品" })).toContainText("陶瓷马克杯");
    await expect(page.getByRole("region", { name: "订单" })).toHaveCount(0);
    await expect(page.getByRole("region", { name: "顾客历史与风险" })).toHaveCount(0);
    await expect(page.getByRole("region", { name: filed.rmaNo })).not.toContainText("申请金额");

    await page.getByRole("region", { name: "你的操作" }).getByRole("button", { name: /^仓库签收验货/ }).click();
    const dialog = page.getByRole("dialog", { name: "仓库签收验货" });
    const line = dialog.getByRole("group", { name: "陶瓷马克杯（申请 1 件）" });
    await expect(line.getByLabel("实收数量")).toHaveValue("1");
    await line.getByLabel("实收数量").fill("");
    await dialog.getByRole("button", { name: "仓库签收验货" }).click();
    await expect(line.getByRole("spinbutton", { name: "实收数量" })).toHaveAttribute("aria-invalid", "true");
    await line.getByLabel("实收数量").fill("1");
    await line.getByLabel("商品状态").selectOption({ label: "已拆封" });
    await dialog.getByRole("button", { name: "仓库签收验货" }).click();

    await expect(dialog).toBeHidden();
    await expect(page.getByRole("region", { name: filed.rmaNo })).toContainText("待退款");
    await expect(page.getByRole("region", { name: "申请的商品" })).toContainText("实收 1 件 · 状态：已拆封");
    await expect(timeline(page).getByRole("listitem").first()).toContainText("赵刚 · 仓管员");
    await expectGoneFromQueue(page, filed.rmaNo);
  });

  test("cannot open a request that is still under review", async ({ page, db, shopper }) => {
    const filed = await fileRequest(db, shopper, "return_refund", [{ line: "mug" }]);
    await signIn(page, demoStaff("warehouse"));
    await page.goto(`/dashboard/requests/${filed.id}`);
    await expect(page.getByRole("heading", { level: 1, name: "找不到这个申请" })).toBeVisible();
    await expect(page.getByText(filed.rmaNo)).toHaveCount(0);
  });
});
