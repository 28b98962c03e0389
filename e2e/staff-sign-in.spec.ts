import { expect, test } from "@playwright/test";
import { DEMO_STAFF, demoStaff, formAlert, queueRows, signIn } from "./fixtures";
import type { StaffRole } from "../server/domain/vocabulary";

/** What each role should find after signing in: its queue's title and the statuses that queue holds. */
const QUEUES: Record<StaffRole, { title: string; roleName: string; statuses: string[] }> = {
  customer_service: { title: "客服审核队列", roleName: "客服专员", statuses: ["待客服审核"] },
  operations_manager: { title: "运营复核队列", roleName: "运营主管", statuses: ["待运营复核", "验货不符待处理"] },
  warehouse: { title: "仓库收货队列", roleName: "仓管员", statuses: ["待寄回", "退货运输中", "待发换货"] },
  finance: { title: "财务退款队列", roleName: "财务人员", statuses: ["待财务复核", "待退款"] },
  // The store manager has no queue of their own and sees every request still in progress.
  admin: {
    title: "全部进行中的申请",
    roleName: "店长",
    statuses: ["待客服审核", "待运营复核", "待补充资料", "已驳回", "待寄回", "退货运输中", "验货不符待处理", "待财务复核", "待退款", "退款中", "待发换货"],
  },
};

const exactly = (names: string[]) => new RegExp(`^(${names.join("|")})$`);

test.describe("Staff sign in and see the requests waiting for them", () => {
  for (const staff of DEMO_STAFF) {
    const queue = QUEUES[staff.role];

    test(`${queue.roleName} ${staff.name} (${staff.email}) signs in, sees their own queue and signs out`, async ({ page }) => {
      await signIn(page, staff);

      await expect(page.getByRole("heading", { level: 1, name: new RegExp(`^${queue.title}`) })).toBeVisible();
      await expect(page.getByRole("banner")).toContainText(staff.name);
      await expect(page.getByRole("banner")).toContainText(queue.roleName);

      // The seed puts requests in every state: the queue is not empty, and every row belongs to this role.
      const rows = queueRows(page);
      await expect(rows.first()).toBeVisible();
      const total = await rows.count();
      await expect(rows.filter({ has: page.getByText(exactly(queue.statuses)) })).toHaveCount(total);
      // The count in the title is the number of rows, or more when the queue has further pages.
      const title = (await page.getByRole("heading", { level: 1 }).textContent()) ?? "";
      const counted = Number(/(\d+) 条/.exec(title)?.[1]);
      if (counted > total) await expect(page.getByRole("link", { name: "下一页" })).toBeVisible();
      else expect(counted).toBe(total);

      await page.getByRole("button", { name: "退出登录" }).click();
      await expect(page).toHaveURL(/\/login$/);
      await expect(page.getByRole("heading", { name: "员工登录" })).toBeVisible();
    });
  }

  test("a wrong password shows an error and stays on the sign-in page", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("工作邮箱").fill(demoStaff("cs").email);
    await page.getByLabel("密码").fill("not-the-password");
    await page.getByRole("button", { name: "登录", exact: true }).click();

    await expect(formAlert(page)).toHaveText("邮箱或密码不正确");
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByLabel("密码")).toHaveValue("");
  });

  test("an empty form says what is missing, in Chinese", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "登录", exact: true }).click();

    await expect(page.getByText("请输入有效的邮箱地址")).toBeVisible();
    await expect(page.getByText("请输入密码")).toBeVisible();
    await expect(page.getByLabel("工作邮箱")).toHaveAttribute("aria-invalid", "true");
    await expect(page).toHaveURL(/\/login$/);
  });

  test("a signed-out visit to the dashboard goes to the sign-in page", async ({ page }) => {
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole("heading", { name: "员工登录" })).toBeVisible();
  });

  test("the English switch shows the sign-in page and the queue in English", async ({ page }) => {
    await page.goto("/login");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");

    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { name: "Staff sign-in" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");

    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByText("Enter a valid email address")).toBeVisible();

    await signIn(page, demoStaff("cs"), { email: "Work email", password: "Password", submit: "Sign in" });
    await expect(page.getByRole("heading", { level: 1, name: /^Customer service queue/ })).toBeVisible();
    await expect(page.getByRole("columnheader", { name: "Deadline" })).toBeVisible();
    await expect(queueRows(page).first()).toContainText("Awaiting customer service review");

    // And back: the choice is a cookie, so it holds across pages until switched again.
    await page.getByRole("button", { name: "中文" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /^客服审核队列/ })).toBeVisible();
  });
});
