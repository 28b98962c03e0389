import { describe, expect, it } from "vitest";
import { fenToYuan, yuanToFen } from "../amount";

describe("fen ↔ Alipay yuan strings", () => {
  it("writes fen as yuan with exactly two places, no floating point", () => {
    expect(fenToYuan(0)).toBe("0.00");
    expect(fenToYuan(1)).toBe("0.01");
    expect(fenToYuan(10)).toBe("0.10");
    expect(fenToYuan(100)).toBe("1.00");
    expect(fenToYuan(1234)).toBe("12.34");
    // 0.29 * 100 and friends are where float arithmetic goes wrong.
    expect(fenToYuan(29)).toBe("0.29");
    expect(fenToYuan(100_000_000_01)).toBe("100000000.01");
    expect(fenToYuan(Number.MAX_SAFE_INTEGER)).toBe("90071992547409.91");
  });

  it("refuses what is not whole, non-negative fen", () => {
    for (const bad of [-1, 1.5, Number.NaN, Infinity, Number.MAX_SAFE_INTEGER + 1]) expect(() => fenToYuan(bad)).toThrow(RangeError);
  });

  it("reads Alipay's amounts back exactly, refunds' negative bill amounts included", () => {
    expect(yuanToFen("12.34")).toBe(1234);
    expect(yuanToFen("12.3")).toBe(1230);
    expect(yuanToFen("12")).toBe(1200);
    expect(yuanToFen("0.01")).toBe(1);
    expect(yuanToFen("0.29")).toBe(29);
    expect(yuanToFen("-5.00")).toBe(-500);
    expect(yuanToFen(" 7.50\t")).toBe(750);
  });

  it("round-trips every amount up to ¥100", () => {
    for (let fen = 0; fen <= 10_000; fen++) expect(yuanToFen(fenToYuan(fen))).toBe(fen);
  });

  it("refuses anything that is not an amount", () => {
    for (const bad of ["", "1.234", "1,00", "abc", "1e3", ".5", "1.", null, undefined]) expect(yuanToFen(bad)).toBeNull();
  });
});
