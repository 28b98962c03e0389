/**
 * Holds on the request screen: customer service A claims a request; colleague B opens it and is
 * told A holds it, with no decision to take; the store manager reassigns it to B, and B can now
 * decide. Then the store manager hands it back to A from the queue's assign dialog.
 */
import { randomUUID } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { demoStaff, queueRows } from "./fixtures";
import { expect, fileRequest, freshStaff, signIn, test, STORY_TIMEOUT } from "./fixtures/staff-request";

test.describe.configure({ timeout: STORY_TIMEOUT * 2 });

async function pageFor(browser: Browser, who: { email: string; password: string }): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, who);
  return page;
}

const holdRegion = (page: Page) => page.getByRole("region", { name: "处理人" });
const actionsRegion = (page: Page) => page.getByRole("region", { name: "你的操作" });

test("A claims, B is told A holds it and gets no actions, the store manager reassigns to B, B can decide", async ({ browser, db, shopper }) => {
  const tag = randomUUID().slice(0, 4);
  const [a, b, admin] = await Promise.all([
    freshStaff(db, "customer_service", `客服甲${tag}`),
    freshStaff(db, "customer_service", `客服乙${tag}`),
    freshStaff(db, "admin", `店长${tag}`),
  ]);
  const filed = await fileRequest(db, shopper, "return_refund", [{ line: "mug" }]);
  const path = `/dashboard/requests/${filed.id}`;

  // A: nobody holds it yet; claim it on the request screen.
  const pageA = await pageFor(browser, a);
  await pageA.goto(path);
  await expect(holdRegion(pageA)).toContainText("暂无人认领");
  await holdRegion(pageA).getByRole("button", { name: `认领 ${filed.rmaNo}` }).click();
  await expect(pageA.getByRole("status").filter({ hasText: `已认领 ${filed.rmaNo}` })).toBeVisible();
  await expect(holdRegion(pageA)).toContainText(`${a.name}（我）`);
  await expect(holdRegion(pageA).getByRole("button", { name: `释放 ${filed.rmaNo}` })).toBeVisible();
  await expect(actionsRegion(pageA).getByRole("button", { name: /审核通过/ })).toBeVisible();

  // B: told who holds it and since when; no claim, no decisions.
  const pageB = await pageFor(browser, b);
  await pageB.goto(path);
  await expect(holdRegion(pageB)).toContainText(a.name);
  await expect(actionsRegion(pageB)).toContainText(`此申请已由 ${a.name} 认领（自 `);
  await expect(actionsRegion(pageB).getByRole("button")).toHaveCount(0);
  await expect(holdRegion(pageB).getByRole("button")).toHaveCount(0);

  // The store manager reassigns it to B on the request screen.
  const pageM = await pageFor(browser, admin);
  await pageM.goto(path);
  await holdRegion(pageM).getByRole("button", { name: `改派 ${filed.rmaNo}` }).click();
  const dialog = pageM.getByRole("dialog", { name: `指派 ${filed.rmaNo}` });
  // Nobody chosen: the form says so instead of sending.
  await dialog.getByRole("button", { name: "指派", exact: true }).click();
  await expect(dialog.getByText("请选择要指派的员工")).toBeVisible();
  // Only staff whose role reviews this status: the demo customer service user is offered, the demo
  // warehouse user is not; the current holder is listed but cannot be picked again.
  const select = dialog.getByLabel("指派给");
  await expect(select.getByRole("option", { name: demoStaff("cs").name, exact: true })).toHaveCount(1);
  await expect(select.getByRole("option", { name: demoStaff("warehouse").name, exact: true })).toHaveCount(0);
  await expect(select.getByRole("option", { name: `${a.name}（当前）` })).toBeDisabled();
  await select.selectOption({ label: b.name });
  await dialog.getByRole("button", { name: "指派", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(pageM.getByRole("status").filter({ hasText: `已将 ${filed.rmaNo} 指派给 ${b.name}` })).toBeVisible();
  await expect(holdRegion(pageM)).toContainText(b.name);

  // B now holds it and may decide; A is the one told to wait.
  await pageB.reload();
  await expect(holdRegion(pageB)).toContainText(`${b.name}（我）`);
  await expect(actionsRegion(pageB).getByRole("button", { name: /审核通过/ })).toBeVisible();
  await pageA.reload();
  await expect(actionsRegion(pageA)).toContainText(`此申请已由 ${b.name} 认领`);
  await expect(actionsRegion(pageA).getByRole("button")).toHaveCount(0);

  // From the queue, the store manager hands it back to A with the same dialog.
  await pageM.goto(`/dashboard?q=${filed.rmaNo}`);
  const row = queueRows(pageM).filter({ hasText: filed.rmaNo });
  await expect(row).toContainText(b.name);
  await row.getByRole("button", { name: `改派 ${filed.rmaNo}` }).click();
  const again = pageM.getByRole("dialog", { name: `指派 ${filed.rmaNo}` });
  await again.getByLabel("指派给").selectOption({ label: a.name });
  await again.getByRole("button", { name: "指派", exact: true }).click();
  await expect(again).toBeHidden();
  await expect(row).toContainText(a.name);

  await Promise.all([pageA, pageB, pageM].map((p) => p.context().close()));
});
