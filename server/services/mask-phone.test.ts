import { describe, expect, it } from "vitest";
import { maskPhone } from "./mask-phone";

describe("maskPhone", () => {
  it("keeps the first three and last four digits, and nothing of a value that is no phone number", () => {
    expect(maskPhone("13800138000")).toBe("138****8000");
    expect(maskPhone("12345")).toBe("****");
    expect(maskPhone("anonymised:0b3a9415-c3ea-49ee-8124-d5ad6ed19ae4")).toBe("****");
  });
});
