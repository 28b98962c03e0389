/**
 * The staff queue on the demo data: search by RMA and by a phone's last four digits, filters kept
 * in the URL across a reload, claiming shows the holder, and bulk approval with one request in
 * the batch that cannot be bulk approved (it needs an operations review).
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect as baseExpect, test, type Page } from "@playwright/test";
import { sql } from "drizzle-orm";
import { createDb } from "../db/client";
import { createStaffUser } from "../server/auth/staff-users";
import { assessRequests } from "../server/services/customer-history";
import { queueRows } from "./fixtures";
import { passSecondFactor, type SecondFactorOf } from "./fixtures/two-factor";

// Sign-in hashes a password (argon2id) and the queue pages render on the server: on a loaded
// two-core CI box either can take longer than the 5 s default.
const expect = baseExpect.configure({ timeout: 45_000 });

async function signIn(page: Page, staff: { email: string; password: string } & SecondFactorOf) {
  await page.goto("/login");
  await page.getByLabel("工作邮箱").fill(staff.email);
  await page.getByLabel("密码").fill(staff.password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await passSecondFactor(page, staff);
  await expect(page).toHaveURL(/\/dashboard$/);
}

function databaseUrl(): string {
  const file = process.env.E2E_DATABASE_URL_FILE;
  if (!file) throw new Error("E2E_DATABASE_URL_FILE is not set (playwright.config.ts sets it)");
  return readFileSync(file, "utf8").trim();
}

type Pending = {
  id: string;
  rma_no: string;
  phone: string;
  requested_refund_fen: number;
  ops: boolean;
  holder_id: string | null;
};

/** Customer service's waiting requests as the database has them now. */
async function pendingCsReview(): Promise<Pending[]> {
  const { db, sql: client } = createDb(databaseUrl(), { max: 1 });
  try {
    const rows = await db.execute<Pending>(sql`
      SELECT r.id, r.rma_no, c.phone, r.requested_refund_fen, r.route->'stages' ? 'ops_review' AS ops, r.holder_id
      FROM return_requests r JOIN customers c ON c.id = r.customer_id
      WHERE r.status = 'pending_cs_review' ORDER BY r.created_at`);
    return [...rows];
  } finally {
    await client.end();
  }
}

async function riskFree(ids: string[]): Promise<Set<string>> {
  const { db, sql: client } = createDb(databaseUrl(), { max: 1 });
  try {
    const assessed = await assessRequests(db, ids);
    return new Set(ids.filter((id) => (assessed.get(id)?.signals.length ?? 0) === 0));
  } finally {
    await client.end();
  }
}

test.describe.configure({ mode: "serial", timeout: 120_000 });

/**
 * A customer service user of each test's own: the demo account is shared with other specs and
 * every sign-in counts against the per-email limit (5 in 15 minutes).
 */
let me: { name: string; email: string; password: string };

test.beforeEach(async ({ page }) => {
  const { db, sql: client } = createDb(databaseUrl(), { max: 1 });
  try {
    const tag = randomUUID().slice(0, 6);
    me = { name: `队列客服${tag}`, email: `queue-cs-${tag}@e2e.test`, password: "e2e passphrase" };
    await createStaffUser(db, { ...me, role: "customer_service" });
  } finally {
    await client.end();
  }
  await signIn(page, me);
});

test("search by RMA finds exactly that request", async ({ page }) => {
  const [target] = await pendingCsReview();
  await page.getByRole("searchbox", { name: "搜索" }).fill(target!.rma_no.toLowerCase());
  await page.getByRole("button", { name: "搜索", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`q=${target!.rma_no.toLowerCase()}`));
  await expect(queueRows(page)).toHaveCount(1);
  await expect(queueRows(page).first().getByRole("link", { name: target!.rma_no })).toBeVisible();
});

test("search by the last four digits of a phone shows that customer's requests, phones masked", async ({ page }) => {
  const [target] = await pendingCsReview();
  const last4 = target!.phone.slice(-4);
  await page.getByRole("searchbox", { name: "搜索" }).fill(last4);
  await page.getByRole("button", { name: "搜索", exact: true }).click();
  await expect(queueRows(page).filter({ hasText: target!.rma_no })).toHaveCount(1);
  for (const row of await queueRows(page).all()) await expect(row).toContainText(`****${last4}`);
  await expect(page.getByText(target!.phone)).toHaveCount(0);
});

test("filters live in the URL and survive a reload; a search with no match says so", async ({ page }) => {
  await page.getByText("筛选", { exact: true }).click();
  await page.getByLabel("类型").selectOption("exchange");
  await page.getByRole("button", { name: "应用筛选" }).click();
  await expect(page).toHaveURL(/type=exchange/);
  await page.reload();
  await expect(page.getByLabel("类型")).toHaveValue("exchange");
  const rows = queueRows(page);
  await expect(rows.first()).toBeVisible();
  for (const row of await rows.all()) await expect(row.getByRole("cell").nth(3)).toHaveText("换货");

  await page.getByRole("searchbox", { name: "搜索" }).fill("没有这个人");
  await page.getByRole("button", { name: "搜索", exact: true }).click();
  await expect(page.getByRole("heading", { name: "没有符合条件的申请" })).toBeVisible();
});

test("claiming a request shows who holds it", async ({ page }) => {
  const target = (await pendingCsReview()).find((r) => !r.holder_id)!;
  await page.getByRole("button", { name: `认领 ${target.rma_no}` }).click();
  const row = queueRows(page).filter({ hasText: target.rma_no });
  await expect(row).toContainText(`${me.name}（我）`);
  await expect(row.getByRole("button", { name: `释放 ${target.rma_no}` })).toBeVisible();
  await page.reload();
  await expect(queueRows(page).filter({ hasText: target.rma_no })).toContainText(`${me.name}（我）`);
});

test("bulk approve: the eligible request is approved, the one needing an operations review is listed with why", async ({ page }) => {
  const pending = (await pendingCsReview()).filter((r) => !r.holder_id);
  const safe = await riskFree(pending.map((r) => r.id));
  const eligible = pending.find((r) => !r.ops && r.requested_refund_fen <= 20_000 && safe.has(r.id));
  const ineligible = pending.find((r) => r.ops);
  // The demo seed has both kinds waiting for customer service (scripts/seed/scenarios.ts).
  expect(eligible, "an eligible request in the demo data").toBeTruthy();
  expect(ineligible, "a request needing ops review in the demo data").toBeTruthy();
  await page.getByRole("checkbox", { name: `选择 ${eligible!.rma_no}` }).check();
  await page.getByRole("checkbox", { name: `选择 ${ineligible!.rma_no}` }).check();
  await page.getByRole("button", { name: "批量通过（2）" }).click();
  const dialog = page.getByRole("dialog", { name: "批量通过结果" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("1 条已通过，1 条未通过");
  await expect(dialog.getByRole("listitem")).toHaveCount(1);
  await expect(dialog.getByRole("listitem")).toContainText(ineligible!.rma_no);
  await expect(dialog.getByRole("listitem")).toContainText("需要运营主管复核，不能批量通过");
  await dialog.getByRole("button", { name: "关闭" }).first().click();
  await expect(queueRows(page).filter({ hasText: eligible!.rma_no })).toHaveCount(0);
  await expect(queueRows(page).filter({ hasText: ineligible!.rma_no })).toHaveCount(1);
});
