import { describe, expect, it } from "vitest";
import { answerEffect, statusAfter, type AnswerState } from "./refund-answer";
import { REFUND_STATUSES } from "./vocabulary";

const ANSWERS: AnswerState[] = ["succeeded", "processing", "closed", "abnormal", "refused", "unknown"];

describe("what a gateway's answer does to a refund", () => {
  it("maps each answer for a live refund", () => {
    for (const status of ["pending", "processing"] as const) {
      expect(ANSWERS.map((a) => answerEffect(status, a))).toEqual(["succeed", "wait", "close", "abnormal", "fail", "wait"]);
    }
    expect(statusAfter("pending", "wait", "processing")).toBe("processing");
    expect(statusAfter("processing", "wait", "unknown")).toBe("processing");
    expect(statusAfter("pending", "wait", "unknown")).toBe("pending");
    expect(statusAfter("pending", "close", "closed")).toBe("closed");
    expect(statusAfter("pending", "fail", "refused")).toBe("failed");
  });

  it("changes nothing for a final refund, whatever arrives (duplicates, late answers)", () => {
    for (const status of ["succeeded", "failed", "closed"] as const) {
      for (const a of ANSWERS) expect(answerEffect(status, a)).toBe("ignore");
    }
  });

  it("an ABNORMAL refund only accepts a success: money that moved is recorded", () => {
    expect(ANSWERS.map((a) => answerEffect("abnormal", a))).toEqual(["succeed", "ignore", "ignore", "ignore", "ignore", "ignore"]);
  });

  it("covers every refund status", () => {
    for (const s of REFUND_STATUSES) for (const a of ANSWERS) expect(["succeed", "close", "fail", "abnormal", "wait", "ignore"]).toContain(answerEffect(s, a));
  });
});
