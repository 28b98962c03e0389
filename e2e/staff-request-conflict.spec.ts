import { expect, fileRequest, openFromQueue, test, timeline, STORY_TIMEOUT } from "./fixtures/staff-request";

test.describe.configure({ timeout: STORY_TIMEOUT });

test("two people act on the same request: the second is told, and sees the fresh state", async ({ browser, db, shopper }) => {
  const filed = await fileRequest(db, shopper, "return_refund", [{ line: "mug" }]);
  const [first, second] = await Promise.all([browser.newContext(), browser.newContext()]);
  const [a, b] = await Promise.all([first.newPage(), second.newPage()]);
  await openFromQueue(a, "cs", filed);
  await openFromQueue(b, "cs", filed);

  await a.keyboard.press("a");
  await a.getByRole("dialog", { name: "审核通过" }).getByRole("button", { name: "审核通过" }).click();
  await expect(a.getByRole("region", { name: filed.rmaNo })).toContainText("待寄回");

  // B still shows the old state and decides on it.
  await expect(b.getByRole("region", { name: filed.rmaNo })).toContainText("待客服审核");
  await b.keyboard.press("r");
  const reject = b.getByRole("dialog", { name: "驳回" });
  await reject.getByLabel("驳回原因").selectOption({ label: "其他原因" });
  await reject.getByLabel("给顾客的说明").fill("不符合退货条件");
  await reject.getByRole("button", { name: "驳回" }).click();

  await expect(b.getByRole("region", { name: "你的操作" }).getByRole("alert")).toHaveText("这个申请刚被其他人处理过。页面已更新为最新状态，请核对后再操作。");
  await expect(reject).toBeHidden();
  await expect(b.getByRole("region", { name: filed.rmaNo })).toContainText("待寄回");
  await expect(b.getByRole("region", { name: "你的操作" })).toContainText("当前没有需要你处理的操作。");
  await expect(timeline(b).getByRole("listitem").first()).toContainText("审核通过");
  await expect(timeline(b)).not.toContainText("不符合退货条件");
  await Promise.all([first.close(), second.close()]);
});
