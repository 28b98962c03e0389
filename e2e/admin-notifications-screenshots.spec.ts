import type { Page } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import { notificationDeliveries, returnEvents, webhookEndpoints } from "../db/schema";
import { BASE_URL, expect, fileRequest, makeShopper, test } from "./fixtures/h5";
import { freshStaff } from "./fixtures/staff-request";
import { passSecondFactor, type SecondFactorOf } from "./fixtures/two-factor";

/**
 * Not part of the normal run: `SCREENSHOTS=1 E2E_PORT=… npx playwright test --project=screenshots
 * e2e/admin-notifications-screenshots.spec.ts` writes PNGs of the store manager's notification
 * pages in every state (empty, list, dialogs, the secret shown once, field errors, a failed load)
 * at 390×844 and 1280×800, zh-CN and en, to screenshots/.
 */
const VIEWPORTS = [
  { name: "390", width: 390, height: 844 },
  { name: "1280", width: 1280, height: 800 },
] as const;
const LOCALES = ["zh-CN", "en"] as const;
type Locale = (typeof LOCALES)[number];

test.describe.configure({ mode: "serial", timeout: 900_000 });
test.use({ actionTimeout: 30_000, navigationTimeout: 60_000 });

const T = {
  "zh-CN": { addWebhook: "新增 Webhook", create: "创建", cancel: "取消", done: "我已保存", addChannel: "新增渠道", add: "添加", rotate: "更换密钥", resend: "重新发送", remove: "删除" },
  en: { addWebhook: "Add webhook", create: "Create", cancel: "Cancel", done: "I have saved it", addChannel: "Add channel", add: "Add", rotate: "Rotate secret", resend: "Re-send", remove: "Remove" },
} as const;

