/**
 * The reconciliation service against the real database: which of our refunds count on a Beijing
 * day, how they meet a statement, and the days without one. The statement here is a plain list
 * (the comparison's mechanics); reconcile-sandbox.int.test.ts downloads real ones from the
 * sandbox processes.
 */
import { describe, expect, it } from "vitest";
import type { StatementLine } from "../../../payments/refund-gateway";
import { createTestDatabase } from "../../../test/db";
import { makeStaff } from "../../../test/fixtures";
import { reconcileDay } from "../reconcile-day";
import { reconcileRange } from "../reconcile-range";
import { insertRefund, requestForRefunds } from "./refund-rows";

const { db } = await createTestDatabase();

const DAY = "2026-11-20";
const at = (time: string) => new Date(`${DAY}T${time}+08:00`);
const line = (outRefundNo: string, amountFen: number, status = "SUCCESS"): StatementLine => ({ outRefundNo, gatewayRefundId: `G-${outRefundNo}`, orderNo: "T1", amountFen, status, at: at("12:00:00") });
const statementOf = (lines: StatementLine[]) => () => ({ statement: async () => lines });

describe("reconcileDay", () => {
  it("counts refunds on the Beijing day the money moved; started-but-unpaid ones on the day they were started", async () => {
    const r = await requestForRefunds(db);
    const finance = await makeStaff(db, "finance");
    const no = (n: string) => `RF${r.rmaNo}-D${n}`;
    // 00:10 Beijing on DAY is still the 19th in UTC: it counts on DAY.
    await insertRefund(db, { ...r, outRefundNo: no("1"), amountFen: 1_00, createdAt: at("00:05:00"), succeededAt: at("00:10:00"), createdBy: finance.id });
    // Started the day before, paid on DAY.
    await insertRefund(db, { ...r, outRefundNo: no("2"), amountFen: 2_00, createdAt: new Date(`2026-11-19T23:00:00+08:00`), succeededAt: at("09:00:00") });
    // Paid the next day (Beijing): not on DAY.
    await insertRefund(db, { ...r, outRefundNo: no("3"), amountFen: 3_00, createdAt: at("23:00:00"), succeededAt: new Date("2026-11-21T00:00:01+08:00") });
    // Still processing, started on DAY: listed, not counted.
    await insertRefund(db, { ...r, outRefundNo: no("4"), amountFen: 4_00, kind: "postage", status: "processing", createdAt: at("15:00:00") });
    // Another channel.
    await insertRefund(db, { ...r, outRefundNo: no("5"), amountFen: 5_00, channel: "wechat_pay", createdAt: at("10:00:00") });

    const day = await reconcileDay(db, DAY, "alipay", statementOf([line(no("1"), 1_00), line(no("2"), 2_00)]));
    expect(day.statement).toBe("compared");
    expect(day.rows.map((x) => x.outRefundNo).sort()).toEqual([no("1"), no("2"), no("4")]);
    expect(day.result).toMatchObject({ ourTotalFen: 3_00, ourCount: 2, gatewayTotalFen: 3_00, gatewayCount: 2, differences: [] });
    const first = day.rows.find((x) => x.outRefundNo === no("1"))!;
    expect(first).toMatchObject({ rmaNo: r.rmaNo, createdBy: "finance tester", kind: "goods", gatewayRefundId: `G-${no("1")}`, differences: [] });
  });

  it("lists a statement line we have no record of and an amount changed here", async () => {
    const r = await requestForRefunds(db);
    const no = (n: string) => `RF${r.rmaNo}-E${n}`;
    await insertRefund(db, { ...r, outRefundNo: no("1"), amountFen: 12_34, createdAt: at("10:00:00") });
    await insertRefund(db, { ...r, outRefundNo: no("2"), amountFen: 50_00, createdAt: at("11:00:00") });
    const stranger = "RFR999-1";
    const day = await reconcileDay(db, DAY, "alipay", statementOf([line(no("1"), 12_34), line(no("2"), 45_00), line(stranger, 7_00)]));
    const mine = day.result.differences.filter((d) => d.outRefundNo.startsWith(`RF${r.rmaNo}`) || d.outRefundNo === stranger);
    expect(mine.map((d) => [d.kind, d.outRefundNo]).sort()).toEqual([
      ["amount_differs", no("2")],
      ["missing_here", stranger],
    ]);
    const strangerRow = day.rows.find((x) => x.outRefundNo === stranger)!;
    expect(strangerRow).toMatchObject({ rmaNo: null, amountFen: 7_00, status: "SUCCESS", differences: ["missing_here"] });
  });

  it("a refund the statement pays on this day but we count on another is found by its number, not reported missing here", async () => {
    const r = await requestForRefunds(db);
    const no = `RF${r.rmaNo}-F1`;
    await insertRefund(db, { ...r, outRefundNo: no, amountFen: 9_00, createdAt: new Date("2026-11-18T10:00:00+08:00") });
    const day = await reconcileDay(db, DAY, "alipay", statementOf([line(no, 9_00)]));
    expect(day.result.differences.filter((d) => d.outRefundNo === no).map((d) => d.kind)).toEqual(["other_day"]);
  });

  it("offline and platform refunds are listed without a statement; an unconfigured gateway says so", async () => {
    const r = await requestForRefunds(db);
    await insertRefund(db, { ...r, outRefundNo: `RF${r.rmaNo}-O1`, amountFen: 8_00, channel: "offline", gatewayRefundId: null, offlineReference: "BANK-20261120-88", createdAt: at("16:00:00") });
    const asked: string[] = [];
    const offline = await reconcileDay(db, DAY, "offline", (c) => {
      asked.push(c);
      return undefined;
    });
    expect(offline.statement).toBe("no_statement");
    expect(asked).toEqual([]);
    // Finance's bank reference stands in the reference column of an offline refund.
    expect(offline.rows.find((x) => x.outRefundNo === `RF${r.rmaNo}-O1`)).toMatchObject({ gatewayRefundId: "BANK-20261120-88", differences: [] });
    expect(offline.result.gatewayTotalFen).toBe(0);
    expect((await reconcileDay(db, DAY, "wechat_pay", () => undefined)).statement).toBe("not_configured");
  });

  it("a statement that cannot be downloaded is statement_unavailable, not an empty comparison", async () => {
    const failing = () => ({
      statement: async () => {
        throw new Error("connect ECONNREFUSED");
      },
    });
    await expect(reconcileDay(db, DAY, "alipay", failing)).rejects.toMatchObject({ code: "statement_unavailable", params: { day: DAY } });
  });

  it("a range asks for each day's statement once and refuses more than 31 days", async () => {
    const days: string[] = [];
    const source = () => ({
      statement: async (d: string) => {
        days.push(d);
        return [];
      },
    });
    const out = await reconcileRange(db, "2026-11-29", "2026-12-02", "alipay", source);
    expect(out.map((d) => d.day)).toEqual(["2026-11-29", "2026-11-30", "2026-12-01", "2026-12-02"]);
    expect(days).toEqual(["2026-11-29", "2026-11-30", "2026-12-01", "2026-12-02"]);
    await expect(reconcileRange(db, "2026-11-01", "2026-12-02", "alipay", source)).rejects.toThrow(RangeError);
  });
});
