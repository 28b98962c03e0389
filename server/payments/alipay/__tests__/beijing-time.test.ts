import { describe, expect, it } from "vitest";
import { beijingDay, formatBeijingTime, parseBeijingTime } from "../beijing-time";

describe("Alipay's Beijing wall-clock times", () => {
  it("reads yyyy-MM-dd HH:mm:ss as UTC+8, with or without the notification's fraction", () => {
    expect(parseBeijingTime("2026-11-29 08:00:00")?.toISOString()).toBe("2026-11-29T00:00:00.000Z");
    expect(parseBeijingTime("2026-11-30 07:59:59.3")?.toISOString()).toBe("2026-11-29T23:59:59.300Z");
    expect(parseBeijingTime("2026-11-30 07:59:59.320")?.toISOString()).toBe("2026-11-29T23:59:59.320Z");
  });

  it("refuses what is not such a time", () => {
    for (const bad of ["", "2026-11-29", "29/11/2026 08:00:00", null, undefined]) expect(parseBeijingTime(bad)).toBeNull();
  });

  it("writes times and days in Beijing", () => {
    const at = new Date("2026-11-29T16:30:00.000Z");
    expect(formatBeijingTime(at)).toBe("2026-11-30 00:30:00");
    expect(beijingDay(at)).toBe("2026-11-30");
    expect(beijingDay(new Date("2026-11-29T15:59:59.999Z"))).toBe("2026-11-29");
  });
});
