import { randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { and, desc, eq } from "drizzle-orm";
import type { Page } from "@playwright/test";
import { notificationDeliveries, returnEvents, staffAudit, webhookEndpoints } from "../db/schema";
import { verifyWebhook, WEBHOOK_HEADERS } from "../server/notifications/signature";
import { expect as baseExpect, fileRequest, test } from "./fixtures/h5";
import { freshStaff } from "./fixtures/staff-request";
import { passSecondFactor, type SecondFactorOf } from "./fixtures/two-factor";

// Each step is a server round trip (render, mutation, refresh) on a shared 2-core box.
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 180_000 });

async function signIn(page: Page, who: { email: string; password: string } & SecondFactorOf) {
  await page.goto("/login");
  await page.getByLabel("工作邮箱").fill(who.email);
  await page.getByLabel("密码").fill(who.password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await passSecondFactor(page, who);
  await expect(page).toHaveURL(/\/dashboard$/, { timeout: 30_000 });
}

/** An integrator's receiver in the test: answers 200 and keeps what it got. */
async function startReceiver() {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/returns`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/**
 * The store manager's notification pages, as a story at 1280×800 (and the same page at 390×844):
 * add an integrator webhook and see its signing secret exactly once, give the warehouse an e-mail
 * channel; find a failed webhook delivery in the Sent list and send it again: the worker delivers it
 * to a receiver in the test under the same delivery id, signed with the secret shown once.
 */
test("the store manager adds a webhook (secret shown once), a staff channel, and re-sends a delivery", async ({ page, db, shopper }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const receiver = await startReceiver();
  const tag = randomUUID().slice(0, 6);
  const admin = await freshStaff(db, "admin", "通知店长");
  await signIn(page, admin);

  await page.getByRole("navigation").getByRole("link", { name: "通知", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "通知" })).toBeVisible();
  await page.getByRole("navigation", { name: "通知页面" }).getByRole("link", { name: "对接 Webhook" }).click();
  await expect(page).toHaveURL(/\/dashboard\/admin\/notifications\/webhooks$/);

  // A webhook: the form says what is wrong per field, in Chinese, before anything is sent.
  await page.getByRole("button", { name: "新增 Webhook" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("接收地址（URL）").fill("ftp://erp.example.com");
  await dialog.getByRole("button", { name: "创建" }).click();
  await expect(dialog.getByText("名称须为 1–60 个字")).toBeVisible();
  await expect(dialog.getByText(/请填写以 http:\/\/ 或 https:\/\/ 开头的地址/)).toBeVisible();

  const name = `ERP ${tag}`;
  await dialog.getByLabel("名称").fill(name);
  await dialog.getByLabel("接收地址（URL）").fill(receiver.url);
  await dialog.getByRole("checkbox", { name: "提交申请" }).check();
  await dialog.getByRole("checkbox", { name: "退款成功" }).check();
  await dialog.getByRole("button", { name: "创建" }).click();

  // The secret, once: shown with a copy button and a warning, then never again.
  const secretDialog = page.getByRole("dialog", { name: "签名密钥" });
  await expect(secretDialog).toBeVisible();
  const secret = ((await page.getByTestId("webhook-secret").textContent()) ?? "").trim();
  expect(secret.length).toBeGreaterThanOrEqual(20);
  await expect(secretDialog).toContainText("此密钥只显示这一次");
  await expect(secretDialog.getByRole("button", { name: "复制" })).toBeVisible();
  await secretDialog.getByRole("button", { name: "我已保存" }).click();
  await expect(page.getByRole("status").filter({ hasText: `已创建「${name}」` })).toBeVisible();
  const card = page.getByRole("article", { name });
  await expect(card).toContainText("提交申请、退款成功");
  await expect(card).toContainText("尚未推送");
  await page.reload();
  await expect(page.getByRole("article", { name })).toBeVisible();
  await expect(page.locator("body")).not.toContainText(secret);
  const [endpoint] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.name, name));
  expect(endpoint!.secret).not.toContain(secret);

  // A staff channel: the warehouse hears about new work by e-mail.
  await page.getByRole("link", { name: "员工接收渠道" }).click();
  await page.getByRole("button", { name: "新增渠道" }).first().click();
  await dialog.getByLabel("角色").selectOption({ label: "仓管员" });
  await dialog.getByRole("radio", { name: "邮件" }).check();
  await dialog.getByLabel("邮箱地址").fill("not-an-address");
  await dialog.getByRole("button", { name: "添加", exact: true }).click();
  await expect(dialog.getByText("请输入有效的邮箱地址")).toBeVisible();
  const address = `warehouse-${tag}@e2e.test`;
  await dialog.getByLabel("邮箱地址").fill(address);
  await dialog.getByRole("button", { name: "添加", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "已为仓管员添加邮件" })).toBeVisible();
  await expect(page.getByRole("region", { name: "仓管员" })).toContainText(address);

  // A customer files a request, and its webhook delivery finally failed (the receiver was down).
  // The row is written as the notify.event job plans it: on the e2e server that job waits behind
  // the demo seed's backlog of events (one per polling interval), longer than a story should.
  const filed = await fileRequest(db, shopper);
  const [submitted] = await db.select({ id: returnEvents.id }).from(returnEvents).where(and(eq(returnEvents.requestId, filed.id), eq(returnEvents.action, "submit")));
  const [planned] = await db
    .insert(notificationDeliveries)
    .values({
      eventId: submitted!.id,
      requestId: filed.id,
      channel: "webhook",
      targetRef: endpoint!.id,
      target: name,
      templateKey: "webhook.event",
      locale: "zh-CN",
      status: "failed",
      attempts: 8,
      lastResponse: "HTTP 503: Service Unavailable",
      lastAttemptAt: new Date(),
    })
    .returning({ id: notificationDeliveries.id });
  const deliveryId = planned!.id;
  const statusOf = async () => (await db.select({ status: notificationDeliveries.status }).from(notificationDeliveries).where(eq(notificationDeliveries.id, deliveryId)))[0]?.status;

  // The Sent list, filtered to webhooks that failed.
  await page.getByRole("link", { name: "发送记录" }).click();
  await page.getByLabel("渠道").selectOption({ label: "Webhook" });
  await expect(page).toHaveURL(/channel=webhook/);
  await page.getByLabel("状态").selectOption({ label: "发送失败" });
  await expect(page).toHaveURL(/channel=webhook&status=failed/);
  const row = page.getByTestId("delivery-row").filter({ hasText: name });
  await expect(row).toContainText("提交申请");
  await expect(row).toContainText(filed.rmaNo);
  await expect(row).toContainText("对接系统：事件推送");
  await expect(row).toContainText("发送失败");
  await expect(row).toContainText("第 8 次尝试");
  await expect(row).toContainText("HTTP 503: Service Unavailable");
  await expect(row.getByRole("link", { name: filed.rmaNo })).toHaveAttribute("href", new RegExp(`q=${filed.rmaNo}`));

  // Re-send: confirmed, said, recorded; the worker delivers it under the same id, signed with the
  // secret that was shown once.
  await row.getByRole("button", { name: `重新发送给 ${name}` }).click();
  const confirm = page.getByRole("dialog", { name: "重新发送这条通知？" });
  await expect(confirm).toContainText(`Webhook → ${name}`);
  await expect(confirm).toContainText("上次发送失败：HTTP 503: Service Unavailable");
  await confirm.getByRole("button", { name: "重新发送" }).click();
  await expect(page.getByRole("status").filter({ hasText: `已重新排队发送给 ${name}` })).toBeVisible();
  await expect(confirm).toBeHidden();
  const ours = () => receiver.received.filter((r) => r.headers[WEBHOOK_HEADERS.delivery] === deliveryId);
  await expect.poll(() => ours().length, { timeout: 60_000 }).toBe(1);
  const call = ours()[0]!;
  expect(call.headers[WEBHOOK_HEADERS.event]).toBe("submit");
  expect(verifyWebhook(secret, { timestamp: String(call.headers[WEBHOOK_HEADERS.timestamp]), signature: String(call.headers[WEBHOOK_HEADERS.signature]) }, call.body)).toBe(true);
  expect(JSON.parse(call.body)).toMatchObject({ deliveryId, rmaNo: filed.rmaNo, action: "submit" });
  await expect.poll(statusOf).toBe("sent");
  await page.reload();
  await expect(row).toHaveCount(0);
  await page.goto("/dashboard/admin/notifications/webhooks");
  await expect(page.getByRole("article", { name })).toContainText("已发送");
  const [audited] = await db.select().from(staffAudit).where(and(eq(staffAudit.actorId, admin.id), eq(staffAudit.action, "notification_resend"))).orderBy(desc(staffAudit.createdAt));
  expect(audited!.details).toMatchObject({ deliveryId });

  // The same list on a phone: a card per delivery instead of the table, nothing wider than the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/dashboard/admin/notifications?channel=webhook");
  const phoneCard = page.getByTestId("delivery-card").filter({ hasText: filed.rmaNo });
  await expect(phoneCard).toContainText("已发送");
  await expect(phoneCard.getByRole("button", { name: `重新发送给 ${name}` })).toBeVisible();
  await expect(page.getByTestId("delivery-row").first()).toBeHidden();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // Done with it: deactivated, so later stories' submissions are not sent to a closed receiver.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/dashboard/admin/notifications/webhooks");
  await page.getByRole("article", { name }).getByRole("button", { name: "停用" }).click();
  await page.getByRole("dialog", { name: `停用「${name}」？` }).getByRole("button", { name: "停用" }).click();
  await expect(page.getByRole("status").filter({ hasText: `已停用「${name}」` })).toBeVisible();
  await expect(page.getByRole("article", { name })).toContainText("已停用");
  await receiver.close();
});
