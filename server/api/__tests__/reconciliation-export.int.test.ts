/**
 * GET /api/staff/reconciliation-export: who may download, what the query may ask, and the files
 * themselves (the CSV's byte-order mark and escaping; the Excel file read back with exceljs).
 */
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { STAFF_ROLES } from "../../domain/vocabulary";
import type { StatementLine } from "../../payments/refund-gateway";
import { insertRefund, renameStaff, requestForRefunds } from "../../services/reconciliation/__tests__/refund-rows";
import { createTestDatabase } from "../../test/db";
import { makeOrder, makeStaff, testContext } from "../../test/fixtures";
import type { Context } from "../context";
import { reconciliationExport } from "../reconciliation-export";

const { db } = await createTestDatabase();

const DAY = "2026-11-21";
const at = (time: string) => new Date(`${DAY}T${time}+08:00`);
let rmaNo = "";
let paid = "";
let changed = "";
const STRANGER = "RFR000000-9";

beforeAll(async () => {
  const r = await requestForRefunds(db);
  rmaNo = r.rmaNo;
  paid = `RF${r.rmaNo}-1`;
  changed = `RF${r.rmaNo}-2`;
  const finance = await makeStaff(db, "finance");
  // A name a spreadsheet would run as a formula if it were written as it is.
  await renameStaff(db, finance.id, '=HYPERLINK("http://evil.example","点我")');
  await insertRefund(db, { ...r, outRefundNo: paid, amountFen: 12_34, createdAt: at("09:00:00"), succeededAt: at("09:30:15"), createdBy: finance.id });
  await insertRefund(db, { ...r, outRefundNo: changed, amountFen: 20_00, kind: "postage", createdAt: at("10:00:00"), createdBy: finance.id });
});

const line = (outRefundNo: string, amountFen: number): StatementLine => ({ outRefundNo, gatewayRefundId: `G-${outRefundNo}`, orderNo: "T1", amountFen, status: "SUCCESS", at: at("12:00:00") });
const statements: Context["statements"] = () => ({ statement: async (day) => (day === DAY ? [line(paid, 12_34), line(changed, 19_00), line(STRANGER, 5_00)] : []) });

function get(query: Record<string, string>, headers: Record<string, string> = {}): Request {
  return new Request(`http://shop.test/api/staff/reconciliation-export?${new URLSearchParams(query)}`, { headers: { host: "shop.test", ...headers } });
}
const dayQuery = (format: "csv" | "xlsx") => ({ from: DAY, to: DAY, channel: "alipay", format });

async function as(role: (typeof STAFF_ROLES)[number], over: Partial<Context> = {}): Promise<Context> {
  return testContext(db, { staff: await makeStaff(db, role), statements, ...over });
}

describe("who may download", () => {
  it.each(["finance", "admin"] as const)("%s gets the file", async (role) => {
    const res = await reconciliationExport(get(dayQuery("csv")), await as(role));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="refunds-alipay-${DAY}.csv"`);
  });

  it.each(STAFF_ROLES.filter((r) => r !== "finance" && r !== "admin"))("%s is refused", async (role) => {
    const res = await reconciliationExport(get(dayQuery("csv")), await as(role));
    expect(res.status).toBe(403);
    expect(await res.text()).toBe("没有权限执行此操作");
  });

  it("an anonymous caller and a signed-in customer are asked to sign in", async () => {
    const { customer } = await makeOrder(db, [{ priceFen: 10_00 }]);
    expect((await reconciliationExport(get(dayQuery("csv")), testContext(db, { statements }))).status).toBe(401);
    expect((await reconciliationExport(get(dayQuery("csv")), testContext(db, { customer, customerToken: "t", statements }))).status).toBe(401);
  });

  it("finance before the second factor or with a one-time password is refused", async () => {
    const staff = await makeStaff(db, "finance");
    expect((await reconciliationExport(get(dayQuery("csv")), testContext(db, { staff: { ...staff, secondFactorPending: "verify" }, statements }))).status).toBe(403);
    expect((await reconciliationExport(get(dayQuery("csv")), testContext(db, { staff: { ...staff, mustChangePassword: true }, statements }))).status).toBe(403);
  });

  it("a page elsewhere cannot make a signed-in browser download it", async () => {
    const res = await reconciliationExport(get(dayQuery("csv"), { origin: "https://evil.example", "sec-fetch-site": "cross-site" }), await as("finance"));
    expect(res.status).toBe(403);
  });
});

describe("what the query may ask", () => {
  it.each([
    ["more than 31 days", { from: "2026-11-01", to: "2026-12-02", channel: "alipay" }],
    ["an end before the start", { from: "2026-11-21", to: "2026-11-20", channel: "alipay" }],
    ["a day that does not exist", { from: "2026-02-30", to: "2026-03-01", channel: "alipay" }],
    ["an unknown channel", { from: DAY, to: DAY, channel: "paypal" }],
    ["an unknown format", { from: DAY, to: DAY, channel: "alipay", format: "pdf" }],
  ])("refuses %s with 400", async (_, query) => {
    const res = await reconciliationExport(get(query), await as("finance"));
    expect(res.status).toBe(400);
  });

  it("31 days is allowed", async () => {
    const res = await reconciliationExport(get({ from: "2026-11-01", to: "2026-12-01", channel: "offline" }), await as("finance"));
    expect(res.status).toBe(200);
  });

  it("a statement that cannot be downloaded is a 503 with the reason, not half a file", async () => {
    const failing: Context["statements"] = () => ({
      statement: async () => {
        throw new Error("socket hang up");
      },
    });
    const res = await reconciliationExport(get(dayQuery("csv")), await as("finance", { statements: failing, locale: "en" }));
    expect(res.status).toBe(503);
    expect(await res.text()).toBe(`The payment gateway's statement for ${DAY} could not be downloaded. Try again shortly`);
  });
});

