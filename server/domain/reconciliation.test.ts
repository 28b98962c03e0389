import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { StatementLine } from "../payments/refund-gateway";
import { beijingDay, beijingDayBounds, daysBetween, reconcile, type OurRefund } from "./reconciliation";
import { REFUND_STATUSES } from "./vocabulary";

const DAY = "2026-11-28";
// 10:00 Beijing on DAY.
const AT = new Date("2026-11-28T10:00:00+08:00");

const ours = (no: string, amountFen: number, status: OurRefund["status"] = "succeeded", at: Date = AT): OurRefund => ({
  outRefundNo: no,
  amountFen,
  status,
  succeededAt: status === "succeeded" ? at : null,
  createdAt: at,
});
const line = (no: string, amountFen: number, status = "SUCCESS"): StatementLine => ({ outRefundNo: no, gatewayRefundId: `G${no}`, orderNo: "T1", amountFen, status, at: AT });

describe("Beijing days", () => {
  it("16:30 UTC is already the next day in Beijing", () => {
    expect(beijingDay(new Date("2026-11-28T16:30:00Z"))).toBe("2026-11-29");
    expect(beijingDay(new Date("2026-11-28T15:59:59Z"))).toBe("2026-11-28");
  });
  it("a day runs from 00:00 to 24:00 Beijing time", () => {
    expect(beijingDayBounds(DAY).start.toISOString()).toBe("2026-11-27T16:00:00.000Z");
    expect(beijingDayBounds(DAY).end.toISOString()).toBe("2026-11-28T16:00:00.000Z");
    expect(() => beijingDayBounds("2026-02-30")).toThrow(RangeError);
    expect(daysBetween("2026-11-30", "2026-12-02")).toEqual(["2026-11-30", "2026-12-01", "2026-12-02"]);
  });
});

describe("reconcile", () => {
  it("everything matches: no differences, equal totals", () => {
    const r = reconcile(DAY, [ours("RFA-1", 100), ours("RFB-1", 250)], [line("RFB-1", 250), line("RFA-1", 100)]);
    expect(r).toEqual({ ourTotalFen: 350, ourCount: 2, gatewayTotalFen: 350, gatewayCount: 2, differences: [] });
  });

  it("a refund we count as paid that the statement lacks is missing at the gateway", () => {
    const r = reconcile(DAY, [ours("RFA-1", 100)], []);
    expect(r.differences).toEqual([{ kind: "missing_at_gateway", outRefundNo: "RFA-1", ours: { amountFen: 100, status: "succeeded" }, gateway: null }]);
    expect(r.ourTotalFen).toBe(100);
    expect(r.gatewayTotalFen).toBe(0);
  });

  it("a refund that failed here and is absent there is no difference", () => {
    expect(reconcile(DAY, [ours("RFA-1", 100, "failed"), ours("RFA-2", 100, "closed"), ours("RFA-3", 100, "processing")], []).differences).toEqual([]);
  });

  it("a number the statement pays and we do not know is missing here", () => {
    const r = reconcile(DAY, [], [line("RFX-9", 500)]);
    expect(r.differences).toEqual([{ kind: "missing_here", outRefundNo: "RFX-9", ours: null, gateway: { amountFen: 500, status: "SUCCESS", lines: 1 } }]);
    expect(r.gatewayTotalFen).toBe(500);
  });

  it("different amounts", () => {
    const r = reconcile(DAY, [ours("RFA-1", 100)], [line("RFA-1", 90)]);
    expect(r.differences.map((d) => [d.kind, d.ours?.amountFen, d.gateway?.amountFen])).toEqual([["amount_differs", 100, 90]]);
  });

  it("status differs both ways", () => {
    const r = reconcile(DAY, [ours("RFA-1", 100), ours("RFA-2", 200, "processing")], [line("RFA-1", 100, "CLOSED"), line("RFA-2", 200, "SUCCESS")]);
    expect(r.differences.map((d) => [d.kind, d.outRefundNo])).toEqual([
      ["status_differs", "RFA-1"],
      ["status_differs", "RFA-2"],
    ]);
  });

  it("a number paid twice by the statement is a duplicate payout, and both payouts count in its total", () => {
    const r = reconcile(DAY, [ours("RFA-1", 100)], [line("RFA-1", 100), line("RFA-1", 100)]);
    expect(r.differences).toEqual([{ kind: "duplicate_payout", outRefundNo: "RFA-1", ours: { amountFen: 100, status: "succeeded" }, gateway: { amountFen: 200, status: "SUCCESS", lines: 2 } }]);
    expect(r.gatewayTotalFen).toBe(200);
  });

  it("a refund we count on another day is named, not reported missing here", () => {
    const yesterday = new Date("2026-11-27T23:59:00+08:00");
    const r = reconcile(DAY, [ours("RFA-1", 100, "succeeded", yesterday)], [line("RFA-1", 100)]);
    expect(r.differences.map((d) => d.kind)).toEqual(["other_day"]);
    expect(r.ourTotalFen).toBe(0);
  });

  it("Alipay's words for success count as paid", () => {
    expect(reconcile(DAY, [ours("A", 1), ours("B", 1)], [line("A", 1, "REFUND_SUCCESS"), line("B", 1, "退款成功")]).differences).toEqual([]);
  });
});

describe("reconcile (properties)", () => {
  const refund = fc.record({
    outRefundNo: fc.stringMatching(/^RF[A-C][0-9]-[1-3]$/),
    amountFen: fc.integer({ min: 1, max: 1_000_000 }),
    status: fc.constantFrom(...REFUND_STATUSES),
  });
  const refunds = fc.uniqueArray(refund, { selector: (r) => r.outRefundNo, maxLength: 12 }).map((rs) => rs.map((r) => ours(r.outRefundNo, r.amountFen, r.status)));

  it("a statement that pays exactly our succeeded refunds matches, with equal totals", () => {
    fc.assert(
      fc.property(refunds, (rs) => {
        const statement = rs.filter((r) => r.status === "succeeded").map((r) => line(r.outRefundNo, r.amountFen));
        const result = reconcile(DAY, rs, statement);
        expect(result.differences).toEqual([]);
        expect(result.ourTotalFen).toBe(result.gatewayTotalFen);
      }),
    );
  });

  it("whenever the totals differ, some difference explains it", () => {
    const statementLine = fc.record({ no: fc.stringMatching(/^RF[A-D][0-9]-[1-3]$/), amountFen: fc.integer({ min: 1, max: 1_000_000 }), status: fc.constantFrom("SUCCESS", "CLOSED", "PROCESSING") });
    fc.assert(
      fc.property(refunds, fc.array(statementLine, { maxLength: 12 }), (rs, ls) => {
        const result = reconcile(DAY, rs, ls.map((l) => line(l.no, l.amountFen, l.status)));
        if (result.ourTotalFen !== result.gatewayTotalFen) expect(result.differences.length).toBeGreaterThan(0);
        // Every statement number we do not know is reported.
        for (const l of ls) if (!rs.some((r) => r.outRefundNo === l.no)) expect(result.differences.some((d) => d.kind === "missing_here" && d.outRefundNo === l.no)).toBe(true);
      }),
    );
  });
});
