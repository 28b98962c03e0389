import { actOnRequest } from "../server/services/act-on-request";
import { expect, fileRequest, freshStaff, signIn, statusOf, test, STORY_TIMEOUT } from "./fixtures/staff-request";
import { inspection, newTrackingNo, openStation, outcomeBanner, scan, shippedRequest } from "./fixtures/warehouse";

test.describe.configure({ timeout: STORY_TIMEOUT });

/** The refund stages a full acceptable match moves a return to. */
const REFUND_STAGES = ["pending_refund_approval", "pending_refund", "refunding"];

test.describe("Scan station", () => {
  test("a scanner's RMA, typed while a link has the focus, opens the request with its lines", async ({ page, db, shopper }) => {
    const parcel = await shippedRequest(db, shopper, [{ line: "mug" }]);
    await signIn(page, await freshStaff(db, "warehouse", "仓管小王"));
    await openStation(page);
    // The focus is elsewhere on the page: the scanner's keys still end up in the scan field.
    await page.getByRole("main").getByRole("link", { name: "无主包裹" }).first().focus();
    await scan(page, parcel.rmaNo);

    const request = inspection(page, parcel.rmaNo);
    await expect(request.getByRole("region", { name: "应收商品" })).toContainText("陶瓷马克杯");
    await expect(request.getByRole("region", { name: "应收商品" })).toContainText("应收 1 件");
    await expect(request.getByRole("group", { name: "陶瓷马克杯（应收 1 件，待收 1 件）" }).getByLabel("本包裹实收")).toHaveValue("1");
    await expect(page.getByRole("textbox", { name: "扫描或输入单号" })).toBeFocused();
    await expect(page.getByRole("textbox", { name: "扫描或输入单号" })).toHaveValue("");
  });

  test("a scan of the customer's tracking number opens the same request", async ({ page, db, shopper }) => {
    const parcel = await shippedRequest(db, shopper, [{ line: "mug" }]);
    await signIn(page, await freshStaff(db, "warehouse", "仓管小李"));
    await openStation(page);
    await scan(page, parcel.trackingNo);
    await expect(inspection(page, parcel.rmaNo)).toContainText(parcel.trackingNo);
  });

  test("a full intact match takes scan, Enter, Enter and moves on to the refund", async ({ page, db, shopper }) => {
    const parcel = await shippedRequest(db, shopper, [{ line: "mug" }]);
    await signIn(page, await freshStaff(db, "warehouse", "仓管小周"));
    await openStation(page);
    await scan(page, parcel.rmaNo);
    await expect(inspection(page, parcel.rmaNo)).toBeVisible();
    await page.keyboard.press("Enter"); // confirms "all intact" (already the default)
    await expect(page.getByRole("button", { name: "✓ 已确认全部完好" })).toBeVisible();
    await page.keyboard.press("Enter"); // records the parcel

    await expect(outcomeBanner(page)).toHaveAttribute("data-outcome", "refund");
    await expect(outcomeBanner(page)).toContainText(`${parcel.rmaNo} 已记录`);
    await expect(outcomeBanner(page)).toContainText("申请已转入退款");
    await expect(page.getByRole("textbox", { name: "扫描或输入单号" })).toBeFocused();
    expect(REFUND_STAGES).toContain(await statusOf(db, parcel.id));
  });

  test("a damaged item goes to the operations manager with the difference per line", async ({ page, db, shopper }) => {
    const parcel = await shippedRequest(db, shopper, [{ line: "mug" }]);
    await signIn(page, await freshStaff(db, "warehouse", "仓管小陈"));
    await openStation(page);
    await scan(page, parcel.rmaNo);
    const line = inspection(page, parcel.rmaNo).getByRole("group", { name: /^陶瓷马克杯/ });
    await line.getByLabel("商品状态").selectOption({ label: "损坏" });
    await line.getByLabel("处理方式").selectOption({ label: "隔离待查" });
    await line.getByLabel("备注").fill("杯口有裂纹");
    await page.getByRole("button", { name: "确认收货" }).click();

    await expect(outcomeBanner(page)).toHaveAttribute("data-outcome", "operations");
    await expect(outcomeBanner(page)).toContainText("已转给运营主管处理");
    await expect(outcomeBanner(page)).toContainText("陶瓷马克杯：应收 1，实收 1（损坏）");
    expect(await statusOf(db, parcel.id)).toBe("inspection_mismatch");
  });

  test("a partial parcel waits; the second parcel completes the receipt", async ({ page, db, shopper }) => {
    const parcel = await shippedRequest(db, shopper, [{ line: "shirt", quantity: 2 }]);
    await signIn(page, await freshStaff(db, "warehouse", "仓管小赵"));
    await openStation(page);
    await scan(page, parcel.rmaNo);
    const qty = inspection(page, parcel.rmaNo).getByRole("group", { name: "纯棉圆领T恤（应收 2 件，待收 2 件）" }).getByLabel("本包裹实收");
    await expect(qty).toHaveValue("2");
    await qty.fill("1");
    await qty.press("Enter");
    await expect(outcomeBanner(page)).toHaveAttribute("data-outcome", "waiting");
    await expect(outcomeBanner(page)).toContainText("等待其余包裹");
    expect(await statusOf(db, parcel.id)).not.toBe("inspection_mismatch");

    await scan(page, parcel.trackingNo);
    const request = inspection(page, parcel.rmaNo);
    await expect(request.getByRole("region", { name: "应收商品" })).toContainText("此前已收 1 件");
    await expect(request.getByRole("region", { name: "此前的包裹" })).toContainText("第 1 个包裹");
    await expect(request.getByRole("group", { name: "纯棉圆领T恤（应收 2 件，待收 1 件）" }).getByLabel("本包裹实收")).toHaveValue("1");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    await expect(outcomeBanner(page)).toHaveAttribute("data-outcome", "refund");
    expect(REFUND_STAGES).toContain(await statusOf(db, parcel.id));
  });

  test("a parcel nothing matches is recorded as unmatched, then linked to its request", async ({ page, db, shopper }) => {
    const filed = await shippedRequest(db, shopper, [{ line: "mug" }]);
    const stranger = newTrackingNo("YT");
    await signIn(page, await freshStaff(db, "warehouse", "仓管小孙"));
    await openStation(page);
    await scan(page, stranger);
    await expect(page.getByRole("heading", { name: `没有找到 ${stranger}` })).toBeVisible();
    await page.getByRole("button", { name: "登记无主包裹" }).click();
    const dialog = page.getByRole("dialog", { name: "登记无主包裹" });
    await expect(dialog.getByLabel("快递单号")).toHaveValue(stranger);
    await dialog.getByLabel("快递公司").selectOption({ label: "圆通" });
    await dialog.getByLabel("备注").fill("面单被撕，箱内有蓝色马克杯");
    await dialog.getByRole("button", { name: "登记", exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("status").filter({ hasText: `已登记无主包裹 ${stranger}` })).toBeVisible();

    // Scanned again: the station knows it is recorded.
    await scan(page, stranger);
    await expect(page.getByRole("heading", { name: `${stranger} 已登记为无主包裹` })).toBeVisible();

    await page.getByRole("navigation", { name: /./ }).getByRole("link", { name: "无主包裹" }).first().click();
    await expect(page).toHaveURL(/\/dashboard\/warehouse\/unmatched$/);
    const row = page.getByRole("row").filter({ hasText: stranger });
    await expect(row).toContainText("面单被撕");
    await row.getByRole("button", { name: "关联到申请" }).click();
    const link = page.getByRole("dialog", { name: `关联包裹 ${stranger}` });
    await link.getByLabel("退货单号").fill(filed.rmaNo);
    await link.getByRole("button", { name: "关联到申请" }).click();
    await expect(link).toBeHidden();
    await expect(page.getByRole("status").filter({ hasText: `已关联到 ${filed.rmaNo}` })).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: stranger })).toHaveCount(0);

    await page.getByRole("link", { name: "已关联" }).click();
    await expect(page.getByRole("row").filter({ hasText: stranger })).toContainText(filed.rmaNo);
  });

  test("a cancelled request is said plainly and nothing can be recorded", async ({ page, db, shopper }) => {
    const filed = await fileRequest(db, shopper, "return_refund", [{ line: "mug" }]);
    await actOnRequest(db, { type: "customer", id: shopper.customerId, role: "customer" }, { requestId: filed.id, action: "cancel" });
    await signIn(page, await freshStaff(db, "warehouse", "仓管小吴"));
    await openStation(page);
    await scan(page, filed.rmaNo);

    const request = inspection(page, filed.rmaNo);
    await expect(request.getByRole("alert")).toContainText(`${filed.rmaNo} 不在等待收货`);
    await expect(request.getByRole("alert")).toContainText("顾客已取消这个申请");
    await expect(request.getByRole("button", { name: "确认收货" })).toHaveCount(0);
    await expect(request.getByRole("form")).toHaveCount(0);
    // Enter in the empty field records nothing.
    await page.keyboard.press("Enter");
    expect(await statusOf(db, filed.id)).toBe("cancelled");
  });
});
