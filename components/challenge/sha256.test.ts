import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sha256 } from "./sha256";

describe("the proof-of-work hash", () => {
  it("matches node:crypto's SHA-256 for any text, across block boundaries", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        expect(Buffer.from(sha256(text)).toString("hex")).toBe(createHash("sha256").update(text).digest("hex"));
      }),
    );
    for (const n of [0, 55, 56, 63, 64, 119, 120]) expect(Buffer.from(sha256("a".repeat(n))).toString("hex")).toBe(createHash("sha256").update("a".repeat(n)).digest("hex"));
  });
});
