import { signIn as shopperSignIn } from "./fixtures/h5";
import { customerShips, expect, fileRequest, freshStaff, signIn, staffActs, test, timeline, STORY_TIMEOUT } from "./fixtures/staff-request";

test.describe.configure({ timeout: STORY_TIMEOUT });

test.describe("Exchange replacement (decision 030)", () => {
  test("approved (the unit reserved), shipped with carrier + tracking number by the warehouse, the customer sees the number", async ({ page, browser, db, shopper }) => {
    const filed = await fileRequest(db, shopper, "exchange", [{ line: "shirt" }]);
    await staffActs(db, "cs", filed.id, "approve");
    await customerShips(db, shopper, filed.id);
    await staffActs(db, "warehouse", filed.id, "receive", { inspection: { receivedQuantity: 1, condition: "as_new" } });

    const clerk = await freshStaff(db, "warehouse", "孙仓管");
    await signIn(page, clerk);
    await page.goto(`/dashboard/requests/${filed.id}`);
    await expect(page.getByRole("heading", { level: 1, name: filed.rmaNo })).toBeVisible();
    await expect(page.locator('section[data-shortcuts="on"]')).toBeVisible();
    await expect(page.getByTestId("replacement-notice")).toContainText("已为本申请预留换货商品 1 件");

    await page.getByRole("region", { name: "你的操作" }).getByRole("button", { name: /^发出换货/ }).click();
    const dialog = page.getByRole("dialog", { name: "发出换货" });
    // Both are required: nothing is sent without them.
    await dialog.getByRole("button", { name: "发出换货" }).click();
    await expect(dialog.getByRole("combobox", { name: "快递公司" })).toHaveAttribute("aria-invalid", "true");
    await expect(dialog.getByRole("textbox", { name: "快递单号" })).toHaveAttribute("aria-invalid", "true");
    await dialog.getByRole("combobox", { name: "快递公司" }).selectOption({ label: "顺丰速运" });
    await dialog.getByRole("textbox", { name: "快递单号" }).fill("SF 123");
    await dialog.getByRole("button", { name: "发出换货" }).click();
    await expect(dialog.getByText("请输入正确的快递单号（6–40 位字母、数字或 -）")).toBeVisible();
    await dialog.getByRole("textbox", { name: "快递单号" }).fill("SF1357924680");
    await dialog.getByRole("button", { name: "发出换货" }).click();

    await expect(dialog).toBeHidden();
    await expect(page.getByRole("region", { name: filed.rmaNo })).toContainText("已完成");
    await expect(page.getByTestId("replacement-notice")).toContainText("顺丰速运 SF1357924680");
    await expect(timeline(page).getByRole("listitem").first()).toContainText("孙仓管 · 仓管员");

    // The customer's H5 page, on a phone.
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "zh-CN" });
    await shopperSignIn(db, phone, shopper);
    const h5 = await phone.newPage();
    await h5.goto(`/requests/${filed.rmaNo}`);
    const card = h5.getByRole("region", { name: "换货已发出" });
    await expect(card).toContainText("顺丰速运");
    await expect(card.getByTestId("replacement-tracking-no")).toHaveText("SF1357924680");
    await expect(h5.getByText("换货已发出").first()).toBeVisible();
    await phone.close();
  });
});
