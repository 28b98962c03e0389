import { describe, expect, it } from "vitest";
import { attributesText, dateOnly, dateTime, deadlineView, format, relative, variantLabel, yuan } from ".";

describe("yuan", () => {
  it("groups thousands and keeps two decimals", () => {
    expect(yuan(129_900)).toBe("¥1,299.00");
    expect(yuan(123_456_789)).toBe("¥1,234,567.89");
    expect(yuan(5)).toBe("¥0.05");
  });
});

describe("format", () => {
  it("fills named slots and leaves unknown ones visible", () => {
    expect(format("共 {count} 件，{who}", { count: 3 })).toBe("共 3 件，{who}");
    expect(format("{n}/{n}", { n: 0 })).toBe("0/0");
  });
});

describe("dates in Asia/Shanghai", () => {
  // 2026-11-29 16:30 UTC is 00:30 on the 30th in Beijing: the day must roll over.
  const d = new Date("2026-11-29T16:30:00Z");
  it("shows Beijing time whatever the machine's zone", () => {
    expect(dateTime(d, "en")).toBe("Nov 30, 00:30");
    expect(dateOnly(d, "zh-CN")).toBe("11月30日");
  });
  it("says how far away, in the largest whole unit", () => {
    const now = new Date("2026-11-29T10:30:00Z");
    expect(relative(d, now, "en")).toBe("in 6 hours");
    expect(relative(now, d, "en")).toBe("6 hours ago");
  });
});

describe("deadlineView", () => {
  const now = new Date("2026-11-29T00:00:00Z");
  it("is null without a deadline", () => {
    expect(deadlineView(null, now, "en")).toBeNull();
  });
  it("counts hours, not '1 day', under two days out, and flags soon / overdue", () => {
    const in47h = deadlineView(new Date(now.getTime() + 47 * 3_600_000), now, "en");
    expect(in47h).toMatchObject({ relative: "in 47 hours", overdue: false, soon: false });
    expect(deadlineView(new Date(now.getTime() + 3_600_000), now, "en")).toMatchObject({ soon: true, overdue: false });
    expect(deadlineView(new Date(now.getTime() - 60_000), now, "en")).toMatchObject({ relative: "1 minute ago", overdue: true, soon: false });
  });
});

describe("attributes", () => {
  it("names only what differs from the bought variant", () => {
    expect(attributesText({ 颜色: "黑色", 尺码: "M" })).toBe("黑色 · M");
    expect(variantLabel({ 颜色: "黑色", 尺码: "L" }, { 颜色: "黑色", 尺码: "M" })).toBe("尺码 L");
    expect(variantLabel({ 颜色: "黑色" }, { 颜色: "黑色" })).toBe("颜色 黑色");
  });
});
