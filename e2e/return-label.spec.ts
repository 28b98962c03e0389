import { expect, fileRequest, makeShopper, PHONE, signIn, staffDecides, test } from "./fixtures/h5";

/**
 * Printing a return slip (decision 027): the customer opens it from the tracking page, it shows
 * the RMA, the request's warehouse address and the lines; the browser's PDF of it is one A6 page,
 * print media shows the slip alone; the A4 sheet is a toggle away. Before approval it says why
 * not, and someone else's RMA is not found.
 */
test.use(PHONE);
test.describe.configure({ timeout: 120_000 });

/** Page objects in a PDF (not the /Pages tree). */
const pageCount = (pdf: Buffer) => (pdf.toString("latin1").match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;

test("the customer prints the return slip from the tracking page (page and PDF)", async ({ page, shopper, db, context }) => {
  const filed = await fileRequest(db, shopper, "return_refund", [{ line: "mug" }, { line: "shirt", quantity: 2 }]);
  // Over ¥200: customer service, then the operations manager approve.
  await staffDecides(db, "cs", filed.id, "approve");
  await staffDecides(db, "ops", filed.id, "approve");
  await signIn(db, context, shopper);

  await page.goto(`/requests/${filed.rmaNo}`);
  await expect(page.getByTestId("return-address")).toContainText("浙江省杭州市余杭区仓前街道 退换货仓");
  await page.getByRole("link", { name: "打印退货单" }).click();
  await expect(page).toHaveURL(new RegExp(`/requests/${filed.rmaNo}/label$`));

  const slip = page.getByTestId("return-slip");
  await expect(slip.getByTestId("slip-rma")).toHaveText(filed.rmaNo);
  await expect(slip.getByTestId("slip-address")).toContainText("浙江省杭州市余杭区仓前街道 退换货仓");
  await expect(slip.getByTestId("slip-address")).toContainText("收件人 售后部 · 电话 0571-88888888");
  await expect(slip.getByTestId("slip-sender")).toContainText(`${shopper.phone.slice(0, 3)}****${shopper.phone.slice(-4)}`);
  await expect(slip.getByTestId("slip-sender")).not.toContainText(shopper.phone);
  await expect(slip.getByTestId("slip-lines")).toContainText("陶瓷马克杯");
  await expect(slip.getByTestId("slip-lines")).toContainText("纯棉圆领T恤");
  await expect(slip.getByTestId("slip-lines")).toContainText("× 2");
  await expect(slip.getByRole("img", { name: `退换货单号 ${filed.rmaNo} 的条形码` })).toBeVisible();
  await expect(slip.getByRole("img", { name: `退换货单号 ${filed.rmaNo} 的二维码` })).toBeVisible();

  // What "print" / "save as PDF" makes of it: the A6 label is one page.
  const a6 = await page.pdf({ preferCSSPageSize: true });
  expect(a6.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(pageCount(a6)).toBe(1);

  // Print media: the slip alone, the H5 header and the toolbar are not shown.
  await page.emulateMedia({ media: "print" });
  await expect(slip).toBeVisible();
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.getByTestId("print-slip")).toBeHidden();
  await page.emulateMedia({ media: "screen" });

  await page.getByRole("link", { name: "A4 清单" }).click();
  await expect(page).toHaveURL(/layout=a4$/);
  await expect(page.getByTestId("return-slip")).toHaveAttribute("data-layout", "a4");
  const a4 = await page.pdf({ preferCSSPageSize: true });
  expect(a4.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(pageCount(a4)).toBeGreaterThanOrEqual(1);
});

test("before approval the slip says why not; another customer's RMA is not found", async ({ page, shopper, db, context }) => {
  const filed = await fileRequest(db, shopper, "return_refund", [{ line: "mug" }]);
  await signIn(db, context, shopper);
  await page.goto(`/requests/${filed.rmaNo}`);
  await expect(page.getByRole("link", { name: "打印退货单" })).toHaveCount(0);
  await page.goto(`/requests/${filed.rmaNo}/label`);
  await expect(page.getByTestId("label-refusal")).toHaveText("申请审核通过后才能打印退货单。");
  await expect(page.getByTestId("return-slip")).toHaveCount(0);

  const stranger = await makeShopper(db);
  const other = await fileRequest(db, stranger, "return_refund", [{ line: "mug" }]);
  await staffDecides(db, "cs", other.id, "approve");
  await page.goto(`/requests/${other.rmaNo}/label`);
  await expect(page.getByRole("heading", { name: "找不到这个申请" })).toBeVisible();
  await expect(page.getByTestId("return-slip")).toHaveCount(0);
  await expect(page.getByText(other.rmaNo)).toHaveCount(0);
});
