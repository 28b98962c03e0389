import { expect, type Page } from "@playwright/test";
import { DEMO_STAFF, type DemoStaff, type DemoStaffKey } from "../server/auth/demo-accounts";
import { passSecondFactor, type SecondFactorOf } from "./fixtures/two-factor";

export { DEMO_STAFF, type DemoStaff };

export function demoStaff(key: DemoStaffKey): DemoStaff {
  const staff = DEMO_STAFF.find((s) => s.key === key);
  if (!staff) throw new Error(`no demo account ${key}`);
  return staff;
}

/** The sign-in form's own alert (Next also renders a hidden route announcer with role="alert"). */
export function formAlert(page: Page) {
  return page.getByRole("form").getByRole("alert");
}

/** Signs in through the form, in whatever language the page is in, passes the second factor if asked, and waits for the queue. */
export async function signIn(page: Page, staff: Pick<DemoStaff, "email" | "password"> & SecondFactorOf, labels = { email: "工作邮箱", password: "密码", submit: "登录" }) {
  await page.goto("/login");
  await page.getByLabel(labels.email).fill(staff.email);
  await page.getByLabel(labels.password).fill(staff.password);
  await page.getByRole("button", { name: labels.submit, exact: true }).click();
  await passSecondFactor(page, staff);
  await expect(page).toHaveURL(/\/dashboard$/);
}

/** Body rows of the queue table (the header row has column headers only). */
export function queueRows(page: Page) {
  return page.getByRole("table").getByRole("row").filter({ has: page.getByRole("cell") });
}
