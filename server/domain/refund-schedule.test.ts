import { describe, expect, it } from "vitest";
import { CHECK_LIMIT_HOURS, checkDelayMinutes, isOverdue, nextCheckAt } from "./refund-schedule";

const MIN = 60_000;
const created = new Date("2026-11-29T00:00:00.000Z");

describe("the reconciler's schedule", () => {
  it("waits 1 minute after sending, then 5, 10, 20, 30 minutes, then hourly", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 40].map(checkDelayMinutes)).toEqual([1, 5, 10, 20, 30, 60, 60, 60]);
    // Never-sent (0 calls) is asked after a minute too.
    expect(checkDelayMinutes(0)).toBe(1);
  });

  it("walks the whole schedule from creation: 1, 6, 16, 36, 66, 126 … minutes", () => {
    let now = created;
    const at: number[] = [];
    for (let calls = 1; calls <= 6; calls++) {
      now = nextCheckAt({ createdAt: created, calls, now })!;
      at.push((now.getTime() - created.getTime()) / MIN);
    }
    expect(at).toEqual([1, 6, 16, 36, 66, 126]);
  });

  it("stops at the limit: null once the next check would fall past 72 hours, and the refund is overdue", () => {
    const lastHour = new Date(created.getTime() + (CHECK_LIMIT_HOURS * 60 - 60) * MIN);
    expect(nextCheckAt({ createdAt: created, calls: 20, now: lastHour })).toEqual(new Date(created.getTime() + CHECK_LIMIT_HOURS * 60 * MIN));
    expect(nextCheckAt({ createdAt: created, calls: 20, now: new Date(lastHour.getTime() + 1) })).toBeNull();
    expect(isOverdue({ status: "processing", nextCheckAt: null, createdAt: created }, lastHour)).toBe(true);
    expect(isOverdue({ status: "pending", nextCheckAt: lastHour, createdAt: created }, new Date(created.getTime() + 73 * 60 * MIN))).toBe(true);
    expect(isOverdue({ status: "pending", nextCheckAt: lastHour, createdAt: created }, lastHour)).toBe(false);
    expect(isOverdue({ status: "succeeded", nextCheckAt: null, createdAt: created }, lastHour)).toBe(false);
  });
});
