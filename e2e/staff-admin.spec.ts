import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { returnRequests } from "../db/schema";
import { createStaffUser } from "../server/auth/staff-users";
import { currentPolicy, replacePolicy } from "../server/services/policy-store";
import type { Page } from "@playwright/test";
import { expect as baseExpect, fileRequest, makeShopper, test } from "./fixtures/h5";
import { freshStaff } from "./fixtures/staff-request";
import { passSecondFactor, type SecondFactorOf } from "./fixtures/two-factor";

// Argon2 sign-ins and first renders are slow on a loaded CI box; wait longer than the 5 s default.
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 120_000 });

/** Signs in through the form and waits until the sign-in is done (the queue, or the change-password page). */
async function signIn(page: Page, who: { email: string; password: string } & SecondFactorOf, landing = /\/dashboard$/) {
  await page.goto("/login");
  await page.getByLabel("工作邮箱").fill(who.email);
  await page.getByLabel("密码").fill(who.password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await passSecondFactor(page, who);
  await expect(page).toHaveURL(landing);
}

/**
 * The store manager's stories: change the approval rules (simulate, save; requests keep the
 * route they were submitted under), and manage staff accounts (disable someone who is signed
 * in, create someone who must replace a one-time password).
 */


test.describe("Approval rules", () => {
  test("the admin lowers the operations threshold, simulates, saves; only later requests follow it", async ({ page, db }) => {
    const original = await currentPolicy(db);
    const admin = await freshStaff(db, "admin", "规则店长");
    try {
      // A ¥45 mug, returned before the change: no operations review under the ¥200 rule.
      const before = await fileRequest(db, await makeShopper(db), "return_refund", [{ line: "mug" }]);

      await signIn(page, admin);
      await page.goto("/dashboard/admin/policy");
      await expect(page.getByRole("heading", { level: 1, name: "审批规则" })).toBeVisible();

      const rule1 = page.getByRole("group", { name: "规则 1" });
      await rule1.getByLabel("退款金额超过（元）").fill("40");

      const simulator = page.getByRole("region", { name: "模拟" });
      await simulator.getByLabel("申请类型").selectOption({ label: "退货退款" });
      await simulator.getByLabel("退款金额（元）").fill("45");
      await simulator.getByRole("button", { name: "模拟", exact: true }).click();
      await expect(simulator.getByRole("heading", { name: "按草稿" })).toBeVisible();
      await expect(simulator.getByRole("list").first()).toContainText("运营复核");
      await expect(simulator.getByText(/^过去 30 天的 \d+ 个申请/)).toBeVisible();

      await page.getByLabel("版本说明").fill("e2e：¥40 起运营复核");
      await page.getByRole("button", { name: "保存为新版本" }).click();
      await expect(page.getByRole("status").filter({ hasText: `已保存为第 ${original.version + 1} 版` })).toBeVisible();
      const history = page.getByRole("region", { name: "版本记录" });
      await expect(history).toContainText("「e2e：¥40 起运营复核」");
      await expect(history).toContainText("规则「amount-over-200」的金额条件：¥200.00 → ¥40.00");

      const after = await fileRequest(db, await makeShopper(db), "return_refund", [{ line: "mug" }]);
      const routeOf = async (id: string) => (await db.select({ route: returnRequests.route }).from(returnRequests).where(eq(returnRequests.id, id)))[0]!.route.stages;
      expect(await routeOf(after.id)).toEqual(["cs_review", "ops_review", "customer_shipment", "warehouse_inspection", "refund"]);
      expect(await routeOf(before.id)).toEqual(["cs_review", "customer_shipment", "warehouse_inspection", "refund"]);
    } finally {
      // Other specs share this server: put the rules back as they were (as a new version).
      const now = await currentPolicy(db);
      if (now.version !== original.version) await replacePolicy(db, { policy: original.policy, note: "e2e: restore", expectedVersion: now.version, actorId: admin.id });
    }
  });
});

test.describe("Staff accounts", () => {
  test("disabling a signed-in user: their next action is refused and they land on the sign-in page", async ({ page, browser, db }) => {
    const admin = await freshStaff(db, "admin", "账号店长");
    const email = `leaver-${randomUUID().slice(0, 8)}@e2e.test`;
    await createStaffUser(db, { email, name: "离职测试", password: "leaver-passphrase", role: "customer_service" });
    const theirs = await browser.newContext();
    const them = await theirs.newPage();
    await signIn(them, { email, password: "leaver-passphrase" });

    await signIn(page, admin);
    await page.goto("/dashboard/admin/staff");
    await page.getByRole("button", { name: "停用: 离职测试" }).click();
    const dialog = page.getByRole("dialog", { name: "停用离职测试？" });
    await expect(dialog).toContainText("立即退出登录");
    await dialog.getByRole("button", { name: "确定" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("row", { name: /离职测试/ })).toContainText("已停用");

    // An API call with their cookie is refused, and the next page they open is the sign-in page.
    expect((await them.request.get("/api/trpc/staff.me")).status()).toBe(401);
    await them.reload();
    await expect(them).toHaveURL(/\/login$/);
    await theirs.close();
  });

  test("a new user signs in with the one-time password and must choose their own", async ({ page, browser, db }) => {
    const admin = await freshStaff(db, "admin", "新人店长");
    const email = `new-${randomUUID().slice(0, 8)}@e2e.test`;
    await signIn(page, admin);
    await page.goto("/dashboard/admin/staff");
    await page.getByRole("button", { name: "添加员工" }).click();
    const create = page.getByRole("dialog", { name: "添加员工" });
    await create.getByRole("button", { name: "创建账号" }).click();
    await expect(create.getByText("此项必填")).toBeVisible();
    await create.getByLabel("姓名").fill("新同事");
    await create.getByLabel("工作邮箱").fill(email);
    await create.getByLabel("角色").selectOption({ label: "仓管员" });
    await create.getByRole("button", { name: "创建账号" }).click();

    const shown = page.getByRole("dialog", { name: "一次性密码" });
    const password = (await shown.getByRole("status", { name: "一次性密码" }).textContent())!.trim();
    expect(password).toMatch(/^[\w]{5}-[\w]{5}-[\w]{5}$/);
    await shown.getByRole("button", { name: "我已记下" }).click();
    await expect(page.getByRole("row", { name: /新同事/ })).toContainText("待设置密码");

    const theirs = await browser.newContext();
    const them = await theirs.newPage();
    await signIn(them, { email, password }, /\/change-password$/);
    // The queue is closed until the password is changed.
    await them.goto("/dashboard");
    await expect(them).toHaveURL(/\/change-password$/);

    await them.getByLabel("当前密码（一次性密码）").fill(password);
    await them.getByLabel("新密码", { exact: true }).fill("short");
    await them.getByLabel("再次输入新密码").fill("different");
    await them.getByRole("button", { name: "保存新密码" }).click();
    await expect(them.getByText("新密码须为 10–200 个字符")).toBeVisible();
    await them.getByLabel("新密码", { exact: true }).fill("warehouse passphrase");
    await them.getByLabel("再次输入新密码").fill("warehouse passphrase");
    await them.getByRole("button", { name: "保存新密码" }).click();
    await expect(them).toHaveURL(/\/dashboard$/);
    await expect(them.getByRole("heading", { level: 1, name: /^仓库收货队列/ })).toBeVisible();
    await theirs.close();
  });

  test("signing out ends the session on the server: a copy of the cookie is refused afterwards", async ({ page, browser, db }) => {
    await signIn(page, await freshStaff(db, "finance", "退出测试"));
    const copy = await browser.newContext();
    await copy.addCookies(await page.context().cookies());
    const thief = await copy.newPage();
    await thief.goto("/dashboard");
    await expect(thief).toHaveURL(/\/dashboard$/);

    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page).toHaveURL(/\/login$/);

    expect((await thief.request.get("/api/trpc/staff.me")).status()).toBe(401);
    await thief.reload();
    await expect(thief).toHaveURL(/\/login$/);
    await copy.close();
  });
});