async function signIn(page: Page, who: { email: string; password: string } & SecondFactorOf) {
  await page.goto("/login");
  await page.getByLabel("工作邮箱").fill(who.email);
  await page.getByLabel("密码").fill(who.password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await passSecondFactor(page, who);
  await expect(page).toHaveURL(/\/dashboard$/, { timeout: 60_000 });
}

async function each(page: Page, fn: (locale: Locale, vp: (typeof VIEWPORTS)[number], name: string) => Promise<void>) {
  for (const locale of LOCALES) {
    await page.context().addCookies([{ name: "locale", value: locale, url: BASE_URL }]);
    for (const vp of VIEWPORTS) {
      await page.setViewportSize({ width: vp.width, height: vp.height });
      await fn(locale, vp, `admin-notifications-${locale}-${vp.name}`);
    }
  }
}

const shot = (page: Page, name: string, fullPage = true) => page.screenshot({ path: `screenshots/${name}.png`, fullPage });

test("the notification pages in every state", async ({ page, db }) => {
  const admin = await freshStaff(db, "admin", "截图店长");
  await signIn(page, admin);

  // Empty first (run this spec on its own server: no endpoints or staff channels yet), the failed load, the field errors.
  await each(page, async (locale, _vp, name) => {
    await page.goto("/dashboard/admin/notifications?channel=email&status=pending");
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.locator("main").getByRole("heading", { level: 2 }).first().waitFor();
    await shot(page, `${name}-sent-filtered-empty`);

    await page.route("**/api/trpc/notifications.deliveries**", (route) => route.abort());
    await page.goto("/dashboard/admin/notifications");
    await page.locator("main").getByRole("alert").waitFor();
    await shot(page, `${name}-sent-error`);
    await page.unroute("**/api/trpc/notifications.deliveries**");

    await page.goto("/dashboard/admin/notifications/webhooks");
    await page.getByRole("heading", { level: 1 }).waitFor();
    await shot(page, `${name}-webhooks-empty`);
    await page.getByRole("button", { name: T[locale].addWebhook }).click();
    await page.getByRole("dialog").getByRole("button", { name: T[locale].create }).click();
    await page.getByRole("dialog").getByRole("textbox").first().and(page.locator("[aria-invalid=true]")).waitFor();
    await shot(page, `${name}-webhook-errors`, false);
    await page.getByRole("dialog").getByRole("button", { name: T[locale].cancel }).click();

    await page.goto("/dashboard/admin/notifications/channels");
    await page.getByRole("heading", { level: 1 }).waitFor();
    await shot(page, `${name}-channels-empty`);
    await page.getByRole("button", { name: T[locale].addChannel }).click();
    await page.getByRole("dialog").getByRole("radio").last().check();
    await page.getByRole("dialog").getByRole("textbox").fill("not-an-address");
    await page.getByRole("dialog").getByRole("button", { name: T[locale].add, exact: true }).click();
    await page.locator("[aria-invalid=true]").first().waitFor();
    await shot(page, `${name}-channel-errors`, false);
    await page.getByRole("dialog").getByRole("button", { name: T[locale].cancel }).click();
  });

  // Something to list: a webhook that fails (nothing listens on port 9), staff channels, a filed request.
  await page.context().addCookies([{ name: "locale", value: "zh-CN", url: BASE_URL }]);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/dashboard/admin/notifications/webhooks");
  await page.getByRole("button", { name: T["zh-CN"].addWebhook }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("名称").fill("ERP 对接");
  await dialog.getByLabel("接收地址（URL）").fill("http://127.0.0.1:9/hooks/returns");
  await dialog.getByRole("checkbox", { name: "提交申请" }).check();
  await dialog.getByRole("checkbox", { name: "审核通过" }).check();
  await dialog.getByRole("button", { name: "创建" }).click();
  await page.getByTestId("webhook-secret").waitFor();
  await page.getByRole("button", { name: "我已保存" }).click();
  await page.goto("/dashboard/admin/notifications/channels");
  for (const [role, kind, target] of [
    ["客服专员", "企业微信群机器人", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=screenshots-cs"],
    ["客服专员", "邮件", "cs-team@example.com"],
    ["财务人员", "邮件", "finance@example.com"],
  ] as const) {
    await page.getByRole("button", { name: "新增渠道", exact: true }).first().click();
    await dialog.getByLabel("角色").selectOption({ label: role });
    await dialog.getByRole("radio", { name: kind }).check();
    await dialog.getByRole("textbox").fill(target);
    await dialog.getByRole("button", { name: "添加", exact: true }).click();
    await expect(dialog).toBeHidden();
  }
  const filed = await fileRequest(db, await makeShopper(db));
  // A webhook delivery that finally failed (nothing listens on port 9), written as the notify.event
  // job plans it: on the e2e server that job waits behind the seed's backlog of events.
  const [submitted] = await db.select({ id: returnEvents.id }).from(returnEvents).where(and(eq(returnEvents.requestId, filed.id), eq(returnEvents.action, "submit")));
  const [endpoint] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.name, "ERP 对接"));
  await db.insert(notificationDeliveries).values({
    eventId: submitted!.id,
    requestId: filed.id,
    channel: "webhook",
    targetRef: endpoint!.id,
    target: endpoint!.name,
    templateKey: "webhook.event",
    locale: "zh-CN",
    status: "failed",
    attempts: 8,
    lastResponse: "connect ECONNREFUSED 127.0.0.1:9",
    lastAttemptAt: new Date(),
  });

  await each(page, async (locale, _vp, name) => {
    await page.goto("/dashboard/admin/notifications");
    await page.getByRole("button", { name: new RegExp(`^${T[locale].resend}`) }).first().waitFor({ timeout: 60_000 });
    await shot(page, `${name}-sent-list`);
    await page.getByRole("button", { name: new RegExp(`^${T[locale].resend}`) }).first().click();
    await page.getByRole("dialog").waitFor();
    await shot(page, `${name}-sent-resend`, false);
    await page.getByRole("dialog").getByRole("button", { name: T[locale].cancel }).click();

    await page.goto("/dashboard/admin/notifications/webhooks");
    await page.getByTestId("endpoint-list").waitFor();
    await shot(page, `${name}-webhooks-list`);
    await page.getByRole("button", { name: T[locale].rotate }).first().click();
    await page.getByRole("dialog").getByRole("button", { name: T[locale].rotate }).click();
    await page.getByTestId("webhook-secret").waitFor();
    await shot(page, `${name}-webhook-secret`, false);
    await page.getByRole("button", { name: T[locale].done }).click();
    await page.getByRole("button", { name: /^(编辑|Edit)/ }).first().click();
    await page.getByRole("dialog").waitFor();
    await shot(page, `${name}-webhook-edit`, false);
    await page.getByRole("dialog").getByRole("button", { name: T[locale].cancel }).click();

    await page.goto("/dashboard/admin/notifications/channels");
    await page.getByTestId("channel-list").waitFor();
    await shot(page, `${name}-channels-list`);
    await page.getByRole("button", { name: T[locale].remove }).first().click();
    await page.getByRole("dialog").waitFor();
    await shot(page, `${name}-channel-remove`, false);
    await page.getByRole("dialog").getByRole("button", { name: T[locale].cancel }).click();
  });
});
