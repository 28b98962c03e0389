import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import { orders, refunds } from "../db/schema";
import { fileRequest, makeShopper, signIn as customerSignIn } from "./fixtures/h5";
import { expect, openFromQueue, staffActs, statusOf, test, STORY_TIMEOUT } from "./fixtures/staff-request";

/**
 * Issue 8's stories end to end on the demo-style e2e server, whose payment sandboxes run next to
 * it and whose worker sends refunds to them: finance refunds a request, the customer's H5 page
 * shows the money back with its reference; a refund the gateway closes is retried from the
 * refund panel and completes under a new number.
 */
test.describe.configure({ timeout: STORY_TIMEOUT });

const panel = (page: Page) => page.getByRole("region", { name: "退款", exact: true });

/** Where the e2e server's payment sandboxes listen (scripts/e2e-server.ts writes the file). */
function sandboxes(): { alipay: string | null; wechatPay: string | null } {
  const file = process.env.E2E_SANDBOXES_FILE;
  if (!file) throw new Error("E2E_SANDBOXES_FILE is not set (playwright.config.ts sets it)");
  return JSON.parse(readFileSync(file, "utf8")) as { alipay: string | null; wechatPay: string | null };
}

/** A mug (¥45, paid by Alipay) its customer wants refunded, approved by customer service: finance's turn. */
async function waitingForFinance(db: Parameters<typeof makeShopper>[0]) {
  const shopper = await makeShopper(db);
  const filed = await fileRequest(db, shopper, "refund_only", [{ line: "mug", reasonCode: "size_not_fit" }]);
  await staffActs(db, "cs", filed.id, "approve");
  expect(await statusOf(db, filed.id)).toBe("pending_refund");
  return { shopper, request: { id: filed.id, rmaNo: filed.rmaNo } };
}

/** Reloads until the refund panel's records say `text` (the worker and the gateway answer in the background). */
async function panelShows(page: Page, text: string | RegExp) {
  await expect(async () => {
    await page.reload();
    await expect(panel(page).getByTestId("refund-record").last()).toContainText(text, { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
}

async function executeRefund(page: Page) {
  await page.getByRole("region", { name: "你的操作" }).getByRole("button", { name: /^原路退款/ }).click();
  const pay = page.getByRole("dialog", { name: "原路退款" });
  await pay.getByRole("button", { name: "原路退款" }).click();
  await expect(pay).toBeHidden();
}

test.describe("Refunds through the gateway sandbox", () => {
  test("finance refunds a request; the customer's page shows it refunded with the amount and the reference", async ({ page, browser, db }) => {
    const { shopper, request } = await waitingForFinance(db);

    await openFromQueue(page, "finance", request);
    await executeRefund(page);
    await panelShows(page, "已退款");
    await expect.poll(() => statusOf(db, request.id), { timeout: 30_000 }).toBe("completed");
    const [paid] = await db.select().from(refunds).where(eq(refunds.requestId, request.id));
    expect(paid!.gatewayRefundId).toBeTruthy();
    await expect(panel(page).getByTestId("refund-record")).toContainText(paid!.gatewayRefundId!);

    const customer = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await customerSignIn(db, customer, shopper);
    const h5 = await customer.newPage();
    await h5.goto(`/requests/${request.rmaNo}`);
    const card = h5.getByTestId("customer-refund");
    await expect(card).toContainText("退款已完成");
    await expect(card).toContainText("¥45.00");
    await expect(card).toContainText("原路退回支付宝");
    await expect(card).toContainText(paid!.gatewayRefundId!);
    await customer.close();
  });

  test("a refund the gateway closes is retried from the refund panel and completes under a new number", async ({ page, db }) => {
    const { shopper, request } = await waitingForFinance(db);
    // CLOSED is WeChat Pay's answer (Alipay has no closed refund number: it is retried under the same one),
    // so this order was paid by WeChat Pay, whose sandbox will close the first refund number without paying it.
    await db.update(orders).set({ paymentMethod: "wechat_pay" }).where(eq(orders.id, shopper.orderId));
    const wechatPay = sandboxes().wechatPay;
    if (!wechatPay) throw new Error("the e2e server started no WeChat Pay sandbox");
    const armed = await fetch(`${wechatPay}/sandbox/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ mode: "closed", outRefundNo: `RF${request.rmaNo}-1` }),
    });
    expect(armed.ok).toBe(true);

    await openFromQueue(page, "finance", request);
    await executeRefund(page);
    await panelShows(page, "已关闭（需换新单号）");

    await panel(page).getByRole("button", { name: "重新发起退款" }).click();
    const retry = page.getByRole("dialog", { name: "重新发起退款" });
    await expect(retry).toContainText(`原单号 RF${request.rmaNo}-1 已关闭`);
    await retry.getByRole("button", { name: "重新发起退款" }).click();
    await expect(retry).toBeHidden();
    await panelShows(page, "已退款");
    const records = panel(page).getByTestId("refund-record");
    await expect(records).toHaveCount(2);
    await expect(records.last()).toContainText(`RF${request.rmaNo}-2`);
    await expect.poll(() => statusOf(db, request.id), { timeout: 30_000 }).toBe("completed");
  });
});