describe("the files", () => {
  it("CSV: byte-order mark, Chinese headers, amounts to the fen, Beijing time, differences, and no formulas", async () => {
    const res = await reconciliationExport(get(dayQuery("csv")), await as("finance"));
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.split("\r\n");
    expect(lines[0]).toBe('"日期","渠道","退货单号","退款单号","网关退款号","类型","金额（元）","状态","退款成功时间（北京时间）","发起人","差异"');
    const paidLine = lines.find((l) => l.includes(`"${paid}"`));
    expect(paidLine).toBe(`"${DAY}","支付宝","${rmaNo}","${paid}","G-${paid}","货款","12.34","已退款","${DAY} 09:30:15","'=HYPERLINK(""http://evil.example"",""点我"")",""`);
    expect(lines.find((l) => l.includes(`"${changed}"`))).toContain('"运费","20.00","已退款"');
    expect(lines.find((l) => l.includes(`"${changed}"`))).toMatch(/"金额不一致"$/);
    expect(lines.find((l) => l.includes(`"${STRANGER}"`))).toBe(`"${DAY}","支付宝","","${STRANGER}","G-${STRANGER}","","5.00","SUCCESS","${DAY} 12:00:00","","本系统无此退款"`);
    expect(text.endsWith("\r\n")).toBe(true);
    // Every cell that starts with a formula character was defused.
    for (const l of lines.slice(1)) for (const cell of l.match(/"(?:[^"]|"")*"/g) ?? []) expect(cell).not.toMatch(/^"[=+\-@]/);
  });

  it("Excel: parses back with exceljs, amounts as numbers of yuan, the name as plain text", async () => {
    const res = await reconciliationExport(get(dayQuery("xlsx")), await as("admin", { locale: "en" }));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe(`Alipay ${DAY}`);
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual(["Day", "Channel", "RMA", "Refund no.", "Gateway reference", "Kind", "Amount (CNY)", "Status", "Succeeded at (Beijing time)", "Created by", "Difference"]);
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => values(i + 2));
    const paidRow = rows.find((r) => r[3] === paid)!;
    // No difference: the last cell is empty (exceljs leaves an empty text cell out).
    expect(paidRow).toEqual([DAY, "Alipay", rmaNo, paid, `G-${paid}`, "Goods", 12.34, "Succeeded", `${DAY} 09:30:15`, '=HYPERLINK("http://evil.example","点我")']);
    expect(sheet.getRow(rows.indexOf(paidRow) + 2).getCell(10).type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getRow(rows.indexOf(paidRow) + 2).getCell(7).numFmt).toBe("0.00");
    expect(rows.find((r) => r[3] === changed)![10]).toBe("Amount differs");
    expect(rows.find((r) => r[3] === STRANGER)![10]).toBe("Missing here");
  });
});
