import { describe, expect, it } from "vitest";
import { beijingDateTime } from "./export-cells";
import { csvCell, csvStream } from "./export-csv";

describe("csvCell", () => {
  it("quotes every cell and doubles quotes", () => {
    expect(csvCell('王"小"明, 北京')).toBe('"王""小""明, 北京"');
  });
  it.each(["=1+1", "+86 138", "-2", "@SUM(A1)", "\tx", "\rx"])("defuses a leading formula character: %j", (v) => {
    expect(csvCell(v).startsWith(`"'`)).toBe(true);
  });
  it("leaves ordinary values alone", () => {
    expect(csvCell("12.34")).toBe('"12.34"');
    expect(csvCell("RF2026-1")).toBe('"RF2026-1"');
  });
});

describe("csvStream", () => {
  it("starts with a byte-order mark and ends each line with CRLF", async () => {
    const text = await new Response(csvStream(["日期"], [{ cells: ["2026-11-28"], amountFen: 0 }])).arrayBuffer();
    const bytes = new Uint8Array(text);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe('"日期"\r\n"2026-11-28"\r\n');
  });
});

describe("beijingDateTime", () => {
  it("writes Beijing time whatever the machine's zone", () => {
    expect(beijingDateTime(new Date("2026-11-28T16:30:05Z"))).toBe("2026-11-29 00:30:05");
  });
});
