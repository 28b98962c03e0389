import { writeFileSync } from "node:fs";
import { and, eq, isNotNull } from "drizzle-orm";
import { evidencePhotos, returnRequests } from "../db/schema";
import { alerts, expect, fileRequest, PHONE, signIn, staffDecides, test } from "./fixtures/h5";
import { png } from "./fixtures/h5-images";

test.use(PHONE);


async function statusOf(db: Parameters<typeof staffDecides>[0], id: string) {
  const [row] = await db.select({ status: returnRequests.status }).from(returnRequests).where(eq(returnRequests.id, id));
  return row?.status;
}

test.describe("Following a request to the end", () => {
  test("approved return: the customer sees where to send it and enters carrier + tracking number", async ({ page, shopper, db, context }) => {
    const filed = await fileRequest(db, shopper, "return_refund", [{ line: "mug" }]);
    await staffDecides(db, "cs", filed.id, "approve");
    await signIn(db, context, shopper);

    await page.goto("/requests");
    const card = page.getByRole("link", { name: new RegExp(filed.rmaNo) });
    await expect(card).toContainText("待寄回");
    await expect(card).toContainText("待你处理");
    await card.click();

    await expect(page.getByText(`审核已通过。请在截止前把商品寄到下面的地址，并在包裹上写明退换货单号 ${filed.rmaNo}`)).toBeVisible();
    await expect(page.getByText("浙江省杭州市余杭区仓前街道 退换货仓")).toBeVisible();
    await expect(page.getByText("收件人 售后部")).toBeVisible();
    await expect(page.getByText("客服专员审核通过")).toBeVisible();
    await expect(page.locator('li[aria-current="step"]')).toHaveText("寄回商品");

    await page.getByLabel("快递单号").fill("12");
    await page.getByRole("button", { name: "提交物流信息" }).click();
    await expect(page.getByLabel("快递公司")).toHaveAccessibleDescription("请选择快递公司");
    await expect(page.getByLabel("快递单号")).toHaveAccessibleDescription("请输入正确的快递单号（8–30 位字母或数字）");

    await page.getByLabel("快递公司").selectOption({ label: "顺丰速运" });
    await page.getByLabel("快递单号").fill("SF1234567890123");
    await page.getByRole("button", { name: "提交物流信息" }).click();
    await expect(page.getByText("你填写了退货物流")).toBeVisible();
    await expect(page.getByText("退货物流：顺丰速运 SF1234567890123")).toBeVisible();
    await expect(page.getByText("包裹在路上")).toBeVisible();
    await expect(page.getByRole("button", { name: "提交物流信息" })).toHaveCount(0);
    expect(await statusOf(db, filed.id)).toBe("in_transit");
  });

  test("cancel before the parcel is received", async ({ page, shopper, db, context }) => {
    const filed = await fileRequest(db, shopper, "refund_only", [{ line: "shirt", quantity: 2 }]);
    await signIn(db, context, shopper);
    await page.goto(`/requests/${filed.rmaNo}`);
    await page.getByRole("button", { name: "取消申请" }).click();
    await expect(page.getByText("确定取消这个申请吗？")).toBeVisible();
    await page.getByRole("button", { name: "不取消" }).click();
    await page.getByRole("button", { name: "取消申请" }).click();
    await page.getByRole("button", { name: "确定取消" }).click();
    await expect(page.getByText("你取消了申请")).toBeVisible();
    await expect(page.getByText("已取消").first()).toBeVisible();
    await expect(page.getByRole("button", { name: "取消申请" })).toHaveCount(0);
    expect(await statusOf(db, filed.id)).toBe("cancelled");

    // The items are free again.
    await page.goto(`/orders/${shopper.orderNo}/return`);
    await expect(page.locator('li[data-line="纯棉圆领T恤"]')).toContainText("可申请 2 件");
  });

  test("a request for information: the question, a reply with a photo, back with the same reviewer", async ({ page, shopper, db, context }) => {
    const filed = await fileRequest(db, shopper, "return_refund", [{ line: "mug" }]);
    await staffDecides(db, "cs", filed.id, "request_info", { comment: "请拍一张杯底裂纹的照片" });
    await signIn(db, context, shopper);
    await page.goto(`/requests/${filed.rmaNo}`);

    await expect(page.getByText("客服需要你补充资料")).toBeVisible();
    await expect(page.getByText("客服专员请你补充资料")).toBeVisible();
    // The question is on top, under "what happens next", and in the history.
    await expect(page.getByRole("figure", { name: "客服的问题" })).toContainText("请拍一张杯底裂纹的照片");
    await expect(page.getByText("请拍一张杯底裂纹的照片")).toHaveCount(2);
    await expect(page.getByText(/^请在 .+ 前补充资料/)).toBeVisible();

    await page.getByRole("button", { name: "提交补充资料" }).click();
    await expect(page.getByText("此项必填")).toBeVisible();

    const photo = test.info().outputPath(`crack-${Date.now()}.png`);
    writeFileSync(photo, await png(800, 600));
    await page.locator('input[type="file"]').setInputFiles(photo);
    await expect(page.locator('li[data-status="done"]')).toHaveCount(1);
    await page.getByRole("textbox", { name: "回复客服" }).fill("已补拍杯底照片，裂纹在把手下方");
    await page.getByRole("button", { name: "提交补充资料" }).click();

    await expect(page.getByText("你补充了资料")).toBeVisible();
    await expect(page.getByText("已补拍杯底照片，裂纹在把手下方")).toBeVisible();
    await expect(page.getByText("待客服审核").first()).toBeVisible();
    await expect(page.getByRole("button", { name: "提交补充资料" })).toHaveCount(0);
    expect(await statusOf(db, filed.id)).toBe("pending_cs_review");
    const attached = await db
      .select()
      .from(evidencePhotos)
      .where(and(eq(evidencePhotos.requestId, filed.id), isNotNull(evidencePhotos.requestId)));
    expect(attached).toHaveLength(1);
  });

  test("after a rejection the customer may appeal once", async ({ page, shopper, db, context }) => {
    const filed = await fileRequest(db, shopper, "return_refund", [{ line: "mug" }]);
    await staffDecides(db, "cs", filed.id, "reject", { rejectionCode: "evidence_insufficient", comment: "照片看不清破损位置" });
    await signIn(db, context, shopper);
    await page.goto(`/requests/${filed.rmaNo}`);

    await expect(page.getByText("客服专员驳回了申请")).toBeVisible();
    await expect(page.getByText("驳回原因：凭证不足", { exact: true })).toBeVisible();
    await expect(page.getByText("原因：凭证不足", { exact: true })).toBeVisible();
    await expect(page.getByText("照片看不清破损位置")).toHaveCount(2);
    await expect(page.getByText("每个申请只能申诉一次。")).toBeVisible();
    await page.getByLabel("申诉理由").fill("破损在杯口，第二张照片可以看到");
    await page.getByRole("button", { name: "提交申诉" }).click();
    await expect(page.getByText("你提交了申诉")).toBeVisible();
    await expect(page.getByText("待运营复核").first()).toBeVisible();
    expect(await statusOf(db, filed.id)).toBe("pending_ops_review");

    await staffDecides(db, "ops", filed.id, "reject", { rejectionCode: "evidence_insufficient" });
    await page.reload();
    await expect(page.getByText("运营主管驳回了申请")).toBeVisible();
    await expect(page.getByRole("button", { name: "提交申诉" })).toHaveCount(0);
    await expect(page.getByText("申请被驳回。", { exact: true })).toBeVisible();
  });

  test("a stale page is told someone acted first", async ({ page, shopper, db, context }) => {
    const filed = await fileRequest(db, shopper, "refund_only", [{ line: "mug" }]);
    await signIn(db, context, shopper);
    await page.goto(`/requests/${filed.rmaNo}`);
    await staffDecides(db, "cs", filed.id, "approve");
    await page.getByRole("button", { name: "取消申请" }).click();
    await page.getByRole("button", { name: "确定取消" }).click();
    await expect(alerts(page).filter({ hasText: "该申请刚被其他人处理过，请刷新后再试" })).toBeVisible();
  });
});
