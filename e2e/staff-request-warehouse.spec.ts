import { demoStaff } from "./fixtures";
import { customerShips, expect, expectGoneFromQueue, fileRequest, openFromQueue, signIn, staffActs, test, timeline, STORY_TIMEOUT } from "./fixtures/staff-request";

test.describe.configure({ timeout: STORY_TIMEOUT });

test.describe("Warehouse on the request screen", () => {
  test("sees no money or customer history; the receive action opens the scan station with the request, which records the parcel", async ({ page, db, shopper }) => {
    const filed = await fileRequest(db, shopper, "return_refund", [{ line: "mug" }]);
    await staffActs(db, "cs", filed.id, "approve");
    await customerShips(db, shopper, filed.id);

    await openFromQueue(page, "warehouse", filed);
    await expect(page.getByRole("region", { name: "申请的商品" })).toContainText("陶瓷马克杯");
    await expect(page.getByRole("region", { name: "订单" })).toHaveCount(0);
    await expect(page.getByRole("region", { name: "顾客历史与风险" })).toHaveCount(0);
    await expect(page.getByRole("region", { name: filed.rmaNo })).not.toContainText("申请金额");

    // Receiving happens at the scan station: the request screen's action opens it with this request.
    await page.getByRole("region", { name: "你的操作" }).getByRole("link", { name: /^到扫码收货验货/ }).click();
    await expect(page).toHaveURL(new RegExp(`/dashboard/warehouse\\?code=${filed.rmaNo}$`));
    const line = page.getByRole("region", { name: filed.rmaNo }).getByRole("group", { name: "陶瓷马克杯（应收 1 件，待收 1 件）" });
    await expect(line.getByLabel("本包裹实收")).toHaveValue("1");
    await line.getByLabel("本包裹实收").fill("");
    await page.getByRole("button", { name: "确认收货" }).click();
    await expect(line.getByRole("spinbutton", { name: "本包裹实收" })).toHaveAttribute("aria-invalid", "true");
    await line.getByLabel("本包裹实收").fill("1");
    await line.getByLabel("商品状态").selectOption({ label: "已拆封" });
    await page.getByRole("button", { name: "确认收货" }).click();
    await expect(page.locator("[data-outcome]")).toContainText("申请已转入退款");

    await page.goto(`/dashboard/requests/${filed.id}`);
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
