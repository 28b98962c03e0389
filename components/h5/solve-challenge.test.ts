/** The browser's solver (components/challenge/find-nonce.ts) produces what the server's check accepts. */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { issueChallenge, leadingZeroBits } from "../../server/challenge/proof-of-work";
import { solveChallenge } from "./solve-challenge";

describe("solveChallenge (browser side)", () => {
  it("finds a nonce whose SHA-256 has the asked number of leading zero bits", async () => {
    const challenge = issueChallenge("sms", 10);
    const solution = await solveChallenge(challenge);
    expect(solution.token).toBe(challenge.token);
    expect(leadingZeroBits(createHash("sha256").update(`${solution.token}:${solution.nonce}`).digest())).toBeGreaterThanOrEqual(10);
  });

  it("counts leading zero bits across bytes", () => {
    expect(leadingZeroBits(Buffer.from([0, 0x10, 0xff]))).toBe(11);
    expect(leadingZeroBits(Buffer.from([0x80]))).toBe(0);
  });
});
